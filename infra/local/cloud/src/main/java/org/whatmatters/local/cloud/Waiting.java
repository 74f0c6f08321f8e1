package org.whatmatters.local.cloud;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for the pollers (streams, queues): until they are idle, or until their threads have stopped. */
final class Waiting {

    private Waiting() {
    }

    /** Polls {@code idle} until it holds; past {@code timeout}, fails saying what is still busy. */
    static void until(BooleanSupplier idle, Duration timeout, String what, Supplier<String> busy) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!idle.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " still busy after " + timeout + ": " + busy.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for the " + what.toLowerCase(), e);
            }
        }
    }

    static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
