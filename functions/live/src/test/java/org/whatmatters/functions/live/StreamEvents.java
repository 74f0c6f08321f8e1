package org.whatmatters.functions.live;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.whatmatters.data.DataTable;
import org.whatmatters.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds DynamodbEvent batches from real items of the test table, in the JSON Lambda sends, read by
 * Lambda's own serialiser: a write is captured as its old and new image.
 */
final class StreamEvents {

    private static final AtomicLong SEQUENCE = new AtomicLong(100_000_000_000L);

    record Record(String sequenceNumber, String eventName, Map<String, AttributeValue> oldImage,
                  Map<String, AttributeValue> newImage) {
    }

    private final DataTable data;
    private final List<Record> records = new ArrayList<>();

    StreamEvents(DataTable data) {
        this.data = data;
    }

    Map<String, AttributeValue> read(String pk, String sk) {
        return data.client().getItem(g -> g.tableName(data.name()).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
    }

    /** Runs {@code write} and records the change it made to item (pk, sk); answers its sequence number. */
    String change(String pk, String sk, Runnable write) {
        Map<String, AttributeValue> before = read(pk, sk);
        write.run();
        Map<String, AttributeValue> after = read(pk, sk);
        boolean existed = before != null && !before.isEmpty();
        return add(existed ? "MODIFY" : "INSERT", existed ? before : null, after);
    }

    String add(String eventName, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        String seq = Long.toString(SEQUENCE.incrementAndGet());
        records.add(new Record(seq, eventName, oldImage, newImage));
        return seq;
    }

    DynamodbEvent event() {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode list = event.putArray("Records");
        for (Record r : records) {
            ObjectNode o = list.addObject();
            o.put("eventID", "e-" + r.sequenceNumber());
            o.put("eventName", r.eventName());
            o.put("eventVersion", "1.1");
            o.put("eventSource", "aws:dynamodb");
            o.put("awsRegion", "eu-west-2");
            ObjectNode d = o.putObject("dynamodb");
            d.put("ApproximateCreationDateTime", 1795424400);
            Map<String, AttributeValue> image = r.newImage() != null ? r.newImage() : r.oldImage();
            d.set("Keys", item(Map.of("PK", image.get("PK"), "SK", image.get("SK"))));
            if (r.newImage() != null) {
                d.set("NewImage", item(r.newImage()));
            }
            if (r.oldImage() != null) {
                d.set("OldImage", item(r.oldImage()));
            }
            d.put("SequenceNumber", r.sequenceNumber());
            d.put("SizeBytes", 512);
            d.put("StreamViewType", "NEW_AND_OLD_IMAGES");
            o.put("eventSourceARN", "arn:aws:dynamodb:eu-west-2:000000000000:table/" + data.name() + "/stream/x");
        }
        return LambdaEventSerializers.serializerFor(DynamodbEvent.class, StreamEvents.class.getClassLoader())
                .fromJson(Json.write(event));
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            case SS -> v.ss().forEach(o.putArray("SS")::add);
            case NS -> v.ns().forEach(o.putArray("NS")::add);
            case M -> o.set("M", item(v.m()));
            case L -> {
                ArrayNode l = o.putArray("L");
                v.l().forEach(e -> l.add(value(e)));
            }
            default -> throw new IllegalArgumentException("unsupported " + v);
        }
        return o;
    }
}
