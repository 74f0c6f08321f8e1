package org.whatmatters.local.cloud.demo;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Seeding runs its independent writers at once, so round trips to DynamoDB Local overlap. */
final class InParallel {

    private InParallel() {
    }

    static <T> void each(List<T> items, Consumer<T> write) {
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = items.stream().<Future<?>>map(i -> writers.submit(() -> write.accept(i))).toList();
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the demo", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not seed the demo", e.getCause());
        }
    }

    static void all(Runnable... tasks) {
        each(List.of(tasks), Runnable::run);
    }
}
