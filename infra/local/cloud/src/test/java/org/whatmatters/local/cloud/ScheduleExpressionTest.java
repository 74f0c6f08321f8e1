package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The next fire time after {@code after} (an ISO offset date-time), shown as an offset date-time. */
    private static String next(String expression, String after, ZoneId zone) {
        ZonedDateTime from = OffsetDateTime.parse(after).atZoneSameInstant(zone);
        return ScheduleExpression.parse(expression).next(from)
                .map(t -> t.toOffsetDateTime().toString()).orElse("never");
    }

    private static String next(String expression, String after) {
        return next(expression, after, ZoneId.of("UTC"));
    }

    @ParameterizedTest(name = "{0} after {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "rate(1 minute)          | 2024-01-01T00:00:30Z | 2024-01-01T00:01:30Z",
            "rate(5 minutes)         | 2024-01-01T23:58Z    | 2024-01-02T00:03Z",
            "rate(1 hour)            | 2024-01-01T10:00Z    | 2024-01-01T11:00Z",
            "rate(3 days)            | 2024-02-27T10:00Z    | 2024-03-01T10:00Z",
            "cron(0/5 * * * ? *)     | 2024-06-01T10:02:13Z | 2024-06-01T10:05Z",
            "cron(*/5 * * * ? *)     | 2024-06-01T10:55Z    | 2024-06-01T11:00Z",
            "cron(0 9 ? * MON-FRI *) | 2024-06-07T09:00Z    | 2024-06-10T09:00Z",
            "cron(0 9 ? * MON-FRI *) | 2024-06-08T12:00Z    | 2024-06-10T09:00Z",
            "cron(0 9 ? * MON-FRI *) | 2024-06-10T08:59:59Z | 2024-06-10T09:00Z",
            "cron(0 12 ? * 1 *)      | 2024-06-08T13:00Z    | 2024-06-09T12:00Z",
            "cron(0 0 L * ? *)       | 2024-02-10T00:00Z    | 2024-02-29T00:00Z",
            "cron(0 0 L * ? *)       | 2023-02-10T00:00Z    | 2023-02-28T00:00Z",
            "cron(0 0 L * ? *)       | 2024-12-31T00:00Z    | 2025-01-31T00:00Z",
            "cron(59 23 L DEC ? *)   | 2024-12-31T23:59Z    | 2025-12-31T23:59Z",
            "cron(0 10 ? * 6L *)     | 2024-06-01T00:00Z    | 2024-06-28T10:00Z",
            "cron(0 10 ? * FRIL *)   | 2024-06-28T10:00Z    | 2024-07-26T10:00Z",
            "cron(15 10 ? * 2#1 *)   | 2024-06-01T00:00Z    | 2024-06-03T10:15Z",
            "cron(15 10 ? * MON#1 *) | 2024-06-03T10:15Z    | 2024-07-01T10:15Z",
            "cron(0 8 15W * ? *)     | 2024-06-01T00:00Z    | 2024-06-14T08:00Z",
            "cron(0 8 15W * ? *)     | 2024-09-01T00:00Z    | 2024-09-16T08:00Z",
            "cron(0 8 1W * ? *)      | 2024-05-31T00:00Z    | 2024-06-03T08:00Z",
            "cron(0 8 30W * ? *)     | 2024-06-01T00:00Z    | 2024-06-28T08:00Z",
            "cron(0 0 LW * ? *)      | 2024-06-01T00:00Z    | 2024-06-28T00:00Z",
            "cron(0 0 1 JAN,JUL ? *) | 2024-02-01T00:00Z    | 2024-07-01T00:00Z",
            "cron(0 22-2 * * ? *)    | 2024-06-01T03:00Z    | 2024-06-01T22:00Z",
            "cron(0 22-2 * * ? *)    | 2024-06-01T23:00Z    | 2024-06-02T00:00Z",
            "cron(0,30 8,17 * * ? *) | 2024-06-01T08:30Z    | 2024-06-01T17:00Z",
            "cron(0 0 1 1 ? 2030)    | 2024-06-01T00:00Z    | 2030-01-01T00:00Z",
            "cron(0 0 1 1 ? 2030)    | 2030-01-01T00:00Z    | never",
            "cron(0 0 30 2 ? *)      | 2024-01-01T00:00Z    | never",
    })
    void nextInUtc(String expression, String after, String expected) {
        assertEquals(expected, next(expression, after));
    }

    @ParameterizedTest(name = "{0} after {1} in London is {2}")
    @CsvSource(delimiter = '|', value = {
            // Clocks go forward at 01:00 GMT on 31 March 2024 and back at 02:00 BST on 27 October 2024.
            "cron(0 9 * * ? *)   | 2024-03-30T09:00Z      | 2024-03-31T09:00+01:00",
            "cron(0 9 * * ? *)   | 2024-10-26T09:00+01:00 | 2024-10-27T09:00Z",
            // A time the spring change skips is skipped, as EventBridge Scheduler does.
            "cron(30 1 * * ? *)  | 2024-03-30T01:30Z      | 2024-04-01T01:30+01:00",
            // A time the autumn change repeats fires once, at its first occurrence.
            "cron(30 1 * * ? *)  | 2024-10-26T01:30+01:00 | 2024-10-27T01:30+01:00",
            "cron(30 1 * * ? *)  | 2024-10-27T01:30+01:00 | 2024-10-28T01:30Z",
            // A rate is a fixed duration, not wall-clock time.
            "rate(1 day)         | 2024-03-30T12:00Z      | 2024-03-31T13:00+01:00",
    })
    void nextInLondonAcrossDaylightSaving(String expression, String after, String expected) {
        assertEquals(expected, next(expression, after, LONDON));
    }

    @Test
    void everyFiveMinutesWalksThroughTheHour() {
        ScheduleExpression every5 = ScheduleExpression.parse("cron(0/5 * * * ? *)");
        ZonedDateTime t = OffsetDateTime.parse("2024-06-01T10:00Z").toZonedDateTime();
        for (int i = 1; i <= 24; i++) {
            t = every5.next(t).orElseThrow();
        }
        assertEquals("2024-06-01T12:00Z", t.toOffsetDateTime().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "every 5 minutes", "rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 seconds)",
            "rate(-1 minutes)", "rate(x minutes)", "cron(0 12 * * ?)", "cron(0 12 * * * *)", "cron(0 12 ? * ? *)",
            "cron(60 12 * * ? *)", "cron(0 24 * * ? *)", "cron(0 0 32 * ? *)", "cron(0 0 * 13 ? *)",
            "cron(0 0 ? * 8 *)", "cron(0 0 ? * FOO *)", "cron(0 0 ? * 2#6 *)", "cron(0/0 * * * ? *)",
            "cron(0 0 1 1 ? 1969)", "cron(0 0 1,,2 * ? *)", "cron(0 0 1-x * ? *)", "cron(0 9 ? * 1/2 *)",
            "cron(0 9 ? * MON/2 *)",
    })
    void invalidExpressionsAreRejectedByName(String expression) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleExpression.parse(expression));
        assertTrue(expression.isEmpty() || e.getMessage().contains(expression), e.getMessage());
    }

    @Test
    void rateIsReportedAsSuch() {
        assertTrue(ScheduleExpression.parse("rate(2 hours)").isRate());
        assertEquals("cron(0 9 ? * MON-FRI *)", ScheduleExpression.parse(" cron(0 9 ? * MON-FRI *) ").toString());
    }
}
