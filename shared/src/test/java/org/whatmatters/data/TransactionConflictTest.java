package org.whatmatters.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB cancels transactions that touch an item another transaction is writing (a hot
 * aggregate). DynamoDB Local never does, so this plays DynamoDB's part with a stub client.
 */
class TransactionConflictTest {

    private static final Counters ONE = new Counters(AggregateKey.period("p"), Map.of("responses", 1L));

    /** A client whose first {@code failures} calls are cancelled with the given reason codes. */
    private static final class Cancelling implements DynamoDbClient {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;
        final List<String> codes;

        Cancelling(int failures, String... codes) {
            this.failures = failures;
            this.codes = List.of(codes);
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (calls.incrementAndGet() <= failures) {
                throw TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(codes.stream().map(c -> CancellationReason.builder().code(c).build())
                                .toList()).build();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static DataTable table(DynamoDbClient client) {
        return new DataTable(null, client, "t");
    }

    @Test
    void aConflictIsTriedAgainUntilItGoesThrough() {
        Cancelling client = new Cancelling(2, "None", "TransactionConflict");
        Transaction.on(table(client)).add(ONE).commit();
        assertEquals(3, client.calls.get());
    }

    @Test
    void aConflictThatNeverClearsIsReportedAfterTheLastAttempt() {
        Cancelling client = new Cancelling(Integer.MAX_VALUE, "TransactionConflict");
        assertThrows(TransactionCanceledException.class, () -> Transaction.on(table(client)).add(ONE).commit());
        assertEquals(Transaction.CONFLICT_ATTEMPTS, client.calls.get());
    }

    @Test
    void aFailedConditionIsNotRetried() {
        Cancelling client = new Cancelling(1, "ConditionalCheckFailed", "TransactionConflict");
        var failed = assertThrows(Transaction.ConditionFailed.class,
                () -> Transaction.on(table(client)).add(ONE).add(ONE).commit());
        assertEquals(0, failed.index());
        assertEquals(1, client.calls.get());
    }

    @Test
    void otherCancellationsAreNotRetried() {
        Cancelling client = new Cancelling(1, "ValidationError");
        assertThrows(TransactionCanceledException.class, () -> Transaction.on(table(client)).add(ONE).commit());
        assertEquals(1, client.calls.get());
    }
}
