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
 * </ul>
 *
 * Not yet protected: a per-team distribution cell worked out from the overall cell less the other
 * teams' (a two-way table); per-question figures whose answer count differs from the responses.
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
        List<TeamFeedback> out = new ArrayList<>();
        teams.forEach((team, counters) -> out.add(new TeamFeedback(team, figures(counters,
                invitationTable.cell(team), responseTable.cell(team), secondary.contains(team)))));
        return new PeriodSummary(periodId, Nps.BENCHMARK,
                figures(overall, invitationTable.total(), responseTable.total(), false), responseTable, out);
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
