package org.whatmatters.summaries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.whatmatters.aggregates.Counter;

/**
 * A survey period's feedback, overall and per team, compiled from the period's aggregates and
 * passed through {@link Disclosure}. Beyond the rules there:
 *
 * <ul>
 *   <li>A figure derived from a suppressed count (a rate, an NPS, an average) is suppressed with it.
 *   <li>If exactly one team has too few respondents (but some), the overall figures less the other
 *       teams' would give its NPS and averages away, so the next smallest team's are suppressed as well.
 *
 *   <li>Per question, the teams' rating distributions and the overall one form a two-way table
 *       (teams × values; the overall cells are the column totals, each team's answer count its row
 *       total), protected together by {@link TwoWayTableProtection}: no hidden cell can be worked out from the
 *       overall cell less the other teams' shown cells.
 * </ul>
 *
 * Per-team response and invitation counts are one table each with the overall count as its total,
 * so the single-line rule already covers them. Not yet protected: per-question figures whose answer
 * count differs from the responses (beyond what the two-way table gives), and what a shown average
 * times a shown answer count (the sum of the ratings) adds to a reader's knowledge of hidden cells.
 */
public record PeriodSummary(String periodId, int npsBenchmark, FeedbackFigures overall, CountTable<String> responsesByTeam,
                            List<TeamFeedback> teams) {

    public PeriodSummary {
        teams = List.copyOf(teams);
    }

    /** From the period's overall counters and each team's (team id → counters). */
    public static PeriodSummary compile(String periodId, Map<String, Long> overall, Map<String, Map<String, Long>> byTeam) {
        Map<String, Map<String, Long>> teams = new TreeMap<>(byTeam);
        long responses = get(overall, Counter.RESPONSES);
        long invitations = get(overall, Counter.INVITATIONS);
        CountTable<String> responseTable = Disclosure.table(column(teams, Counter.RESPONSES), responses);
        CountTable<String> invitationTable = Disclosure.table(column(teams, Counter.INVITATIONS), invitations);
        Set<String> secondary = secondaryTeams(teams);
        Map<String, FeedbackFigures> perTeam = new LinkedHashMap<>();
        teams.forEach((team, counters) -> perTeam.put(team, figures(counters,
                invitationTable.cell(team), responseTable.cell(team), secondary.contains(team))));
        FeedbackFigures all = figures(overall, invitationTable.total(), responseTable.total(), false);
        // The per-team distributions and the overall one form a two-way table per question.
        List<RatingSummary> allRatings = new ArrayList<>(all.ratings());
        Map<String, List<RatingSummary>> teamRatings = new LinkedHashMap<>();
        perTeam.forEach((team, f) -> teamRatings.put(team, new ArrayList<>(f.ratings())));
        for (int i = 0; i < allRatings.size(); i++) {
            RatingSummary whole = allRatings.get(i);
            String q = whole.questionId();
            List<long[]> rowValues = new ArrayList<>();
            List<CountTable<Integer>> rows = new ArrayList<>();
            List<Boolean> wholly = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (Map.Entry<String, List<RatingSummary>> e : teamRatings.entrySet()) {
                rowValues.add(values(teams.get(e.getKey()), q));
                int k = indexOf(e.getValue(), q);
                at.add(k);
                if (k < 0) {
                    // the team has no answers to the question: a row of zeros, nothing to protect
                    rows.add(zeros());
                    wholly.add(false);
                } else {
                    RatingSummary r = e.getValue().get(k);
                    rows.add(r.distribution());
                    wholly.add(!r.average().shown());
                }
            }
            TwoWayTableProtection.Result<Integer> done = TwoWayTableProtection.protect(values(overall, q), whole.distribution(), rowValues, rows, wholly);
            allRatings.set(i, new RatingSummary(q, whole.average(), whole.outOf(), done.overall()));
            int r = 0;
            for (List<RatingSummary> list : teamRatings.values()) {
                int k = at.get(r);
                if (k >= 0) {
                    RatingSummary was = list.get(k);
                    list.set(k, new RatingSummary(q, was.average(), was.outOf(), done.rows().get(r)));
                }
                r++;
            }
        }
        List<TeamFeedback> out = new ArrayList<>();
        perTeam.forEach((team, f) -> out.add(new TeamFeedback(team, new FeedbackFigures(f.invitations(), f.responses(),
                f.responseRate(), f.nps(), teamRatings.get(team)))));
        return new PeriodSummary(periodId, Nps.BENCHMARK, new FeedbackFigures(all.invitations(), all.responses(),
                all.responseRate(), all.nps(), allRatings), responseTable, out);
    }

    private static long[] values(Map<String, Long> c, String q) {
        long[] out = new long[RatingSummary.SCALE];
        for (int v = 1; v <= RatingSummary.SCALE; v++) {
            out[v - 1] = get(c, Counter.rating(q, v));
        }
        return out;
    }

    private static int indexOf(List<RatingSummary> ratings, String q) {
        for (int i = 0; i < ratings.size(); i++) {
            if (ratings.get(i).questionId().equals(q)) {
                return i;
            }
        }
        return -1;
    }

    private static CountTable<Integer> zeros() {
        List<Cell<Integer>> cells = new ArrayList<>();
        for (int v = 1; v <= RatingSummary.SCALE; v++) {
            cells.add(new Cell<>(v, Figure.of(0L)));
        }
        return new CountTable<>(Figure.of(0L), cells);
    }

    static FeedbackFigures figures(Map<String, Long> c, Figure<Long> invitations, Figure<Long> responses, boolean secondary) {
        long n = get(c, Counter.RESPONSES);
        long invited = get(c, Counter.INVITATIONS);
        Figure<Double> rate = derived(responses, secondary, n,
                () -> invited == 0 ? null : Numbers.round(100.0 * n / invited, 1));
        if (rate.shown() && !invitations.shown()) {
            // responses over the rate would give the hidden invitations away
            rate = Figure.suppressed(Suppression.SECONDARY);
        }
        long p = get(c, Counter.PROMOTERS);
        long pa = get(c, Counter.PASSIVES);
        long d = get(c, Counter.DETRACTORS);
        Figure<Nps> nps = derived(responses, secondary, p + pa + d, () -> Nps.of(p, pa, d).orElse(null));
        List<RatingSummary> ratings = new ArrayList<>();
        for (String q : questions(c)) {
            long count = get(c, Counter.ratingCount(q));
            long sum = get(c, Counter.ratingSum(q));
            Figure<Double> average = derived(responses, secondary, count,
                    () -> count == 0 ? null : Numbers.round((double) sum / count, 1));
            Map<Integer, Long> values = new LinkedHashMap<>();
            for (int v = 1; v <= RatingSummary.SCALE; v++) {
                values.put(v, get(c, Counter.rating(q, v)));
            }
            CountTable<Integer> distribution = average.shown() ? Disclosure.respondentTable(values, count)
                    : withAll(values, average.suppressed());
            ratings.add(new RatingSummary(q, average, RatingSummary.SCALE, distribution));
        }
        return new FeedbackFigures(invitations, responses, rate, nps, ratings);
    }

    private static <T> Figure<T> derived(Figure<Long> base, boolean secondary, long respondents, Supplier<T> value) {
        if (!base.shown()) {
            return Figure.suppressed(base.suppressed() == Suppression.SECONDARY ? Suppression.SECONDARY : Suppression.FEW_RESPONDENTS);
        }
        if (respondents < Disclosure.MIN_RESPONDENTS) {
            return Figure.suppressed(Suppression.FEW_RESPONDENTS);
        }
        if (secondary) {
            return Figure.suppressed(Suppression.SECONDARY);
        }
        T v = value.get();
        return v == null ? Figure.suppressed(Suppression.FEW_RESPONDENTS) : Figure.of(v);
    }

    private static <K> CountTable<K> withAll(Map<K, Long> parts, Suppression why) {
        List<Cell<K>> cells = new ArrayList<>();
        parts.keySet().forEach(k -> cells.add(new Cell<>(k, Figure.suppressed(why))));
        return new CountTable<>(Figure.suppressed(why), cells);
    }

    private static Set<String> secondaryTeams(Map<String, Map<String, Long>> teams) {
        // A team with no responses has no figures to give away.
        List<String> answered = teams.keySet().stream().filter(t -> get(teams.get(t), Counter.RESPONSES) > 0).toList();
        List<String> few = answered.stream()
                .filter(t -> get(teams.get(t), Counter.RESPONSES) < Disclosure.MIN_RESPONDENTS).toList();
        Set<String> out = new TreeSet<>();
        if (few.size() == 1) {
            answered.stream().filter(t -> !few.contains(t))
                    .min(Comparator.comparingLong((String t) -> get(teams.get(t), Counter.RESPONSES)).thenComparing(t -> t))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Set<String> questions(Map<String, Long> c) {
        String prefix = Counter.ratingCount("");
        Set<String> out = new TreeSet<>();
        c.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> out.add(k.substring(prefix.length())));
        return out;
    }

    private static Map<String, Long> column(Map<String, Map<String, Long>> teams, String counter) {
        Map<String, Long> out = new LinkedHashMap<>();
        teams.forEach((t, c) -> out.put(t, get(c, counter)));
        return out;
    }

    static long get(Map<String, Long> c, String counter) {
        return c.getOrDefault(counter, 0L);
    }
}
