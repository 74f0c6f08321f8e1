package org.whatmatters.data;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.whatmatters.json.Json;
import org.whatmatters.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An opaque page cursor: the last key a page ended on. Decoding checks it belongs to the same
 * listing, so a cursor cannot be used to read another person's items.
 */
public final class Cursor {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    /** DynamoDB refuses a sort key over 1 KB (a partition key over 2 KB): a longer value was never issued. */
    private static final int KEY_BYTES_MAX = 1024;
    private static final int CURSOR_MAX = 8 * 1024;

    private Cursor() {
    }

    public static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** @param partition the index partition key attribute and the value the cursor must carry */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> attributes,
                                                     String partitionAttribute, String partition) {
        Map<String, String> plain;
        if (cursor == null || cursor.length() > CURSOR_MAX) {
            throw ProblemException.invalidField("cursor", "is not a cursor this listing issued");
        }
        try {
            plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), MAP);
        } catch (Exception e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this listing issued");
        }
        if (plain == null || !plain.keySet().equals(attributes) || plain.values().stream().anyMatch(v -> v == null
                || v.isBlank() || v.getBytes(StandardCharsets.UTF_8).length > KEY_BYTES_MAX)
                || !partition.equals(plain.get(partitionAttribute))) {
            throw ProblemException.invalidField("cursor", "is not a cursor this listing issued");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
        return key;
    }
}
