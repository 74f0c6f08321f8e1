package org.whatmatters.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ViolationsTest {

    private static List<FieldError> errors(Violations v) {
        return assertThrows(ProblemException.class, v::throwIfAny).problem().errors();
    }

    static Stream<Arguments> requiredValues() {
        return Stream.of(
                Arguments.of(null, false),
                Arguments.of("", false),
                Arguments.of("  \t", false),
                Arguments.of(List.of(), false),
                Arguments.of(new ArrayList<>(), false),
                Arguments.of("x", true),
                Arguments.of(List.of("w-1"), true),
                Arguments.of(0, true),
                Arguments.of(Instant.EPOCH, true));
    }

    @ParameterizedTest(name = "[{index}] {0} present={1}")
    @MethodSource("requiredValues")
    void required(Object value, boolean present) {
        Violations v = new Violations();
        assertEquals(present, v.required("f", value));
        assertEquals(present, v.isEmpty());
        assertEquals(!present, v.has("f"));
        if (!present) {
            assertEquals(List.of(new FieldError("f", "is required")), errors(v));
        }
    }

    @Test
    void maxLengthCountsCodePointsNotChars() {
        String emojis = "\uD83D\uDE00".repeat(5); // five emoji, ten UTF-16 chars
        Violations v = new Violations();
        v.maxLength("note", emojis, 5);
        assertTrue(v.isEmpty());
        v.maxLength("note", emojis + "!", 5);
        assertEquals(List.of(new FieldError("note", "must be at most 5 characters")), errors(v));
    }

    @Test
    void maxLengthAllowsNullAndExactLength() {
        Violations v = new Violations();
        v.maxLength("note", null, 0);
        v.maxLength("note", "abc", 3);
        assertTrue(v.isEmpty());
        v.maxLength("note", "abcd", 3);
        assertTrue(v.has("note"));
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}] -> {3}")
    @CsvSource(textBlock = """
            -90,   -90, 90, true
            90,    -90, 90, true
            90.01, -90, 90, false
            -91,   -90, 90, false
            0.5,   0.5, 1.5, true
            0.4,   0.5, 1.5, false
            """)
    void range(double value, double min, double max, boolean ok) {
        Violations v = new Violations();
        v.range("latitude", value, min, max);
        assertEquals(ok, v.isEmpty());
    }

    @Test
    void rangeMessageFormatsWholeAndFractionalBounds() {
        Violations v = new Violations();
        v.range("latitude", 100, -90, 90);
        v.range("hours", 9.0, 0.5, 8.5);
        v.range("skipped", null, 0, 1);
        assertEquals(List.of(new FieldError("latitude", "must be between -90 and 90"),
                new FieldError("hours", "must be between 0.5 and 8.5")), errors(v));
    }

    @Test
    void after() {
        Instant start = Instant.parse("2026-11-23T09:00:00Z");
        Violations v = new Violations();
        v.after("plannedEnd", start.plusSeconds(1), start, "plannedStart");
        v.after("plannedEnd", null, start, "plannedStart");
        v.after("plannedEnd", start, null, "plannedStart");
        assertTrue(v.isEmpty());
        v.after("plannedEnd", start, start, "plannedStart");
        v.after("checkOut", start.minusSeconds(1), start, "checkIn");
        assertEquals(List.of(new FieldError("plannedEnd", "must be after plannedStart"),
                new FieldError("checkOut", "must be after checkIn")), errors(v));
    }

    @Test
    void throwIfAnyDoesNothingWhenEmpty() {
        assertDoesNotThrow(() -> new Violations().throwIfAny());
    }

    @Test
    void oneErrorIsNamedInTheDetail() {
        Problem p = assertThrows(ProblemException.class,
                () -> new Violations().add("workerIds[1]", "is not a worker of this team").throwIfAny()).problem();
        assertEquals(400, p.status());
        assertTrue(p.type().endsWith("/validation"), p.type());
        assertEquals("workerIds[1]: is not a worker of this team", p.detail());
    }

    @Test
    void severalErrorsAreCountedAndAllListedInOrder() {
        Violations v = new Violations().add("a", "x").add("b", "y");
        v.required("c", null);
        Problem p = assertThrows(ProblemException.class, v::throwIfAny).problem();
        assertEquals("3 fields are not valid", p.detail());
        assertEquals(Arrays.asList("a", "b", "c"), p.errors().stream().map(FieldError::field).toList());
        assertFalse(v.has("d"));
    }
}
