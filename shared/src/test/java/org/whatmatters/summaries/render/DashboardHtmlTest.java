package org.whatmatters.summaries.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.whatmatters.setup.SizeAdvice;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;

class DashboardHtmlTest {

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String render(int teamSize) {
        return DashboardHtml.render(Samples.dashboard("Riverside North", teamSize));
    }

    /** The sample with other clients, activity, data-through day and feedback. */
    private static TeamDashboard with(TeamDashboard d, List<TeamDashboard.ClientRow> clients, TeamActivity activity,
                                      LocalDate through, List<TeamDashboard.TeamPeriod> feedback) {
        return new TeamDashboard(d.kind(), d.schemaVersion(), d.dashboardId(), d.teamId(), d.teamName(), d.month(),
                through, !through.isBefore(d.month().atEndOfMonth()), d.teamSize(), d.sizeAdvice(), activity, d.trend(),
                clients, feedback, d.lateAndMissed());
    }

    private static String rowOf(String html, String header) {
        int at = html.indexOf("<th scope=\"row\">" + header + "</th>");
        assertTrue(at >= 0, header);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void wellFormedWithLanguageAndTitle() throws Exception {
        Document d = parse(render(12));
        Element html = d.getDocumentElement();
        assertEquals("html", html.getTagName());
        assertEquals("en", html.getAttribute("lang"));
        assertEquals("Riverside North – 2026-03", d.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("Riverside North: team dashboard", d.getElementsByTagName("h1").item(0).getTextContent());
        assertEquals("2026-03, the whole month.", ((Element) d.getElementsByTagName("header").item(0))
                .getElementsByTagName("p").item(0).getTextContent());
        // every section is labelled by its heading
        NodeList sections = d.getElementsByTagName("section");
        assertEquals(6, sections.getLength());
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            Element h2 = (Element) section.getElementsByTagName("h2").item(0);
            assertEquals(h2.getAttribute("id"), section.getAttribute("aria-labelledby"));
        }
        // tables have column and row headers
        NodeList tables = d.getElementsByTagName("table");
        assertEquals(5, tables.getLength());
        for (int i = 0; i < tables.getLength(); i++) {
            assertTrue(((Element) tables.item(i)).getElementsByTagName("thead").getLength() == 1);
        }
    }

    @Test
    void theMagicNumberWithItsHours() {
        String html = render(10);
        // 14,400 care minutes over 18,000 paid
        assertTrue(html.contains("<dt>Magic Number (care time / paid time)</dt><dd>0.8"
                + "<small>240.0 care hours of 300.0 paid</small></dd>"), html);
        assertTrue(html.contains("<dt>Visits</dt><dd>240</dd>"));
        assertTrue(html.contains("<dt>Workers per person (mean)</dt><dd>2.0<small>12 people visited</small>"));
        assertTrue(html.contains("<dt>Continuity index (mean)</dt><dd>0.61"));
        assertTrue(rowOf(html, "2026-03").contains("<td class=\"n\">240</td><td class=\"n\">0.8</td>"));
        assertTrue(rowOf(html, "Falls").contains("<td class=\"n\">6</td><td class=\"n\">6.67</td>"));
    }

    @Test
    void aSplitIsAdvisedFromTwelve() {
        String eleven = render(11);
        assertTrue(eleven.contains("<dt>Team size</dt><dd>11<small>around 10 works best</small>"), eleven);
        assertFalse(eleven.contains("Split advised"));
        assertFalse(eleven.contains("role=\"note\""));
        String twelve = render(SizeAdvice.SPLIT_AT);
        String advice = SizeAdvice.of(12).orElseThrow().message();
        assertTrue(twelve.contains("<dt>Team size</dt><dd>12<small>" + advice + "</small>"));
        assertTrue(twelve.contains("<p role=\"note\"><strong>Split advised:</strong> " + advice + "</p>"));
        assertTrue(render(15).contains("Split advised:"));
    }

    @Test
    void aDashForEveryMissingFigure() throws Exception {
        String html = render(10);
        // months without shifts or visits
        assertEquals("<th scope=\"row\">2026-01</th><td class=\"n\">0</td><td class=\"n\">–</td><td class=\"n\">–</td>"
                + "<td class=\"n\">–</td>", rowOf(html, "2026-01"));
        // a person visited once has no index
        assertTrue(rowOf(html, "Arthur Hale").endsWith("<td class=\"n\">–</td>"));
        // a month without shifts, visits or client-days
        TeamDashboard sample = Samples.dashboard("Riverside North", 10);
        String empty = DashboardHtml.render(with(sample, List.of(), TeamActivity.compile(List.of(), 0),
                LocalDate.of(2026, 3, 12), List.of()));
        parse(empty);
        assertTrue(empty.contains("<dt>Magic Number (care time / paid time)</dt><dd>–<small>0.0 care hours of 0.0 paid"
                + "</small>"), empty);
        assertTrue(empty.contains("<dt>Workers per person (mean)</dt><dd>–<small>0 people visited</small>"));
        assertTrue(empty.contains("<dt>Continuity index (mean)</dt><dd>–"));
        assertTrue(rowOf(empty, "Falls").endsWith("<td class=\"n\">0</td><td class=\"n\">–</td>"));
        assertTrue(empty.contains("<p class=\"lede\">2026-03, up to 2026-03-12.</p>"));
        assertTrue(empty.contains("<p>No survey period has covered this team yet.</p>"));
    }

    @Test
    void feedbackAsCommissionersSeeIt() {
        String html = render(10);
        assertTrue(rowOf(html, "Spring 2026").contains("<td class=\"n\">12</td><td class=\"n\">83.3 (62.2 to 100.0)</td>"
                + "<td>q-impact 5.7/6</td>"), html);
        String summer = rowOf(html, "Summer 2026");
        assertTrue(summer.contains("<td class=\"suppressed\">suppressed: under 10 people</td>"), summer);
        assertTrue(summer.contains("<td>q-impact suppressed: under 10 people</td>"), summer);
        // the hidden NPS (4 promoters, 1 passive: 80.0) and average are nowhere
        String text = html.replaceAll("<[^>]*>", " ");
        assertFalse(text.contains("80.0"));
        assertFalse(text.contains("5.8"));
    }

    @Test
    void theSameBytesEveryTime() {
        assertEquals(render(12), render(12));
        assertTrue(render(12).endsWith("</html>\n"));
    }

    @Test
    void selfContainedWithoutScripts() {
        String html = render(12).toLowerCase();
        for (String banned : List.of("<script", "http://", "https://", "src=", "href=", "url(", "@import", "<link",
                "<iframe", "<object", "<img")) {
            assertFalse(html.contains(banned), banned);
        }
        assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=").matcher(html).find(), "event handler attribute");
    }

    @Test
    void escapesANastyTeamAndClientName() throws Exception {
        String team = "</title><script>alert('x')</script> & \"North\"";
        TeamDashboard sample = Samples.dashboard(team, 12);
        String person = "<img src=x onerror=alert(1)> O'Brien & Co";
        TeamDashboard d = with(sample, List.of(new TeamDashboard.ClientRow("c-x", person, 3, 1, 1.0)),
                sample.activity(), sample.dataThrough(), sample.feedback());
        String html = DashboardHtml.render(d);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;North&quot;"));
        Document doc = parse(html);
        assertEquals(team + " – 2026-03", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(team + ": team dashboard", doc.getElementsByTagName("h1").item(0).getTextContent());
        assertTrue(html.contains("<th scope=\"row\">&lt;img src=x onerror=alert(1)&gt; O&#39;Brien &amp; Co</th>"));
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("img").getLength());
        // control characters are not allowed in XML: they become spaces
        String control = DashboardHtml.render(Samples.dashboard("North\u0007\u0000Team", 3));
        assertEquals("North  Team: team dashboard", parse(control).getElementsByTagName("h1").item(0).getTextContent());
    }

    @Test
    void punctualityAndTheLateAndMissedVisitsByPerson() {
        String html = render(8);
        assertTrue(html.contains("<h2 id=\"rota\">Punctuality</h2>"), html);
        assertTrue(html.contains("90.0%"), "216 of 240 on time");
        assertTrue(html.contains("216 of 240 completed"), html);
        assertTrue(html.contains("25.0 minutes late on average"), html);
        assertTrue(html.contains("6 missed of 246 planned"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">Rosa Bennett</th><td>2026-03-04</td><td>09:00</td>"
                + "<td class=\"n\">20</td><td>completed</td><td>Amara Okafor</td></tr>"), html);
        assertTrue(html.contains("<td class=\"n\">not checked in</td><td>missed</td>"), html);
    }
}
