package org.whatmatters.local.cloud;

/**
 * Invokes one function of the template with a JSON payload and answers its JSON result, as the
 * Lambda service does. Emulators speak only this, so each event is serialised exactly as in AWS.
 */
@FunctionalInterface
public interface Invoker {

    String invoke(String functionId, String payloadJson) throws FunctionError;

    /** The function threw: Lambda reports errorType and errorMessage to the caller. */
    final class FunctionError extends Exception {
        private final String errorType;

        public FunctionError(String errorType, String message, Throwable cause) {
            super(message, cause);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }
}
