package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.whatmatters.summaries.Suppression.FEW_RESPONDENTS;
import static org.whatmatters.summaries.Suppression.SECONDARY;
import static org.whatmatters.summaries.Suppression.SMALL_COUNT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

class DisclosureTest {

    private static Figure<Long> shown(long n) {
        return Figure.of(n);
    }

    private static Figure<Long> hidden(Suppression why) {
        return Figure.suppressed(why);
    }

    /** Keys a, b, c… in order. */
    private static Map<String, Long> parts(long... counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            out.put(String.valueOf((char) ('a' + i)), counts[i]);
        }
        return out;
    }

    private static List<Figure<Long>> cells(CountTable<String> t) {
        return t.cells().stream().map(Cell::count).toList();
    }

    @Test
    void figuresRestingOnFewerThanTenRespondentsAreSuppressed() {
        assertEquals(hidden(FEW_RESPONDENTS), Disclosure.resting(5.7, 9));
        assertEquals(hidden(FEW_RESPONDENTS), Disclosure.resting(5.7, 0));
        assertEquals(Figure.of(5.7), Disclosure.resting(5.7, 10));
    }

    @Test
    void countsOfOneToFourAreSuppressedAndZeroIsShown() {
        assertEquals(shown(0), Disclosure.count(0));
        for (long n = 1; n <= 4; n++) {
            assertEquals(hidden(SMALL_COUNT), Disclosure.count(n));
        }
        assertEquals(shown(5), Disclosure.count(5));
        assertThrows(IllegalArgumentException.class, () -> Disclosure.count(-1));
    }

    @Test
    void nothingSmallNothingSuppressed() {
        CountTable<String> t = Disclosure.table(parts(0, 7, 20), 27);
        assertEquals(List.of(shown(0), shown(7), shown(20)), cells(t));
        assertEquals(shown(27), t.total());
    }

    @Test
    void oneSmallCellTakesTheNextSmallestWithIt() {
        CountTable<String> t = Disclosure.table(parts(3, 20, 7), 30);
        assertEquals(List.of(hidden(SMALL_COUNT), shown(20), hidden(SECONDARY)), cells(t));
        assertEquals(shown(30), t.total());
    }

    @Test
    void zeroIsNeverTheSecondaryCell() {
        CountTable<String> t = Disclosure.table(parts(2, 0, 9, 12), 23);
        assertEquals(List.of(hidden(SMALL_COUNT), shown(0), hidden(SECONDARY), shown(12)), cells(t));
    }

    @Test
    void twoSmallCellsProtectEachOther() {
        CountTable<String> t = Disclosure.table(parts(2, 3, 10), 15);
        assertEquals(List.of(hidden(SMALL_COUNT), hidden(SMALL_COUNT), shown(10)), cells(t),
                "2 + 3 = 5 could be 1 + 4, 2 + 3, 3 + 2 or 4 + 1");
    }

    @Test
    void smallCellsThatMustAllBeOnesOrFoursAreNotProtected() {
        assertEquals(List.of(hidden(SMALL_COUNT), hidden(SMALL_COUNT), hidden(SECONDARY)),
                cells(Disclosure.table(parts(1, 1, 10), 12)), "two hidden cells adding to 2 are both 1");
        assertEquals(List.of(hidden(SMALL_COUNT), hidden(SMALL_COUNT), hidden(SECONDARY), shown(30)),
                cells(Disclosure.table(parts(4, 4, 9, 30), 47)), "two hidden cells adding to 8 are both 4");
    }

    @Test
    void whenNoPartIsLeftTheTotalGoes() {
        CountTable<String> t = Disclosure.table(parts(1, 5), 6);
        assertEquals(List.of(hidden(SMALL_COUNT), hidden(SECONDARY)), cells(t));
        assertEquals(hidden(SECONDARY), t.total(), "1 + 5 = 6 is the only way with a small cell and a secondary one");
    }

    @Test
    void aSmallTotalIsSuppressedItself() {
        CountTable<String> t = Disclosure.table(parts(2, 1, 0), 3);
        assertEquals(hidden(SMALL_COUNT), t.total());
        assertEquals(List.of(hidden(SMALL_COUNT), hidden(SMALL_COUNT), shown(0)), cells(t));
    }

    @Test
    void partsMustAddUpToTheTotal() {
        assertThrows(IllegalArgumentException.class, () -> Disclosure.table(parts(3, 4), 8));
    }

    @Test
    void partsWithoutATotalAreCheckedOneByOne() {
        assertEquals(List.of(new Cell<>("a", hidden(SMALL_COUNT)), new Cell<>("b", shown(6)), new Cell<>("c", shown(0))),
                Disclosure.parts(parts(3, 6, 0)));
    }

    @Test
    void tooFewRespondentsHideTheWholeTable() {
        CountTable<String> t = Disclosure.respondentTable(parts(0, 9), 9);
        assertEquals(hidden(FEW_RESPONDENTS), t.total());
        assertEquals(List.of(hidden(FEW_RESPONDENTS), hidden(FEW_RESPONDENTS)), cells(t));
        assertEquals(shown(10), Disclosure.respondentTable(parts(0, 10), 10).total());
    }

    /**
     * The reader's view: shown cells exactly, small-count cells 1–4, secondary cells 5 or more, and
     * the total if shown. No suppressed cell may be pinned to a single value.
     */
    @Test
    void noSuppressedCellCanBeWorkedOut() {
        Random random = new Random(6);
        for (int run = 0; run < 3000; run++) {
            long[] counts = new long[2 + random.nextInt(3)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 14);
            }
            Map<String, Long> parts = parts(counts);
            long total = parts.values().stream().mapToLong(Long::longValue).sum();
            CountTable<String> t = Disclosure.table(parts, total);
            if (!t.total().shown()) {
                continue;
            }
            assertEquals(total, t.total().value());
            List<Suppression> hidden = new ArrayList<>();
            long rest = total;
            for (Figure<Long> f : cells(t)) {
                if (f.shown()) {
                    rest -= f.value();
                } else {
                    hidden.add(f.suppressed());
                }
            }
            List<Set<Long>> possible = new ArrayList<>();
            hidden.forEach(h -> possible.add(new HashSet<>()));
            explore(hidden, 0, rest, new long[hidden.size()], possible);
            for (int i = 0; i < hidden.size(); i++) {
                assertTrue(possible.get(i).size() >= 2, () -> parts + " → " + t);
            }
        }
    }

    private static void explore(List<Suppression> hidden, int i, long rest, long[] chosen, List<Set<Long>> possible) {
        if (i == hidden.size()) {
            if (rest == 0) {
                for (int j = 0; j < chosen.length; j++) {
                    possible.get(j).add(chosen[j]);
                }
            }
            return;
        }
        long lo = hidden.get(i) == SMALL_COUNT ? 1 : 5;
        long hi = hidden.get(i) == SMALL_COUNT ? 4 : rest;
        for (long v = lo; v <= Math.min(hi, rest); v++) {
            chosen[i] = v;
            explore(hidden, i + 1, rest - v, chosen, possible);
        }
    }

    @Test
    void aFigureHasAValueOrAReason() {
        assertThrows(IllegalArgumentException.class, () -> new Figure<>(1L, SMALL_COUNT));
        assertThrows(IllegalArgumentException.class, () -> new Figure<Long>(null, null));
        assertTrue(shown(0).shown());
        assertFalse(hidden(SECONDARY).shown());
    }

    @Test
    void serialisedFiguresSayWhyTheyAreMissing() throws Exception {
        assertEquals("{\"value\":12}", Json.MAPPER.writeValueAsString(shown(12)));
        assertEquals("{\"suppressed\":\"small-count\"}", Json.MAPPER.writeValueAsString(hidden(SMALL_COUNT)));
        assertEquals("{\"suppressed\":\"few-respondents\"}", Json.MAPPER.writeValueAsString(hidden(FEW_RESPONDENTS)));
        assertEquals("{\"suppressed\":\"secondary\"}", Json.MAPPER.writeValueAsString(hidden(SECONDARY)));
    }
}
