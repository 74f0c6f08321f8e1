package org.whatmatters.summaries.render;

import java.util.Comparator;
import java.util.List;
import org.whatmatters.summaries.Cell;
import org.whatmatters.summaries.FeedbackFigures;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.Nps;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.RatingSummary;
import org.whatmatters.summaries.TeamFeedback;

/**
 * A summary as one tidy table (RFC 4180, CRLF line ends, UTF-8), one figure per row:
 *
 * <pre>
 * period_id   the survey period
 * scope       overall | team
 * team_id     the team's id (empty for overall); team: its display label
 * measure     invitations | responses | response_rate_pct | nps | nps_low | nps_high | nps_benchmark
 *             | rating_average (out of 6) | rating_answers | rating_count
 * question_id the question (rating measures only); question: its display label
 * rating      the rating value 1–6 (rating_count only)
 * value       the figure, empty when suppressed; decimals with one place and a dot
 * suppressed  empty, or why: few-respondents | small-count | secondary
 * </pre>
 *
 * Rows: periods in the report's order (oldest first), overall before teams, teams by id, questions
 * by id, ratings 1–6.
 */
public final class SummaryCsv {

    public static final List<String> HEADER = List.of("period_id", "scope", "team_id", "team", "measure",
            "question_id", "question", "rating", "value", "suppressed");

    private SummaryCsv() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (PeriodSummary p : report.periods()) {
            String period = p.periodId();
            figures(out, report, period, "overall", "", "", p.overall());
            row(out, report, period, "overall", "", "", "nps_benchmark", "", "", Figure.of((long) p.npsBenchmark()));
            p.teams().stream().sorted(Comparator.comparing(TeamFeedback::teamId)).forEach(t ->
                    figures(out, report, period, "team", t.teamId(), report.team(t.teamId()), t.figures()));
        }
        return out.toString();
    }

    private static void figures(StringBuilder out, Report r, String period, String scope, String teamId, String team,
                                FeedbackFigures f) {
        row(out, r, period, scope, teamId, team, "invitations", "", "", f.invitations());
        row(out, r, period, scope, teamId, team, "responses", "", "", f.responses());
        row(out, r, period, scope, teamId, team, "response_rate_pct", "", "", f.responseRate());
        Figure<Nps> nps = f.nps();
        row(out, r, period, scope, teamId, team, "nps", "", "", part(nps, Nps::score));
        row(out, r, period, scope, teamId, team, "nps_low", "", "", part(nps, Nps::low));
        row(out, r, period, scope, teamId, team, "nps_high", "", "", part(nps, Nps::high));
        for (RatingSummary q : f.ratings().stream().sorted(Comparator.comparing(RatingSummary::questionId)).toList()) {
            String id = q.questionId();
            row(out, r, period, scope, teamId, team, "rating_average", id, "", q.average());
            row(out, r, period, scope, teamId, team, "rating_answers", id, "", q.distribution().total());
            for (Cell<Integer> c : q.distribution().cells().stream().sorted(Comparator.comparing(Cell::key)).toList()) {
                row(out, r, period, scope, teamId, team, "rating_count", id, String.valueOf(c.key()), c.count());
            }
        }
    }

    private static Figure<Double> part(Figure<Nps> nps, java.util.function.Function<Nps, Double> which) {
        return nps.shown() ? Figure.of(which.apply(nps.value())) : Figure.suppressed(nps.suppressed());
    }

    private static void row(StringBuilder out, Report r, String period, String scope, String teamId, String team,
                            String measure, String questionId, String rating, Figure<?> f) {
        line(out, List.of(period, scope, teamId, inert(team), measure, questionId,
                questionId.isEmpty() ? "" : inert(r.question(questionId)), rating,
                f.shown() ? Text.number(f.value()) : "", f.shown() ? "" : f.suppressed().toString()));
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

    /** A label a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
    static String inert(String label) {
        return !label.isEmpty() && "=+-@\t\r".indexOf(label.charAt(0)) >= 0 ? "'" + label : label;
    }

    static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
