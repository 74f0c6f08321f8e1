package org.whatmatters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.whatmatters.live.Change;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Lambda's stream records as the SDK's attribute values, which the stores' schemas read. */
public final class StreamImages {

    private StreamImages() {
    }

    public static Change change(DynamodbEvent.DynamodbStreamRecord r) {
        var d = r.getDynamodb();
        return new Change(d.getSequenceNumber(), r.getEventName(), item(d.getOldImage()), item(d.getNewImage()));
    }

    static Map<String, AttributeValue> item(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        image.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (Boolean.TRUE.equals(v.getNULL())) {
            return AttributeValue.fromNul(true);
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getBS() != null) {
            return AttributeValue.fromBs(v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(item(v.getM()));
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(StreamImages::value).toList());
        }
        throw new IllegalArgumentException("an attribute value of no known type");
    }
}
