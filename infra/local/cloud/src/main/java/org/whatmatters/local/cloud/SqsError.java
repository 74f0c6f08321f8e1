package org.whatmatters.local.cloud;

/**
 * An error SQS answers, with the code its JSON protocol names ({@code __type}) and the older query
 * code the SDK reads from {@code x-amzn-query-error} for {@code awsErrorDetails().errorCode()}.
 */
public final class SqsError extends RuntimeException {

    public enum Kind {
        QUEUE_DOES_NOT_EXIST("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400),
        RECEIPT_HANDLE_IS_INVALID("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 400),
        MESSAGE_NOT_INFLIGHT("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400),
        INVALID_PARAMETER_VALUE("InvalidParameterValue", "InvalidParameterValue", 400),
        MISSING_PARAMETER("MissingParameter", "MissingParameter", 400),
        INVALID_MESSAGE_CONTENTS("InvalidMessageContents", "InvalidMessageContents", 400),
        INVALID_ATTRIBUTE_NAME("InvalidAttributeName", "InvalidAttributeName", 400),
        EMPTY_BATCH_REQUEST("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400),
        TOO_MANY_ENTRIES_IN_BATCH_REQUEST("TooManyEntriesInBatchRequest",
                "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400),
        BATCH_ENTRY_IDS_NOT_DISTINCT("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400),
        INVALID_BATCH_ENTRY_ID("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400),
        BATCH_REQUEST_TOO_LONG("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400),
        // 403, as SQS answers a second purge within 60 seconds.
        PURGE_QUEUE_IN_PROGRESS("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403),
        UNSUPPORTED_OPERATION("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400);

        private final String code;
        private final String queryCode;
        private final int status;

        Kind(String code, String queryCode, int status) {
            this.code = code;
            this.queryCode = queryCode;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public String queryCode() {
            return queryCode;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public SqsError(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static SqsError invalid(String message) {
        return new SqsError(Kind.INVALID_PARAMETER_VALUE, message);
    }
}
