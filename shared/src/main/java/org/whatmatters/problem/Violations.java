package org.whatmatters.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects every field at fault, so a caller learns all of them from one rejected request. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Records a missing value and answers whether it was present. */
    public boolean required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    public void range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            add(field, "must be between " + fmt(min) + " and " + fmt(max));
        }
    }

    public void after(String field, Instant value, Instant other, String otherField) {
        if (value != null && other != null && !value.isAfter(other)) {
            add(field, "must be after " + otherField);
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are not valid";
            throw ProblemException.invalid(detail, errors);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
