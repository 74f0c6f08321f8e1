package org.whatmatters.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemExceptionTest {

    private static final String TYPES = "https://whatmatters.care/problems/";

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.malformed("d"), 400, "malformed-request"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.invalid("d", List.of()), 400, "validation"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.unauthorized("d"), 401, "unauthorized"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.forbidden("d"), 403, "forbidden"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.notFound("d"), 404, "not-found"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.conflict("d"), 409, "conflict"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.tooLarge("d"), 413, "too-large"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.unsupportedMediaType("d"), 415,
                        "unsupported-media-type"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.unprocessable("d"), 422, "unprocessable"),
                Arguments.of((Supplier<ProblemException>) () -> ProblemException.of(429, "slow-down", "t", "d"), 429,
                        "slow-down"));
    }

    @ParameterizedTest(name = "{2} -> {1}")
    @MethodSource("factories")
    void factoryStatusAndType(Supplier<ProblemException> factory, int status, String slug) {
        ProblemException e = factory.get();
        assertEquals(status, e.problem().status());
        assertEquals(TYPES + slug, e.problem().type());
        assertTrue(e.problem().detail().startsWith("d"), e.problem().detail());
        assertTrue(e.getMessage().startsWith(status + " "), e.getMessage());
    }

    @Test
    void notFoundNamesTheThing() {
        assertEquals("Visit v-1 was not found", ProblemException.notFound("Visit v-1").problem().detail());
    }

    @Test
    void invalidFieldCarriesOneError() {
        Problem p = ProblemException.invalidField("cursor", "is bad").problem();
        assertEquals(400, p.status());
        assertEquals("cursor: is bad", p.detail());
        assertEquals(List.of(new FieldError("cursor", "is bad")), p.errors());
    }

    @Test
    void messageCarriesTitleAndDetail() {
        assertEquals("409 This conflicts with the current state: changed",
                ProblemException.conflict("changed").getMessage());
    }
}
