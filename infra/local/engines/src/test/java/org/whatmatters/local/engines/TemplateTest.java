package org.whatmatters.local.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static Template sample() throws URISyntaxException {
        return Template.load(Path.of(TemplateTest.class.getResource("/resources.yaml").toURI()));
    }

    @Test
    void testCloudFindsTheRepositoryTemplate() {
        Path moduleDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        assertEquals(moduleDir, TestCloud.repoRoot().resolve("infra/local/engines"));
    }

    @Test
    void readsTheRepositoryDataTable() {
        Template template = TestCloud.template();
        assertEquals(List.of("ConnectionsTable", "DataTable"),
                template.tables().stream().map(TableSpec::logicalId).sorted().toList());
        TableSpec t = template.table("DataTable");
        assertNull(t.tableName());
        assertEquals(Map.of("PK", "S", "SK", "S", "GSI1PK", "S", "GSI1SK", "S", "GSI2PK", "S", "GSI2SK", "S",
                "GSI3PK", "S", "GSI3SK", "S"), t.attributes());
        assertEquals("PK", t.hashKey());
        assertEquals("SK", t.rangeKey());
        assertEquals(List.of(new GsiSpec("GSI1", "GSI1PK", "GSI1SK", "ALL", List.of()),
                new GsiSpec("GSI2", "GSI2PK", "GSI2SK", "ALL", List.of()),
                new GsiSpec("GSI3", "GSI3PK", "GSI3SK", "ALL", List.of())), t.gsis());
        assertEquals("NEW_AND_OLD_IMAGES", t.streamViewType());
        assertEquals("expiresAt", t.ttlAttribute());
    }

    @Test
    void resourcesKeepTypesAndLongFormIntrinsics() {
        Map<String, Resource> resources = TestCloud.template().resources();
        assertEquals("AWS::Serverless::HttpApi", resources.get("HttpApi").type());
        assertEquals(Map.of("Ref", "Stage"), resources.get("HttpApi").properties().get("StageName"));
        Resource function = resources.get("VisitsApiFunction");
        assertEquals("AWS::Serverless::Function", function.type());
        Map<?, ?> policy = (Map<?, ?>) ((List<?>) function.properties().get("Policies")).get(0);
        Map<?, ?> statement = (Map<?, ?>) ((List<?>) policy.get("Statement")).get(0);
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of("DataTable", "Arn")),
                Map.of("Fn::Sub", "${DataTable.Arn}/index/*")), statement.get("Resource"));
        // The buckets have no literal name: the stack names them.
        assertEquals(List.of(new BucketSpec("SummariesBucket", null), new BucketSpec("WebBucket", null)),
                TestCloud.template().buckets());
    }

    @Test
    void readsSimpleTablesAndOtherIndexShapes() throws URISyntaxException {
        List<TableSpec> tables = sample().tables();
        assertEquals(List.of(
                new TableSpec("Sessions", "sessions", Map.of("sessionId", "N"), "sessionId", null, List.of(), null, null),
                new TableSpec("Defaults", null, Map.of("id", "S"), "id", null, List.of(), null, null),
                new TableSpec("Events", null, Map.of("id", "S", "kind", "S", "at", "N"), "id", null, List.of(
                        new GsiSpec("ByKind", "kind", "at", "INCLUDE", List.of("title", "owner")),
                        new GsiSpec("KindOnly", "kind", null, "KEYS_ONLY", List.of())),
                        "KEYS_ONLY", null)),
                tables);
    }

    @Test
    void readsBucketsWithLiteralNamesOnly() throws URISyntaxException {
        assertEquals(List.of(new BucketSpec("Photos", "photos-bucket"), new BucketSpec("Exports", null),
                new BucketSpec("Logs", null)), sample().buckets());
    }

    @Test
    void unknownTableIsAnError() throws URISyntaxException {
        Template template = sample();
        assertThrows(IllegalArgumentException.class, () -> template.table("Photos"));
    }
}
