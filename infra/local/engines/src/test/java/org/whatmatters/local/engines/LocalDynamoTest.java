package org.whatmatters.local.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class LocalDynamoTest {

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyType()).toList();
    }

    @Test
    void freshTableHasTheDeclaredIndexesAndStream() {
        String table = TestCloud.freshTable();
        TableDescription d = TestCloud.dynamo().describeTable(r -> r.tableName(table)).table();

        assertEquals(List.of("PK:HASH", "SK:RANGE"), keys(d.keySchema()));
        Map<String, GlobalSecondaryIndexDescription> gsis = d.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertEquals(Set.of("GSI1", "GSI2", "GSI3"), gsis.keySet());
        assertEquals(List.of("GSI1PK:HASH", "GSI1SK:RANGE"), keys(gsis.get("GSI1").keySchema()));
        assertEquals(List.of("GSI2PK:HASH", "GSI2SK:RANGE"), keys(gsis.get("GSI2").keySchema()));
        assertEquals(List.of("GSI3PK:HASH", "GSI3SK:RANGE"), keys(gsis.get("GSI3").keySchema()));
        assertEquals(ProjectionType.ALL, gsis.get("GSI1").projection().projectionType());
        assertEquals(ProjectionType.ALL, gsis.get("GSI2").projection().projectionType());
        assertTrue(d.streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, d.streamSpecification().streamViewType());
        assertNotNull(d.latestStreamArn());
    }

    @Test
    void freshTableHasTtlEnabled() {
        String table = TestCloud.freshTable();
        TimeToLiveDescription ttl = TestCloud.dynamo().describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void putGetAndIndexQueryRoundTrip() {
        String table = TestCloud.freshTable();
        DynamoDbClient db = TestCloud.dynamo();
        Map<String, AttributeValue> item = Map.of("PK", s("CLIENT#1"), "SK", s("VISIT#7"),
                "GSI1PK", s("CARER#3"), "GSI1SK", s("2026-01-02"), "note", s("tea, no sugar"));
        db.putItem(r -> r.tableName(table).item(item));

        assertEquals(item, db.getItem(r -> r.tableName(table).key(Map.of("PK", s("CLIENT#1"), "SK", s("VISIT#7"))))
                .item());
        var byCarer = db.query(r -> r.tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :c").expressionAttributeValues(Map.of(":c", s("CARER#3"))));
        assertEquals(List.of(item), byCarer.items());
    }

    @Test
    void freshTablesAreSeparateAndTheEngineIsShared() {
        String first = TestCloud.freshTable();
        String second = TestCloud.freshTable();
        assertNotEquals(first, second);
        TestCloud.dynamo().putItem(r -> r.tableName(first).item(Map.of("PK", s("a"), "SK", s("b"))));
        assertEquals(0, TestCloud.dynamo().scan(r -> r.tableName(second)).count());
        assertSame(TestCloud.dynamo(), TestCloud.dynamo());
        assertTrue(TestCloud.dynamoEndpoint().getPort() > 0);
    }

    @Test
    void dbPathKeepsDataAndCreateTableIsIdempotent(@TempDir Path dir) {
        TableSpec spec = TestCloud.template().table("DataTable");
        Map<String, AttributeValue> key = Map.of("PK", s("k"), "SK", s("1"));
        try (LocalDynamo first = LocalDynamo.start(0, dir)) {
            first.createTable(spec, "kept");
            first.client().putItem(r -> r.tableName("kept").item(Map.of("PK", s("k"), "SK", s("1"), "v", s("x"))));
        }
        try (LocalDynamo second = LocalDynamo.start(0, dir)) {
            second.createTable(spec, "kept");
            assertEquals(s("x"), second.client().getItem(r -> r.tableName("kept").key(key)).item().get("v"));
            assertEquals(TimeToLiveStatus.ENABLED, second.client().describeTimeToLive(r -> r.tableName("kept"))
                    .timeToLiveDescription().timeToLiveStatus());
        }
    }

    @Test
    void hashOnlyTableWithIncludeIndex() throws Exception {
        Template sample = Template.load(Path.of(getClass().getResource("/resources.yaml").toURI()));
        try (LocalDynamo dynamo = LocalDynamo.start()) {
            dynamo.createTable(sample.table("Events"), "events");
            TableDescription d = dynamo.client().describeTable(r -> r.tableName("events")).table();
            assertEquals(List.of("id:" + KeyType.HASH), keys(d.keySchema()));
            var byKind = d.globalSecondaryIndexes().stream().filter(g -> g.indexName().equals("ByKind"))
                    .findFirst().orElseThrow().projection();
            assertEquals(ProjectionType.INCLUDE, byKind.projectionType());
            assertEquals(List.of("title", "owner"), byKind.nonKeyAttributes());
            assertEquals(StreamViewType.KEYS_ONLY, d.streamSpecification().streamViewType());
            assertEquals(TimeToLiveStatus.DISABLED, dynamo.client().describeTimeToLive(r -> r.tableName("events"))
                    .timeToLiveDescription().timeToLiveStatus());
        }
    }
}
