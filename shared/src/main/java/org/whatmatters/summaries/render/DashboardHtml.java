package org.whatmatters.summaries.render;

import static org.whatmatters.summaries.render.Text.html;

import org.whatmatters.domain.VisitStatus;
import org.whatmatters.summaries.FeedbackFigures;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.HealthRate;
import org.whatmatters.summaries.RatingSummary;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;
import org.whatmatters.summaries.TeamRota;

/** A team dashboard as one self-contained HTML page, in the style of {@link SummaryHtml}; deterministic. */
public final class DashboardHtml {

    private DashboardHtml() {
    }

    public static String render(TeamDashboard d) {
        StringBuilder s = new StringBuilder(16_384);
        String title = d.teamName() + " – " + d.month();
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(html(title)).append("</title><style>").append(SummaryHtml.CSS)
                .append("</style></head>\n<body><main><header><h1>").append(html(d.teamName() + ": team dashboard"))
                .append("</h1><p class=\"lede\">").append(html(d.month() + (d.complete() ? ", the whole month."
                        : ", up to " + d.dataThrough() + "."))).append("</p></header>\n");
        TeamActivity a = d.activity();
        s.append("<section aria-labelledby=\"month\"><h2 id=\"month\">This month</h2><dl class=\"kpi\">");
        SummaryHtml.kpi(s, "Magic Number (care time / paid time)", text(a.magicNumber()), t -> t,
                hours(a.careMinutes()) + " care hours of " + hours(a.shiftMinutes()) + " paid");
        SummaryHtml.kpi(s, "Team size", Figure.of((long) d.teamSize()), Text::number, d.sizeAdvice() == null
                ? "around 10 works best" : d.sizeAdvice().message());
        SummaryHtml.kpi(s, "Visits", Figure.of(a.visits()), Text::number, null);
        SummaryHtml.kpi(s, "Workers per person (mean)", text(a.continuity().meanWorkers()), t -> t,
                a.continuity().clients() + " people visited");
        SummaryHtml.kpi(s, "Continuity index (mean)", text(a.continuity().meanIndex()), t -> t,
                "1 = always the same worker");
        s.append("</dl>");
        if (d.sizeAdvice() != null) {
            s.append("<p role=\"note\"><strong>Split advised:</strong> ").append(html(d.sizeAdvice().message())).append("</p>");
        }
        s.append("</section>\n<section aria-labelledby=\"trend\"><h2 id=\"trend\">Trend</h2><table><thead><tr>")
                .append("<th scope=\"col\">Month</th><th scope=\"col\">Visits</th><th scope=\"col\">Magic Number</th>")
                .append("<th scope=\"col\">Workers per person</th><th scope=\"col\">Continuity index</th></tr></thead><tbody>");
        for (TeamDashboard.MonthPoint p : d.trend()) {
            s.append("<tr><th scope=\"row\">").append(p.month()).append("</th>");
            SummaryHtml.cell(s, Figure.of(p.visits()), Text::number);
            SummaryHtml.cell(s, text(p.magicNumber()), t -> t);
            SummaryHtml.cell(s, text(p.meanWorkers()), t -> t);
            SummaryHtml.cell(s, text(p.meanIndex()), t -> t);
            s.append("</tr>");
        }
        s.append("</tbody></table></section>\n<section aria-labelledby=\"people\"><h2 id=\"people\">Continuity per person</h2>")
                .append("<table><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Visits</th>")
                .append("<th scope=\"col\">Workers</th><th scope=\"col\">Continuity index</th></tr></thead><tbody>");
        for (TeamDashboard.ClientRow c : d.clients()) {
            s.append("<tr><th scope=\"row\">").append(html(c.name())).append("</th>");
            SummaryHtml.cell(s, Figure.of(c.visits()), Text::number);
            SummaryHtml.cell(s, Figure.of((long) c.workers()), Text::number);
            SummaryHtml.cell(s, text(c.index()), t -> t);
            s.append("</tr>");
        }
        s.append("</tbody></table></section>\n");
        rota(s, d);
        s.append("<section aria-labelledby=\"health\"><h2 id=\"health\">Health events</h2><table>")
                .append("<thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Count</th>")
                .append("<th scope=\"col\">Per 1,000 client-days</th></tr></thead><tbody>");
        for (HealthRate h : a.health()) {
            s.append("<tr><th scope=\"row\">").append(html(Text.healthEvent(h.type()))).append("</th>");
            SummaryHtml.cell(s, Figure.of(h.count()), Text::number);
            SummaryHtml.cell(s, text(h.per1000ClientDays()), t -> t);
            s.append("</tr>");
        }
        s.append("</tbody></table></section>\n<section aria-labelledby=\"feedback\"><h2 id=\"feedback\">Feedback</h2>");
        if (d.feedback().isEmpty()) {
            s.append("<p>No survey period has covered this team yet.</p>");
        } else {
            s.append("<p>As commissioners see it: figures on fewer than 10 people are suppressed.</p><table><thead><tr>")
                    .append("<th scope=\"col\">Period</th><th scope=\"col\">Responses</th><th scope=\"col\">NPS (95% interval)</th>")
                    .append("<th scope=\"col\">Ratings (average of 6)</th></tr></thead><tbody>");
            for (TeamDashboard.TeamPeriod p : d.feedback()) {
                FeedbackFigures f = p.figures();
                s.append("<tr><th scope=\"row\">").append(html(p.label())).append("</th>");
                SummaryHtml.cell(s, f.responses(), Text::number);
                SummaryHtml.cell(s, f.nps(), v -> Text.number(v.score()) + " (" + SummaryHtml.interval(v) + ")");
                StringBuilder ratings = new StringBuilder();
                for (RatingSummary q : f.ratings()) {
                    ratings.append(ratings.isEmpty() ? "" : "; ").append(q.questionId()).append(' ')
                            .append(q.average().shown() ? Text.number(q.average().value()) + "/" + q.outOf()
                                    : Text.shortReason(q.average().suppressed()));
                }
                s.append("<td>").append(html(ratings.isEmpty() ? "no answers" : ratings.toString())).append("</td></tr>");
            }
            s.append("</tbody></table>");
        }
        return s.append("</section></main></body></html>\n").toString();
    }

    /** Punctuality, then the late and missed visits by person, for the team to learn from. */
    private static void rota(StringBuilder s, TeamDashboard d) {
        TeamRota r = d.activity().rota();
        s.append("<section aria-labelledby=\"rota\"><h2 id=\"rota\">Punctuality</h2>")
                .append("<dl class=\"kpi\">");
        SummaryHtml.kpi(s, "Visits on time", Figure.of(Text.percent(r.onTimePercent())), t -> t,
                r.onTime() + " of " + r.completedVisits() + " completed, within 15 minutes");
        SummaryHtml.kpi(s, "Late", Figure.of(r.late()), Text::number, r.meanMinutesLate() == null ? null
                : Text.number(r.meanMinutesLate()) + " minutes late on average");
        SummaryHtml.kpi(s, "Missed per 1,000 planned", text(r.missedPer1000Planned()), t -> t,
                r.missed() + " missed of " + r.plannedVisits() + " planned");
        SummaryHtml.kpi(s, "Short visits", Figure.of(Text.percent(r.shortPercent())), t -> t,
                r.shortVisits() + " of the visits completed");
        SummaryHtml.kpi(s, "Hours delivered", Figure.of(r.deliveredHours()), Text::number,
                "of " + Text.number(r.plannedHours()) + " hours planned");
        StringBuilder cancelled = new StringBuilder();
        r.cancelledBy().forEach(c -> cancelled.append(cancelled.isEmpty() ? "" : "; ")
                .append(Text.requester(c.requestedBy())).append(' ').append(c.visits()));
        SummaryHtml.kpi(s, "Cancelled", Figure.of(r.cancelled()), Text::number, cancelled.toString());
        s.append("</dl><h3>Late and missed visits</h3>");
        if (d.lateAndMissed().isEmpty()) {
            s.append("<p>None this month.</p>");
        } else {
            s.append("<table><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Day</th>")
                    .append("<th scope=\"col\">Planned start</th><th scope=\"col\">Minutes late</th>")
                    .append("<th scope=\"col\">Status</th><th scope=\"col\">Workers</th></tr></thead><tbody>");
            for (TeamDashboard.PersonVisits p : d.lateAndMissed()) {
                for (TeamDashboard.LapsedVisit v : p.visits()) {
                    s.append("<tr><th scope=\"row\">").append(html(p.name())).append("</th><td>")
                            .append(v.serviceDate()).append("</td><td>").append(v.plannedTime()).append("</td>");
                    SummaryHtml.cell(s, Figure.of(v.minutesLate() == null ? "not checked in" : Text.number(v.minutesLate())),
                            t -> t);
                    s.append("<td>").append(html(v.status() + (v.wasMissed() && v.status() != VisitStatus.MISSED
                            ? " (was missed)" : ""))).append("</td><td>")
                            .append(html(String.join(", ", v.workers().stream().map(TeamDashboard.Worker::name).toList())))
                            .append("</td></tr>");
                }
            }
            s.append("</tbody></table>");
        }
        s.append("</section>\n");
    }

    /** A figure that may have nothing to show (no shifts, no repeat visits): a dash then. */
    private static Figure<String> text(Double v) {
        return Figure.of(v == null ? "–" : Text.number(v));
    }

    private static String hours(long minutes) {
        return Text.number(Text.hours(minutes));
    }
}
