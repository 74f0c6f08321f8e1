package org.whatmatters.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One scheduled run over many units (a period's summary, a team's dashboard, a connection): a unit
 * that fails is logged with its id and counted, and the run goes on with the others. At the end the
 * run answers which failed, so that the function can fail the invocation with their ids: Lambda
 * then retries it and, after its retries, sends it to the failure queue, and the errors alarm fires.
 */
public final class ScheduledRun {

    /** Thrown at the end of a run in which some units failed; its message names them. */
    public static final class UnitsFailed extends RuntimeException {
        private final List<String> failed;

        public UnitsFailed(String what, List<String> failed) {
            super(failed.size() + " " + what + " failed: " + String.join(", ", failed), null, false, false);
            this.failed = List.copyOf(failed);
        }

        public List<String> failed() {
            return failed;
        }
    }

    private final Metric failures;
    private final List<String> failed = new ArrayList<>();

    public ScheduledRun(Metric failures) {
        this.failures = failures;
    }

    /** The unit's result, or empty when it failed (logged and counted, never thrown). */
    public <T> Optional<T> attempt(String unitId, Supplier<T> unit) {
        try {
            return Optional.ofNullable(unit.get());
        } catch (RuntimeException | StackOverflowError e) {
            // A unit's own stack overflow (deep input) is that unit's failure, not the run's.
            Log.error("unit failed", "unit", unitId, "error", e.toString());
            failures.add();
            failed.add(unitId);
            return Optional.empty();
        }
    }

    public List<String> failed() {
        return List.copyOf(failed);
    }

    /** Ends the run: fails it, naming the units, when any failed. */
    public void finish(String what) {
        if (!failed.isEmpty()) {
            throw new UnitsFailed(what, failed);
        }
    }
}
