import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A global SDK interceptor (the cost bench puts it on the classpath): every DynamoDB call of every
 * function asks for its consumed capacity (ReturnConsumedCapacity TOTAL), which is summed as read and
 * write request units; every call of every client is counted by service and operation.
 */
public final class Meter implements ExecutionInterceptor {

    static final DoubleAdder READ_UNITS = new DoubleAdder();
    static final DoubleAdder WRITE_UNITS = new DoubleAdder();
    static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    static void reset() {
        READ_UNITS.reset();
        WRITE_UNITS.reset();
        CALLS.clear();
    }

    static Map<String, Long> calls() {
        Map<String, Long> m = new TreeMap<>();
        CALLS.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(op, k -> new LongAdder()).increment();
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> read(r.consumedCapacity());
            case QueryResponse r -> read(r.consumedCapacity());
            case ScanResponse r -> read(r.consumedCapacity());
            case TransactGetItemsResponse r -> r.consumedCapacity().forEach(Meter::read);
            case BatchGetItemResponse r -> r.consumedCapacity().forEach(Meter::read);
            case PutItemResponse r -> write(r.consumedCapacity());
            case UpdateItemResponse r -> write(r.consumedCapacity());
            case DeleteItemResponse r -> write(r.consumedCapacity());
            case TransactWriteItemsResponse r -> r.consumedCapacity().forEach(Meter::write);
            case BatchWriteItemResponse r -> r.consumedCapacity().forEach(Meter::write);
            default -> {
            }
        }
    }

    private static void read(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            READ_UNITS.add(c.capacityUnits());
        }
    }

    private static void write(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            WRITE_UNITS.add(c.capacityUnits());
        }
    }
}
