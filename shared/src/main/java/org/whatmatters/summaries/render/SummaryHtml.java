package org.whatmatters.summaries.render;

import static org.whatmatters.summaries.render.Text.html;
import static org.whatmatters.summaries.render.Text.shown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.summaries.Cell;
import org.whatmatters.summaries.CommissionerSummary;
import org.whatmatters.summaries.ContractActivity;
import org.whatmatters.summaries.Disclosure;
import org.whatmatters.summaries.FeedbackFigures;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.HealthFigure;
import org.whatmatters.summaries.Impact;
import org.whatmatters.summaries.Nps;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.PlannedHoursFigure;
import org.whatmatters.summaries.RatingSummary;
import org.whatmatters.summaries.RotaFigures;
import org.whatmatters.summaries.SharedStory;
import org.whatmatters.summaries.TeamFeedback;
import org.whatmatters.summaries.TrendPoint;

/**
 * A summary as one self-contained HTML page: inline CSS and SVG, no scripts, no external
 * resources, so a commissioner can open it offline and print it on A4. The markup is also
 * well-formed XML (void elements closed, only XML's own entities), so it can be checked by a
 * parser. No clock or locale is read: the same report gives the same bytes.
 */
public final class SummaryHtml {

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;\
            margin:0 auto;max-width:60rem;padding:1.5rem;line-height:1.45}
            h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #d0d0d0}
            .kpi{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;margin:0}
            .kpi div{border:1px solid #d0d0d0;border-radius:4px;padding:.5rem .75rem}
            .kpi dt{font-size:.85rem;color:#595959}.kpi dd{margin:0;font-size:1.3rem;font-weight:600}
            .kpi dd small{display:block;font-size:.85rem;font-weight:400;color:#595959}
            .suppressed{color:#595959;font-style:italic;font-weight:400}
            figure{margin:1rem 0}figcaption{font-size:.9rem;color:#595959}svg{max-width:100%;height:auto}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #d0d0d0;padding:.25rem .5rem;text-align:left}
            td.n{text-align:right;white-space:nowrap}th[scope=row]{white-space:nowrap}.grid{display:flex;flex-wrap:wrap;gap:1rem}.lede{font-size:1.05rem}
            blockquote{margin:.75rem 0;padding:.25rem 1rem;border-left:4px solid #1f4e79;background:#f5f7fa}
            footer{margin-top:2rem;font-size:.8rem;color:#595959}
            @page{size:A4;margin:15mm}
            @media print{body{max-width:none;padding:0;font-size:10pt}section,figure,table{break-inside:avoid}}
            """;

    private SummaryHtml() {
    }

    public static String render(CommissionerSummary r) {
        StringBuilder s = new StringBuilder(24_576);
        String title = r.title() + " – " + r.periodLabel();
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(html(title)).append("</title><style>").append(CSS)
                .append("</style></head>\n<body><main><header><h1>").append(html(r.title())).append("</h1><p class=\"lede\">")
                .append(html(r.periodLabel() + ": survey period " + r.opensOn() + " to " + r.closesOn() + ". "))
                .append(r.complete() ? "Final figures for the whole period."
                        : html("Interim figures: data up to " + r.dataThrough() + "; the period is still open."))
                .append("</p><p>Figures resting on fewer than ").append(Disclosure.MIN_RESPONDENTS)
                .append(" people, and counts of 1–").append(Disclosure.MIN_COUNT - 1)
                .append(", are suppressed and marked; no person is named. In tables, “suppressed: secondary” marks a ")
                .append("figure hidden because, shown, it would let a suppressed one be worked out.</p></header>\n");
        PeriodSummary now = r.feedback();
        headline(s, r, now);
        trend(s, r);
        ratings(s, r, now);
        teams(s, r, now);
        impact(s, r);
        rota(s, r);
        stories(s, r);
        return s.append("<footer><p>").append(html("Summary " + r.summaryId() + " (" + CommissionerSummary.KIND + " v"
                + CommissionerSummary.SCHEMA_VERSION + ") for contract " + r.contractId() + "."))
                .append("</p></footer></main></body></html>\n").toString();
    }

    private static void headline(StringBuilder s, CommissionerSummary r, PeriodSummary now) {
        FeedbackFigures f = now.overall();
        s.append("<section aria-labelledby=\"headline\"><h2 id=\"headline\">Headline figures</h2><dl class=\"kpi\">");
        kpi(s, "Net Promoter Score", f.nps(), v -> Text.number(v.score()),
                f.nps().shown() ? "95% interval " + interval(f.nps().value()) + "; healthcare benchmark " + now.npsBenchmark()
                        : "healthcare benchmark " + now.npsBenchmark());
        kpi(s, "Response rate", f.responseRate(), v -> Text.number(v) + "%", null);
        kpi(s, "Responses", f.responses(), Text::number,
                f.invitations().shown() ? "of " + f.invitations().value() + " invited" : null);
        for (RatingSummary q : sorted(f.ratings())) {
            kpi(s, "Average: " + r.question(q.questionId()), q.average(), v -> Text.number(v) + "/" + q.outOf(), null);
        }
        s.append("</dl></section>\n");
    }

    static <T> void kpi(StringBuilder s, String label, Figure<T> f, java.util.function.Function<T, String> format,
                                String note) {
        s.append("<div><dt>").append(html(label)).append("</dt><dd>");
        if (f.shown()) {
            s.append(html(format.apply(f.value())));
        } else {
            s.append("<span class=\"suppressed\">").append(html(Text.reason(f.suppressed()))).append("</span>");
        }
        if (note != null) {
            s.append("<small>").append(html(note)).append("</small>");
        }
        s.append("</dd></div>");
    }

    private static void trend(StringBuilder s, CommissionerSummary r) {
        List<Svg.Point> points = new ArrayList<>();
        r.trend().forEach(p -> points.add(new Svg.Point(p.label(), p.overall().nps())));
        String title = "Net Promoter Score by survey period, with 95% intervals";
        s.append("<section aria-labelledby=\"trend\"><h2 id=\"trend\">NPS over time</h2><figure>")
                .append(Svg.nps("nps-trend", title, points, r.npsBenchmark()))
                .append("<figcaption>").append(html(title + ". The dashed line is the healthcare benchmark of "
                        + r.npsBenchmark() + "."
                        + (points.size() == 1 ? " Earlier periods appear here once they exist." : "")))
                .append("</figcaption></figure>");
        if (points.size() > 1) {
            s.append("<table><caption>Trend over the last survey periods</caption><thead><tr><th scope=\"col\">Period</th>")
                    .append("<th scope=\"col\">Responses</th><th scope=\"col\">Response rate</th>")
                    .append("<th scope=\"col\">NPS (95% interval)</th></tr></thead><tbody>");
            for (TrendPoint p : r.trend()) {
                s.append("<tr><th scope=\"row\">").append(html(p.label())).append("</th>");
                cell(s, p.overall().responses(), Text::number);
                cell(s, p.overall().responseRate(), v -> Text.number(v) + "%");
                cell(s, p.overall().nps(), v -> Text.number(v.score()) + " (" + interval(v) + ")");
                s.append("</tr>");
            }
            s.append("</tbody></table>");
        }
        s.append("</section>\n");
    }

    private static void ratings(StringBuilder s, CommissionerSummary r, PeriodSummary now) {
        s.append("<section aria-labelledby=\"ratings\"><h2 id=\"ratings\">Ratings by question</h2><div class=\"grid\">");
        int i = 0;
        for (RatingSummary q : sorted(now.overall().ratings())) {
            String label = r.question(q.questionId());
            String title = "How many gave each rating: " + label;
            if (q.distribution().cells().stream().noneMatch(c -> c.count().shown())) {
                // A chart of nothing but "suppr." marks says less than one sentence.
                s.append("<p>").append(html(label + ": average " + shown(q.average(), v -> Text.number(v) + "/" + q.outOf())
                        + ". How many gave each rating is suppressed: too few answers to show it safely.")).append("</p>");
                continue;
            }
            s.append("<figure>").append(Svg.distribution("dist-" + i++, title, q.distribution()))
                    .append("<figcaption>").append(html(title + ". Average "
                            + shown(q.average(), v -> Text.number(v) + "/" + q.outOf()) + "; answers "
                            + shown(q.distribution().total(), Text::number) + "." + hidden(q)))
                    .append("</figcaption></figure>");
        }
        s.append("</div></section>\n");
    }

    private static void teams(StringBuilder s, CommissionerSummary r, PeriodSummary now) {
        List<TeamFeedback> teams = now.teams().stream().sorted(Comparator.comparing(TeamFeedback::teamId)).toList();
        if (teams.isEmpty()) {
            return;
        }
        List<Svg.Point> points = new ArrayList<>();
        points.add(new Svg.Point("All teams", now.overall().nps()));
        teams.forEach(t -> points.add(new Svg.Point(r.team(t.teamId()), t.figures().nps())));
        String title = "Net Promoter Score by team, with 95% intervals";
        s.append("<section aria-labelledby=\"teams\"><h2 id=\"teams\">Teams</h2><figure>")
                .append(Svg.nps("nps-teams", title, points, now.npsBenchmark()))
                .append("<figcaption>").append(html(title + ", beside all teams together and the benchmark of "
                        + now.npsBenchmark() + "."))
                .append("</figcaption></figure>");
        TreeSet<String> questions = new TreeSet<>();
        now.overall().ratings().forEach(q -> questions.add(q.questionId()));
        teams.forEach(t -> t.figures().ratings().forEach(q -> questions.add(q.questionId())));
        s.append("<table><caption>Figures per team</caption><thead><tr><th scope=\"col\">Team</th>")
                .append("<th scope=\"col\">Responses</th><th scope=\"col\">Response rate</th><th scope=\"col\">NPS (95% interval)</th>");
        questions.forEach(q -> s.append("<th scope=\"col\">").append(html(r.question(q))).append("</th>"));
        s.append("</tr></thead><tbody>");
        row(s, "All teams", now.overall(), questions);
        teams.forEach(t -> row(s, r.team(t.teamId()), t.figures(), questions));
        s.append("</tbody></table></section>\n");
    }

    private static void impact(StringBuilder s, CommissionerSummary r) {
        Impact i = r.impact();
        ContractActivity a = i.activity();
        s.append("<section aria-labelledby=\"impact\"><h2 id=\"impact\">Care and health</h2><p>")
                .append(html("Activity from " + i.from() + " to " + i.to() + ", the months this period spans; "
                        + a.clientDays() + " client-days of support."))
                .append("</p><dl class=\"kpi\">");
        kpi(s, "Visits", a.visits(), Text::number, "care hours " + Text.number(Text.hours(a.careMinutes())));
        kpi(s, "Workers per person (mean)", a.continuity(), c -> c.meanWorkers() == null ? "no visits"
                : Text.number(c.meanWorkers()), a.continuity().shown() ? "over " + a.continuity().value().clients() + " people" : null);
        kpi(s, "Continuity index (Bice–Boxerman, mean)", a.continuity(), c -> c.meanIndex() == null ? "no repeat visits"
                : Text.number(c.meanIndex()), "1 = always the same worker, 0 = always a different one");
        PlannedHoursFigure h = i.plannedHours();
        kpi(s, "Change in planned support hours per week", h.change(), v -> (v > 0 ? "+" : "") + Text.number(v),
                h.atStart().shown() && h.atEnd().shown()
                        ? "from " + Text.number(h.atStart().value()) + " to " + Text.number(h.atEnd().value()) + " hours" : null);
        s.append("</dl><table><caption>Health-service reliance</caption><thead><tr><th scope=\"col\">Event</th>")
                .append("<th scope=\"col\">Count</th><th scope=\"col\">Per 1,000 client-days</th></tr></thead><tbody>");
        for (HealthFigure f : a.health()) {
            s.append("<tr><th scope=\"row\">").append(html(Text.healthEvent(f.type()))).append("</th>");
            cell(s, f.count(), Text::number);
            if (f.per1000ClientDays() == null) {
                s.append("<td class=\"n\">no client-days</td>");
            } else {
                cell(s, f.per1000ClientDays(), Text::number);
            }
            s.append("</tr>");
        }
        s.append("<tr><th scope=\"row\">All</th>");
        cell(s, a.healthEvents(), Text::number);
        s.append("<td></td></tr></tbody></table></section>\n");
    }

    private static void rota(StringBuilder s, CommissionerSummary r) {
        RotaFigures f = r.impact().activity().rota();
        s.append("<section aria-labelledby=\"rota\"><h2 id=\"rota\">Punctuality and reliability</h2><p>")
                .append(html("Visits planned are those completed or missed; cancelled visits were not expected and are "
                        + "counted apart. On time: checked in within 15 minutes either side of the planned start."))
                .append("</p><dl class=\"kpi\">");
        kpi(s, "Visits on time", orNone(f.onTimePercent(), "%"), v -> v, "of the visits completed");
        kpi(s, "Missed visits per 1,000 planned", orNone(f.missedPer1000Planned(), ""), v -> v,
                "visits planned " + shown(f.plannedVisits(), Text::number));
        kpi(s, "Short visits", orNone(f.shortPercent(), "%"), v -> v, "of the visits completed: under 75% of the planned minutes unless the provider set otherwise");
        kpi(s, "Hours delivered", f.deliveredHours(), Text::number, f.plannedHours().shown()
                ? "of " + Text.number(f.plannedHours().value()) + " hours planned" : "hours planned not shown (few visits)");
        s.append("</dl><table><caption>Cancellations by who asked</caption><thead><tr><th scope=\"col\">Asked by</th>")
                .append("<th scope=\"col\">Visits cancelled</th></tr></thead><tbody>");
        for (Cell<CancellationRequester> c : f.cancellations().cells()) {
            s.append("<tr><th scope=\"row\">").append(html(Text.requester(c.key()))).append("</th>");
            cell(s, c.count(), Text::number);
            s.append("</tr>");
        }
        s.append("<tr><th scope=\"row\">All</th>");
        cell(s, f.cancellations().total(), Text::number);
        s.append("</tr></tbody></table></section>\n");
    }

    /** A percentage or rate as text; a dash when there was nothing to divide by. */
    private static Figure<String> orNone(Figure<Double> f, String unit) {
        if (f == null) {
            return Figure.of("–");
        }
        return f.shown() ? Figure.of(Text.number(f.value()) + unit) : Figure.suppressed(f.suppressed());
    }

    private static void stories(StringBuilder s, CommissionerSummary r) {
        ContractActivity a = r.impact().activity();
        s.append("<section aria-labelledby=\"stories\"><h2 id=\"stories\">Outcome stories</h2><p>Stories recorded: ")
                .append(html(shown(a.stories(), Text::number))).append(". A story can speak to more than one outcome.</p>")
                .append("<table><caption>Stories by outcome domain</caption><thead><tr><th scope=\"col\">Outcome</th>")
                .append("<th scope=\"col\">Stories</th></tr></thead><tbody>");
        for (Cell<OutcomeDomain> c : a.storiesByDomain()) {
            s.append("<tr><th scope=\"row\">").append(html(Text.domain(c.key()))).append("</th>");
            cell(s, c.count(), Text::number);
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        List<SharedStory> shared = r.impact().stories();
        if (shared.isEmpty()) {
            s.append("<p>No story in this period was shared for commissioners.</p>");
        } else {
            s.append("<p>Shared with the consent of their authors, with names taken out:</p>");
            for (SharedStory story : shared) {
                s.append("<blockquote><p><strong>").append(html(story.title())).append("</strong> <small>")
                        .append(html(story.month() + "; " + String.join(", ",
                                story.domains().stream().map(Text::domain).toList())))
                        .append("</small></p><p>").append(html(story.text())).append("</p></blockquote>");
            }
        }
        s.append("</section>\n");
    }

    private static void row(StringBuilder s, String team, FeedbackFigures f, TreeSet<String> questions) {
        s.append("<tr><th scope=\"row\">").append(html(team)).append("</th>");
        cell(s, f.responses(), Text::number);
        cell(s, f.responseRate(), v -> Text.number(v) + "%");
        cell(s, f.nps(), v -> Text.number(v.score()) + " (" + interval(v) + ")");
        for (String q : questions) {
            RatingSummary rating = f.ratings().stream().filter(x -> x.questionId().equals(q)).findFirst().orElse(null);
            if (rating == null) {
                s.append("<td class=\"n\">no answers</td>");
            } else {
                cell(s, rating.average(), v -> Text.number(v) + "/" + rating.outOf());
            }
        }
        s.append("</tr>");
    }

    static <T> void cell(StringBuilder s, Figure<T> f, java.util.function.Function<T, String> format) {
        s.append(f.shown() ? "<td class=\"n\">" + html(format.apply(f.value()))
                : "<td class=\"suppressed\">" + html(Text.shortReason(f.suppressed()))).append("</td>");
    }

    /** Spells out the bars marked "suppr." in the chart. */
    private static String hidden(RatingSummary q) {
        List<String> out = new ArrayList<>();
        q.distribution().cells().stream().filter(c -> !c.count().shown())
                .forEach(c -> out.add("rated " + c.key() + ": " + Text.reason(c.count().suppressed())));
        return out.isEmpty() ? "" : " Marked “suppr.”: " + String.join("; ", out) + ".";
    }

    static String interval(Nps v) {
        return Text.number(v.low()) + " to " + Text.number(v.high());
    }

    private static List<RatingSummary> sorted(List<RatingSummary> ratings) {
        return ratings.stream().sorted(Comparator.comparing(RatingSummary::questionId)).toList();
    }
}
