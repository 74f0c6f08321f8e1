package org.whatmatters.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.whatmatters.problem.Violations;

/**
 * The query string of a listing, as given: {@code from}/{@code to} (inclusive), {@code limit} (1–100,
 * default 20 unless the listing says otherwise) and an opaque {@code cursor}. The one place a listing's
 * query is read; parsing reports into a {@link Violations}.
 */
public record ListQuery(String from, String to, String limit, String cursor) {

    public static final int PAGE_DEFAULT = 20;
    public static final int PAGE_MAX = 100;
    private static final LocalDate FIRST_DAY = LocalDate.of(0, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final String DATE_OR_TIME = "must be a date (2026-11-23) or a date-time (2026-11-23T09:00:00Z)";

    public record Days(LocalDate from, LocalDate to) {
    }

    public record Instants(Instant from, Instant to) {
    }

    /** For listings by day: from and to are dates. */
    public Days days(Violations v) {
        LocalDate f = day(v, "from", from, FIRST_DAY);
        LocalDate t = day(v, "to", to, LAST_DAY);
        if (f != null && t != null && t.isBefore(f)) {
            v.add("to", "must not be before from");
        }
        return new Days(f, t);
    }

    /** For listings by time: a date means the whole day in the provider's zone. */
    public Instants instants(Violations v, ZoneId zone) {
        Instant f = instant(v, "from", from, false, zone);
        Instant t = instant(v, "to", to, true, zone);
        if (f != null && t != null && t.isBefore(f)) {
            v.add("to", "must not be before from");
        }
        return new Instants(f, t);
    }

    /** For a feed read forwards from a time ({@code from} given as {@code field}, e.g. since): a date-time. */
    public Instant since(Violations v, String field, Instant absent) {
        if (from == null) {
            return absent;
        }
        try {
            return Instant.parse(from);
        } catch (DateTimeParseException e) {
            v.add(field, "must be a date-time in ISO-8601 form, e.g. 2026-11-23T09:00:00Z");
            return null;
        }
    }

    public int size(Violations v) {
        return size(v, PAGE_DEFAULT);
    }

    /** The page size asked for, or {@code defaultSize}; also checks the cursor is not empty. */
    public int size(Violations v, int defaultSize) {
        if (cursor != null && cursor.isBlank()) {
            v.add("cursor", "must not be empty");
        }
        if (limit == null) {
            return defaultSize;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= PAGE_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("limit", "must be a whole number from 1 to " + PAGE_MAX);
        return defaultSize;
    }

    private static LocalDate day(Violations v, String field, String raw, LocalDate absent) {
        if (raw == null) {
            return absent;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            v.add(field, "must be a date, e.g. 2026-11-23");
            return null;
        }
    }

    private static Instant instant(Violations v, String field, String raw, boolean endOfDay, ZoneId zone) {
        if (raw == null) {
            return endOfDay ? LAST_DAY.atStartOfDay(zone).toInstant() : FIRST_DAY.atStartOfDay(zone).toInstant();
        }
        try {
            if (raw.length() == 10) {
                LocalDate d = LocalDate.parse(raw);
                return endOfDay ? d.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)
                        : d.atStartOfDay(zone).toInstant();
            }
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            v.add(field, DATE_OR_TIME);
            return null;
        }
    }
}
