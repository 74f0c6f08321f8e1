package org.whatmatters.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.whatmatters.problem.FieldError;
import org.whatmatters.problem.Problem;
import org.whatmatters.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorTest {

    private static final Set<String> KEYS = Set.of("PK", "SK", "GSI1PK", "GSI1SK");
    private static final String PARTITION = "CLIENT#c-rosa#VISITS";

    private static Map<String, AttributeValue> key(String partition) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("PK", AttributeValue.fromS("VISIT#v-1"));
        key.put("SK", AttributeValue.fromS("VISIT"));
        key.put("GSI1PK", AttributeValue.fromS(partition));
        key.put("GSI1SK", AttributeValue.fromS("2026-11-23T09:00:00Z#v-1"));
        return key;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String cursor) {
        Problem p = assertThrows(ProblemException.class,
                () -> Cursor.decode(cursor, KEYS, "GSI1PK", PARTITION)).problem();
        assertEquals(400, p.status());
        assertEquals(1, p.errors().size());
        assertEquals("cursor", p.errors().getFirst().field());
        assertTrue(p.detail().startsWith("cursor: "), p.detail());
    }

    @Test
    void roundTrips() {
        String cursor = Cursor.encode(key(PARTITION));
        assertEquals(key(PARTITION), Cursor.decode(cursor, KEYS, "GSI1PK", PARTITION));
    }

    @Test
    void encodedCursorIsUrlSafeAndUnpadded() {
        String cursor = Cursor.encode(Map.of("PK", AttributeValue.fromS("ü?>>~~~"), "SK", AttributeValue.fromS("x")));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertFalse(cursor.contains("="), cursor);
    }

    /** A forged cursor with a key value DynamoDB would refuse (over 1 KB) is a 400, not a 500 from DynamoDB. */
    @Test
    void keyValuesLongerThanAnyIssuedAreRefused() {
        Map<String, AttributeValue> forged = key(PARTITION);
        forged.put("PK", AttributeValue.fromS("VISIT#" + "v".repeat(3000)));
        assertRefused(Cursor.encode(forged));
        assertRefused("A".repeat(9000));
    }

    @Test
    void cursorForAnotherPartitionIsRefused() {
        assertRefused(Cursor.encode(key("CLIENT#c-arthur#VISITS")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage!", "not base64 at all", "%%%%", "eyJ", "abc+/def"})
    void garbageIsRefused(String cursor) {
        assertRefused(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[\"CLIENT#c-rosa#VISITS\"]",
            "\"CLIENT#c-rosa#VISITS\"",
            "null",
            "{}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":\"VISIT\",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":\"VISIT\",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\",\"X\":\"y\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":\" \",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":\"\",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":null,\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":7,\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":{\"S\":\"x\"},\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":\"VISIT\",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"} {}",
            "{\"PK\":\"VISIT#v-1\",\"SK\":\"VISIT\",\"GSI1PK\":\"CLIENT#c-arthur#VISITS\",\"GSI1SK\":\"s\"}",
            "{\"PK\":\"a\",\"PK\":\"b\",\"SK\":\"VISIT\",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"s\"}"})
    void wellEncodedButWrongContentIsRefused(String json) {
        assertRefused(b64(json));
    }

    @Test
    void handMadeCursorWithTheRightShapeIsAccepted() {
        // The cursor is opaque but not signed: the partition check is what keeps it to this listing.
        Map<String, AttributeValue> key = Cursor.decode(
                b64("{\"PK\":\"p\",\"SK\":\"s\",\"GSI1PK\":\"CLIENT#c-rosa#VISITS\",\"GSI1SK\":\"t\"}"),
                KEYS, "GSI1PK", PARTITION);
        assertEquals(AttributeValue.fromS(PARTITION), key.get("GSI1PK"));
        assertEquals(4, key.size());
    }

    @Test
    void refusalMessageIsStable() {
        Problem p = assertThrows(ProblemException.class,
                () -> Cursor.decode("x", KEYS, "GSI1PK", PARTITION)).problem();
        assertEquals(new FieldError("cursor", "is not a cursor this listing issued"), p.errors().getFirst());
    }
}
