package org.whatmatters.summaries.render;

import java.util.List;
import org.whatmatters.summaries.FeedbackFigures;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.HealthRate;
import org.whatmatters.summaries.RatingSummary;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;
import org.whatmatters.summaries.TeamRota;

/**
 * A team dashboard as one tidy table (RFC 4180, CRLF), one figure per row:
 *
 * <pre>
 * month     the month (YYYY-MM): the dashboard's, or a trend month
 * scope     team | client | period | visit
 * key       empty (team), the client's id, the survey period's id, or the visit's id
 * measure   team_size | visits | care_minutes | shift_minutes | magic_number | mean_workers | mean_index
 *           | client_days | health_events | health_per_1000_client_days | stories
 *           | planned_visits (completed + missed) | completed_visits | on_time | late | missed | short_visits
 *           | cancelled (by requester) | on_time_pct | missed_per_1000_planned | short_pct | mean_minutes_late
 *           | visit_planned_hours | visit_delivered_hours  (team)
 *           | minutes_late  (visit: a late or missed visit, category its status; empty while still missed)
 *           | visits | workers | index  (client)  | responses | nps | rating_average  (period)
 * category  health event type, outcome domain or question id, where the measure is broken down by one
 * value     the figure; empty when there is none or it is suppressed
 * suppressed empty, or why (period figures only)
 * </pre>
 */
public final class DashboardCsv {

    public static final List<String> HEADER = List.of("month", "scope", "key", "measure", "category", "value", "suppressed");
    private static final int VALUE = HEADER.indexOf("value");

    private DashboardCsv() {
    }

    public static String render(TeamDashboard d) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        String month = d.month().toString();
        for (TeamDashboard.MonthPoint p : d.trend()) {
            String m = p.month().toString();
            row(out, m, "team", "", "visits", "", p.visits());
            row(out, m, "team", "", "care_minutes", "", p.careMinutes());
            row(out, m, "team", "", "shift_minutes", "", p.shiftMinutes());
            row(out, m, "team", "", "magic_number", "", p.magicNumber());
            row(out, m, "team", "", "mean_workers", "", p.meanWorkers());
            row(out, m, "team", "", "mean_index", "", p.meanIndex());
        }
        TeamActivity a = d.activity();
        row(out, month, "team", "", "team_size", "", d.teamSize());
        row(out, month, "team", "", "client_days", "", a.clientDays());
        for (HealthRate h : a.health()) {
            row(out, month, "team", "", "health_events", h.type().toString(), h.count());
            row(out, month, "team", "", "health_per_1000_client_days", h.type().toString(), h.per1000ClientDays());
        }
        a.stories().forEach(s -> row(out, month, "team", "", "stories", s.domain().toString(), s.stories()));
        TeamRota r = a.rota();
        row(out, month, "team", "", "planned_visits", "", r.plannedVisits());
        row(out, month, "team", "", "completed_visits", "", r.completedVisits());
        row(out, month, "team", "", "on_time", "", r.onTime());
        row(out, month, "team", "", "late", "", r.late());
        row(out, month, "team", "", "missed", "", r.missed());
        row(out, month, "team", "", "short_visits", "", r.shortVisits());
        row(out, month, "team", "", "cancelled", "", r.cancelled());
        r.cancelledBy().forEach(c -> row(out, month, "team", "", "cancelled", c.requestedBy().toString(), c.visits()));
        row(out, month, "team", "", "on_time_pct", "", r.onTimePercent());
        row(out, month, "team", "", "missed_per_1000_planned", "", r.missedPer1000Planned());
        row(out, month, "team", "", "short_pct", "", r.shortPercent());
        row(out, month, "team", "", "mean_minutes_late", "", r.meanMinutesLate());
        row(out, month, "team", "", "visit_planned_hours", "", r.plannedHours());
        row(out, month, "team", "", "visit_delivered_hours", "", r.deliveredHours());
        for (TeamDashboard.ClientRow c : d.clients()) {
            row(out, month, "client", c.clientId(), "visits", "", c.visits());
            row(out, month, "client", c.clientId(), "workers", "", c.workers());
            row(out, month, "client", c.clientId(), "index", "", c.index());
        }
        for (TeamDashboard.PersonVisits p : d.lateAndMissed()) {
            for (TeamDashboard.LapsedVisit v : p.visits()) {
                row(out, month, "visit", v.visitId(), "minutes_late", v.status().toString(), v.minutesLate());
            }
        }
        for (TeamDashboard.TeamPeriod p : d.feedback()) {
            FeedbackFigures f = p.figures();
            figure(out, month, p.periodId(), "responses", "", f.responses());
            figure(out, month, p.periodId(), "nps", "", f.nps().shown() ? Figure.of(f.nps().value().score())
                    : Figure.<Double>suppressed(f.nps().suppressed()));
            for (RatingSummary q : f.ratings()) {
                figure(out, month, p.periodId(), "rating_average", q.questionId(), q.average());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String month, String scope, String key, String measure, String category,
                            Object value) {
        line(out, List.of(month, scope, key, measure, category, value == null ? "" : Text.number(value), ""));
    }

    private static void figure(StringBuilder out, String month, String period, String measure, String category,
                               Figure<?> f) {
        line(out, List.of(month, "period", period, measure, category, f.shown() ? Text.number(f.value()) : "",
                f.shown() ? "" : f.suppressed().toString()));
    }

    /** Text cells are made inert; the value column holds numbers, which a leading '-' must not change. */
    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String cell = i == VALUE ? fields.get(i) : SummaryCsv.inert(fields.get(i));
            out.append(i > 0 ? "," : "").append(SummaryCsv.field(cell));
        }
        out.append("\r\n");
    }
}
