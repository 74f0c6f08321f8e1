package org.whatmatters.summaries.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.whatmatters.summaries.Cell;
import org.whatmatters.summaries.CommissionerSummary;
import org.whatmatters.summaries.Continuity;
import org.whatmatters.summaries.ContractActivity;
import org.whatmatters.summaries.FeedbackFigures;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.HealthFigure;
import org.whatmatters.summaries.Nps;
import org.whatmatters.summaries.PlannedHoursFigure;
import org.whatmatters.summaries.RatingSummary;
import org.whatmatters.summaries.RotaFigures;
import org.whatmatters.summaries.TeamFeedback;
import org.whatmatters.summaries.TrendPoint;

/**
 * A commissioner summary as one tidy table (RFC 4180, CRLF line ends, UTF-8), one figure per row:
 *
 * <pre>
 * period_id   the survey period
 * scope       overall | team | contract (activity over the summary's activity window)
 * team_id     the team's id (team scope only); team: its display label
 * measure     invitations | responses | response_rate_pct | nps | nps_low | nps_high | nps_benchmark
 *             | rating_average (out of 6) | rating_answers | rating_count
 *             | visits | care_hours | client_days | health_events | health_per_1000_client_days
 *             | stories | continuity_clients | continuity_mean_workers | continuity_mean_index
 *             | planned_hours_start | planned_hours_end | planned_hours_change (per week)
 *             | planned_visits (completed + missed) | missed_visits | on_time_pct (of completed, ±15 min)
 *             | missed_per_1000_planned | short_pct (of completed) | cancellations (by requester: client, family,
 *             provider) | visit_planned_hours | visit_delivered_hours (visits are the completed ones)
 * question_id the question (rating measures only); question: its display label
 * category    health event type, outcome domain or who asked for a cancellation, where the measure is broken down by one
 * rating      the rating value 1–6 (rating_count only)
 * value       the figure, empty when suppressed; decimals with a dot
 * suppressed  empty, or why: few-respondents | small-count | secondary
 * </pre>
 *
 * Rows: earlier periods (overall only, oldest first), then the period reported: overall, teams by
 * id, then the contract's activity. Questions by id, ratings 1–6. A percentage with nothing to divide
 * by has no row.
 */
public final class SummaryCsv {

    public static final List<String> HEADER = List.of("period_id", "scope", "team_id", "team", "measure",
            "question_id", "question", "category", "rating", "value", "suppressed");

    private SummaryCsv() {
    }

    public static String render(CommissionerSummary s) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (TrendPoint t : s.trend().subList(0, s.trend().size() - 1)) {
            figures(out, s, t.periodId(), "overall", "", t.overall());
        }
        String period = s.periodId();
        figures(out, s, period, "overall", "", s.feedback().overall());
        new Row(out, s, period, "overall", "").add("nps_benchmark", Figure.of((long) s.npsBenchmark()));
        s.feedback().teams().stream().sorted(Comparator.comparing(TeamFeedback::teamId))
                .forEach(t -> figures(out, s, period, "team", t.teamId(), t.figures()));
        activity(new Row(out, s, period, "contract", ""), s);
        return out.toString();
    }

    private static void figures(StringBuilder out, CommissionerSummary s, String period, String scope, String teamId,
                                FeedbackFigures f) {
        Row r = new Row(out, s, period, scope, teamId);
        r.add("invitations", f.invitations());
        r.add("responses", f.responses());
        r.add("response_rate_pct", f.responseRate());
        r.add("nps", part(f.nps(), Nps::score));
        r.add("nps_low", part(f.nps(), Nps::low));
        r.add("nps_high", part(f.nps(), Nps::high));
        for (RatingSummary q : f.ratings().stream().sorted(Comparator.comparing(RatingSummary::questionId)).toList()) {
            String id = q.questionId();
            r.question("rating_average", id, "", q.average());
            r.question("rating_answers", id, "", q.distribution().total());
            for (Cell<Integer> c : q.distribution().cells().stream().sorted(Comparator.comparing(Cell::key)).toList()) {
                r.question("rating_count", id, String.valueOf(c.key()), c.count());
            }
        }
    }

    private static void activity(Row r, CommissionerSummary s) {
        ContractActivity a = s.impact().activity();
        r.add("visits", a.visits());
        r.add("care_hours", Figure.of(Text.hours(a.careMinutes())));
        r.add("client_days", Figure.of(a.clientDays()));
        r.add("health_events", a.healthEvents());
        for (HealthFigure h : a.health()) {
            r.category("health_events", h.type().toString(), h.count());
            if (h.per1000ClientDays() != null) {
                r.category("health_per_1000_client_days", h.type().toString(), h.per1000ClientDays());
            }
        }
        r.add("stories", a.stories());
        a.storiesByDomain().forEach(c -> r.category("stories", c.key().toString(), c.count()));
        Figure<Continuity> c = a.continuity();
        r.add("continuity_clients", part(c, x -> (long) x.clients()));
        r.add("continuity_mean_workers", part(c, Continuity::meanWorkers));
        r.add("continuity_mean_index", part(c, Continuity::meanIndex));
        PlannedHoursFigure h = s.impact().plannedHours();
        r.add("planned_hours_start", h.atStart());
        r.add("planned_hours_end", h.atEnd());
        r.add("planned_hours_change", h.change());
        RotaFigures rota = a.rota();
        r.add("planned_visits", rota.plannedVisits());
        r.add("missed_visits", rota.missedVisits());
        r.add("on_time_pct", rota.onTimePercent());
        r.add("missed_per_1000_planned", rota.missedPer1000Planned());
        r.add("short_pct", rota.shortPercent());
        r.add("cancellations", rota.cancellations().total());
        rota.cancellations().cells().forEach(x -> r.category("cancellations", x.key().toString(), x.count()));
        r.add("visit_planned_hours", rota.plannedHours());
        r.add("visit_delivered_hours", rota.deliveredHours());
    }

    /** A part of a figure, suppressed with it; a part with no value (nothing to average) is left out. */
    private static <T, R> Figure<R> part(Figure<T> f, Function<T, R> which) {
        if (!f.shown()) {
            return Figure.suppressed(f.suppressed());
        }
        R v = which.apply(f.value());
        return v == null ? null : Figure.of(v);
    }

    /** Writes the rows of one period and scope. */
    private record Row(StringBuilder out, CommissionerSummary s, String period, String scope, String teamId) {

        void add(String measure, Figure<?> f) {
            write(measure, "", "", "", f);
        }

        void question(String measure, String questionId, String rating, Figure<?> f) {
            write(measure, questionId, "", rating, f);
        }

        void category(String measure, String category, Figure<?> f) {
            write(measure, "", category, "", f);
        }

        private void write(String measure, String questionId, String category, String rating, Figure<?> f) {
            if (f == null) {
                return;
            }
            List<String> fields = new ArrayList<>(List.of(period, scope, teamId,
                    teamId.isEmpty() ? "" : inert(s.team(teamId)), measure, questionId,
                    questionId.isEmpty() ? "" : inert(s.question(questionId)), category, rating,
                    f.shown() ? Text.number(f.value()) : "", f.shown() ? "" : f.suppressed().toString()));
            line(out, fields);
        }
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * A label a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection), the full-width
     * equals sign included, which some spreadsheets read as "=".
     */
    static String inert(String label) {
        return !label.isEmpty() && "=+-@\t\r\n\uFF1D".indexOf(label.charAt(0)) >= 0 ? "'" + label : label;
    }

    /** Quoted when it holds a separator: ";" too, which spreadsheets in many locales split on. */
    static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
