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
        try {
            plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), MAP);
        } catch (Exception e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this listing issued");
        }
        if (plain == null || !plain.keySet().equals(attributes) || plain.values().stream().anyMatch(v -> v == null || v.isBlank())
                || !partition.equals(plain.get(partitionAttribute))) {
            throw ProblemException.invalidField("cursor", "is not a cursor this listing issued");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
        return key;
    }
}
