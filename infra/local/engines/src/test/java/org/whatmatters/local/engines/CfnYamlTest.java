package org.whatmatters.local.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

    private static Map<String, Object> doc;

    @BeforeAll
    static void load() throws URISyntaxException {
        doc = CfnYaml.load(Path.of(CfnYamlTest.class.getResource("/tags.yaml").toURI()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String... path) {
        Map<String, Object> m = doc;
        for (String key : path) {
            m = (Map<String, Object>) m.get(key);
        }
        return m;
    }

    private static Map<String, Object> fn(String key, Object value) {
        return Map.of(key, value);
    }

    @Test
    void conditionTagsBecomeLongForms() {
        Map<String, Object> c = section("Conditions");
        assertEquals(fn("Fn::Equals", List.of(fn("Ref", "Stage"), "prod")), c.get("IsProd"));
        assertEquals(fn("Fn::Not", List.of(fn("Condition", "IsProd"))), c.get("NotProd"));
        assertEquals(fn("Fn::And", List.of(fn("Condition", "IsProd"), fn("Condition", "NotProd"))), c.get("Both"));
        assertEquals(fn("Fn::Or", List.of(fn("Condition", "IsProd"), fn("Condition", "NotProd"))), c.get("Either"));
    }

    @Test
    void refAndGetAttBecomeLongForms() {
        Map<String, Object> p = section("Resources", "Thing", "Properties");
        assertEquals(fn("Ref", "Stage"), p.get("Ref"));
        assertEquals(fn("Fn::GetAtt", List.of("Table", "StreamArn")), p.get("GetAtt"));
        assertEquals(fn("Fn::GetAtt", List.of("Stack", "Outputs.Name")), p.get("GetAttNested"), "split at the first dot");
        assertEquals(fn("Fn::GetAtt", List.of("Table", "Arn")), p.get("GetAttList"));
    }

    @Test
    void functionTagsBecomeFnMaps() {
        Map<String, Object> p = section("Resources", "Thing", "Properties");
        assertEquals(fn("Fn::Sub", "${AWS::StackName}-x"), p.get("Sub"));
        assertEquals(fn("Fn::Sub", List.of("${A}-y", Map.of("A", fn("Ref", "Stage")))), p.get("SubList"));
        assertEquals(fn("Fn::If", List.of("IsProd", "big", "small")), p.get("If"));
        assertEquals(fn("Fn::Join", List.of(",", List.of("a", "b"))), p.get("Join"));
        assertEquals(fn("Fn::Select", List.of(0, fn("Fn::GetAZs", ""))), p.get("Select"));
        assertEquals(fn("Fn::Split", List.of(",", "a,b")), p.get("Split"));
        assertEquals(fn("Fn::FindInMap", List.of("Map", "Key", "Value")), p.get("FindInMap"));
        assertEquals(fn("Fn::ImportValue", "SharedVpc"), p.get("ImportValue"));
        assertEquals(fn("Fn::Base64", "hello"), p.get("Base64"));
        assertEquals(fn("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)), p.get("Cidr"));
        assertEquals(fn("Fn::Transform", Map.of("Name", "AWS::Include", "Parameters", Map.of("Location", "s3://b/k"))),
                p.get("Transform"));
    }

    @Test
    void plainValuesKeepTypesAndOrder() {
        Map<String, Object> p = section("Resources", "Thing", "Properties");
        assertInstanceOf(LinkedHashMap.class, p);
        assertEquals(List.of("Ref", "GetAtt", "GetAttNested", "GetAttList", "Sub", "SubList", "If", "Join", "Select",
                "Split", "FindInMap", "ImportValue", "Base64", "Cidr", "Transform", "Plain"), List.copyOf(p.keySet()));
        assertEquals(Map.of("Count", 3, "Enabled", true, "Name", "text"), p.get("Plain"));
    }

    @Test
    void unknownTagIsNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class, () -> CfnYaml.parse("A:\n  B: !Xyz value\n"));
        assertTrue(e.getMessage().startsWith("Unknown CloudFormation tag !Xyz"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void getAttWithoutADotIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> CfnYaml.parse("A: !GetAtt Table\n"));
        assertTrue(e.getMessage().contains("'Table'"), e.getMessage());
    }

    @Test
    void nonMappingDocumentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CfnYaml.parse("- just\n- a list\n"));
    }
}
