package org.whatmatters.live;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One DynamoDB stream record of the data table, without Lambda's event types. */
public record Change(String sequenceNumber, String eventName, Map<String, AttributeValue> oldImage,
                     Map<String, AttributeValue> newImage) {

    public Change {
        oldImage = oldImage == null ? Map.of() : Map.copyOf(oldImage);
        newImage = newImage == null ? Map.of() : Map.copyOf(newImage);
    }

    public boolean inserted() {
        return "INSERT".equals(eventName);
    }

    public boolean modified() {
        return "MODIFY".equals(eventName);
    }
}
