package org.whatmatters.local.cloud;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(value unit)} or the six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)}, evaluated in the zone of the
 * time it is asked about (UTC for rules, ScheduleExpressionTimezone for EventBridge Scheduler).
 */
public final class ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+([a-z]+)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2199;

    private final String expression;
    private final Duration rate;
    private final Cron cron;

    private ScheduleExpression(String expression, Duration rate, Cron cron) {
        this.expression = expression;
        this.rate = rate;
        this.cron = cron;
    }

    /** @throws IllegalArgumentException naming the expression and what is wrong with it */
    public static ScheduleExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Schedule expression is empty");
        }
        String text = expression.strip();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            return new ScheduleExpression(text, parseRate(text, rate.group(1), rate.group(2)), null);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return new ScheduleExpression(text, null, Cron.parse(text, cron.group(1).strip()));
        }
        throw invalid(text, "expected rate(value unit) or cron(minutes hours day-of-month month day-of-week year)");
    }

    public boolean isRate() {
        return rate != null;
    }

    /**
     * The first time strictly after {@code after}, in its zone; a rate counts from {@code after}
     * itself. Empty when a cron expression never matches again (before year 2200).
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        if (rate != null) {
            return Optional.of(after.plus(rate));
        }
        return cron.next(after);
    }

    @Override
    public String toString() {
        return expression;
    }

    private static Duration parseRate(String text, String digits, String unit) {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(text, "rate value " + digits + " is too large");
        }
        if (value <= 0) {
            throw invalid(text, "rate value must be a positive whole number");
        }
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        ChronoUnit chrono = switch (singular) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            default -> throw invalid(text, "rate unit must be minute(s), hour(s) or day(s), not " + unit);
        };
        // EventBridge rejects "1 minutes" and "5 minute": the unit's number must agree with the value.
        if ((value == 1) != singular.equals(unit)) {
            throw invalid(text, value == 1 ? "use the singular unit for 1 (e.g. 1 minute)"
                    : "use the plural unit for values above 1 (e.g. 5 minutes)");
        }
        // A rate of days is 24-hour periods, not calendar days, as in EventBridge.
        return chrono.getDuration().multipliedBy(value);
    }

    private static IllegalArgumentException invalid(String expression, String why) {
        return new IllegalArgumentException("Invalid schedule expression '" + expression + "': " + why);
    }

    /** Parsed cron fields; day-of-month and day-of-week are rules because of L, W and #. */
    private record Cron(BitSet minutes, BitSet hours, DayRule days, BitSet months, BitSet years) {

        static Cron parse(String text, String body) {
            String[] f = body.split("\\s+");
            if (f.length != 6) {
                throw invalid(text, "cron needs 6 fields (minutes hours day-of-month month day-of-week year), got "
                        + f.length);
            }
            boolean domAny = f[2].equals("?");
            boolean dowAny = f[4].equals("?");
            if (domAny == dowAny) {
                throw invalid(text, "exactly one of day-of-month and day-of-week must be '?'");
            }
            DayRule days = dowAny ? dayOfMonth(text, f[2].toUpperCase(Locale.ROOT))
                    : dayOfWeek(text, f[4].toUpperCase(Locale.ROOT));
            return new Cron(set(text, "minutes", f[0], 0, 59, null),
                    set(text, "hours", f[1], 0, 23, null),
                    days,
                    set(text, "month", f[3].toUpperCase(Locale.ROOT), 1, 12, MONTHS),
                    set(text, "year", f[5], MIN_YEAR, MAX_YEAR, null));
        }

        Optional<ZonedDateTime> next(ZonedDateTime after) {
            var zone = after.getZone();
            // Local times map to instants in increasing order (a repeated hour fires only at its first
            // occurrence), so scanning forward from after's own local minute finds the earliest one.
            LocalDateTime from = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            LocalDate date = from.toLocalDate();
            while (date.getYear() <= MAX_YEAR) {
                if (!years.get(date.getYear())) {
                    int y = years.nextSetBit(date.getYear() + 1);
                    if (y < 0) {
                        return Optional.empty();
                    }
                    date = LocalDate.of(y, 1, 1);
                    continue;
                }
                if (!months.get(date.getMonthValue())) {
                    date = date.with(TemporalAdjusters.firstDayOfNextMonth());
                    continue;
                }
                if (days.matches(date)) {
                    LocalTime start = date.equals(from.toLocalDate()) ? from.toLocalTime() : LocalTime.MIN;
                    for (int h = hours.nextSetBit(start.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
                        int firstMinute = h == start.getHour() ? start.getMinute() : 0;
                        for (int m = minutes.nextSetBit(firstMinute); m >= 0; m = minutes.nextSetBit(m + 1)) {
                            LocalDateTime local = date.atTime(h, m);
                            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                            // No offset: the hour skipped in spring, which EventBridge Scheduler skips too.
                            if (!offsets.isEmpty()) {
                                ZonedDateTime candidate = ZonedDateTime.ofLocal(local, zone, offsets.getFirst());
                                if (candidate.isAfter(after)) {
                                    return Optional.of(candidate);
                                }
                            }
                        }
                    }
                }
                date = date.plusDays(1);
            }
            return Optional.empty();
        }
    }

    private interface DayRule {
        boolean matches(LocalDate date);
    }

    private static DayRule dayOfMonth(String text, String field) {
        if (field.equals("L")) {
            return d -> d.getDayOfMonth() == d.lengthOfMonth();
        }
        if (field.equals("LW")) {
            return d -> d.equals(lastWeekday(d));
        }
        if (field.endsWith("W")) {
            int day = number(text, "day-of-month", field.substring(0, field.length() - 1), 1, 31, null);
            return d -> day <= d.lengthOfMonth() && d.equals(nearestWeekday(d.withDayOfMonth(day)));
        }
        BitSet set = set(text, "day-of-month", field, 1, 31, null);
        return d -> set.get(d.getDayOfMonth());
    }

    private static DayRule dayOfWeek(String text, String field) {
        if (field.equals("L")) {
            return d -> d.getDayOfWeek() == DayOfWeek.SATURDAY;
        }
        if (field.endsWith("L")) {
            DayOfWeek day = eventBridgeDay(number(text, "day-of-week", field.substring(0, field.length() - 1), 1, 7, DAYS));
            return d -> d.getDayOfWeek() == day && d.plusWeeks(1).getMonth() != d.getMonth();
        }
        int hash = field.indexOf('#');
        if (hash >= 0) {
            DayOfWeek day = eventBridgeDay(number(text, "day-of-week", field.substring(0, hash), 1, 7, DAYS));
            int nth = number(text, "day-of-week", field.substring(hash + 1), 1, 5, null);
            return d -> d.getDayOfWeek() == day && (d.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        if (field.contains("/")) {
            throw invalid(text, "day-of-week takes no '/' (EventBridge refuses it): list the days, e.g. MON,WED,FRI");
        }
        BitSet set = set(text, "day-of-week", field, 1, 7, DAYS);
        return d -> set.get(d.getDayOfWeek().getValue() % 7 + 1);
    }

    /** EventBridge numbers days 1=SUN..7=SAT; java.time 1=MON..7=SUN. */
    private static DayOfWeek eventBridgeDay(int day) {
        return DayOfWeek.SUNDAY.plus(day - 1);
    }

    private static LocalDate lastWeekday(LocalDate d) {
        LocalDate last = d.withDayOfMonth(d.lengthOfMonth());
        return switch (last.getDayOfWeek()) {
            case SATURDAY -> last.minusDays(1);
            case SUNDAY -> last.minusDays(2);
            default -> last;
        };
    }

    /** The weekday nearest the given day, without leaving its month (so 1W on a Saturday is Monday the 3rd). */
    private static LocalDate nearestWeekday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
            case SUNDAY -> d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
            default -> d;
        };
    }

    /** A field of comma-separated *, n, a-b (wrapping when a > b) and x/step items. */
    private static BitSet set(String text, String name, String field, int min, int max, List<String> names) {
        BitSet set = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(text, name, item.substring(slash + 1), 1, max - min + 1, null);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(text, name, range.substring(0, range.indexOf('-')), min, max, names);
                to = number(text, name, range.substring(range.indexOf('-') + 1), min, max, names);
            } else {
                from = number(text, name, range, min, max, names);
                to = slash >= 0 ? max : from;
            }
            int span = to >= from ? to - from : to - from + (max - min + 1);
            for (int i = 0; i <= span; i += step) {
                set.set(from + i > max ? from + i - (max - min + 1) : from + i);
            }
        }
        return set;
    }

    private static int number(String text, String name, String token, int min, int max, List<String> names) {
        if (names != null && names.contains(token)) {
            return names.indexOf(token) + min;
        }
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw invalid(text, name + " field: '" + token + "' is not a number"
                    + (names == null ? "" : " or one of " + String.join(",", names)));
        }
        if (value < min || value > max) {
            throw invalid(text, name + " field: " + value + " is outside " + min + "-" + max);
        }
        return value;
    }
}
