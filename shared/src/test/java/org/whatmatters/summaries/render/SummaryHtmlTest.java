package org.whatmatters.summaries.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.whatmatters.summaries.CommissionerSummary;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SummaryHtmlTest {

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String trendReport() {
        return SummaryHtml.render(Samples.report(Samples.few("2026-Q2"), Samples.twoTeams("2026-Q3"),
                Samples.twoTeams("2026-Q4")));
    }

    @Test
    void wellFormedAndAccessible() throws Exception {
        Document d = parse(trendReport());
        Element html = d.getDocumentElement();
        assertEquals("html", html.getTagName());
        assertEquals("en", html.getAttribute("lang"));
        assertEquals("Feedback summary – 2026-Q4", d.getElementsByTagName("title").item(0).getTextContent());
        NodeList svgs = d.getElementsByTagName("svg");
        // NPS trend, one distribution per question, the team comparison
        assertEquals(3, svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertEquals("img", svg.getAttribute("role"));
            assertEquals("figure", svg.getParentNode().getNodeName());
            Element title = (Element) svg.getElementsByTagName("title").item(0);
            Element desc = (Element) svg.getElementsByTagName("desc").item(0);
            assertEquals(svg.getAttribute("aria-labelledby"), title.getAttribute("id") + " " + desc.getAttribute("id"));
            assertFalse(desc.getTextContent().isBlank());
        }
        assertEquals(3, d.getElementsByTagName("figcaption").getLength());
    }

    @Test
    void headlineFigures() {
        String html = SummaryHtml.render(Samples.report(Samples.twoTeams("2026-Q4")));
        assertTrue(html.contains("<dt>Net Promoter Score</dt><dd>60.9<small>95% interval 34.6 to 87.1; healthcare benchmark 58</small>"));
        assertTrue(html.contains("<dd>76.7%</dd>"));
        assertTrue(html.contains("<dd>23<small>of 30 invited</small>"));
        assertTrue(html.contains("<dt>Average: Positive impact on life</dt><dd>5.4/6</dd>"));
        assertTrue(html.contains("<th scope=\"row\">Team A</th>"));
        // the contract's care and health: 6 falls over 900 client-days
        assertTrue(html.contains("<th scope=\"row\">Falls</th><td class=\"n\">6</td><td class=\"n\">6.67</td>"), html);
        assertTrue(html.contains("<dd>-12.5<small>from 130.5 to 118.0 hours</small>"), html);
        assertTrue(html.contains("walked to the shops with [a carer]"));
    }

    @Test
    void trendChartShowsEveryPeriodAndTheBenchmark() {
        String html = trendReport();
        String trend = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        for (String p : List.of("2026-Q2", "2026-Q3", "2026-Q4")) {
            assertTrue(trend.contains(">" + p + "</text>"), p);
        }
        assertTrue(trend.contains("benchmark 58"));
        assertTrue(trend.contains("2026-Q2: suppressed (fewer than 10 people)"));
        assertTrue(trend.contains("2026-Q4: NPS 60.9, 95% interval 34.6 to 87.1"));
    }

    @Test
    void suppressedFiguresAreWordsNotNumbers() {
        String html = SummaryHtml.render(Samples.report(Samples.few("2026-Q4")));
        assertTrue(html.contains("<span class=\"suppressed\">suppressed (fewer than 10 people)</span>"));
        // the NPS (80.0), the rate (62.5%) and the average (5.8) resting on 5 respondents, in the text
        // a reader sees (attributes hold chart coordinates)
        String text = html.replaceAll("<[^>]*>", " ");
        for (String hidden : List.of("80.0", "62.5", "5.8")) {
            assertFalse(text.contains(hidden), hidden);
        }
        // nor as a bar: a distribution with every cell suppressed is a sentence, not an empty chart
        assertFalse(html.contains("<rect"));
        assertTrue(html.contains("<p>Positive impact on life: average suppressed (fewer than 10 people). How many gave "
                + "each rating is suppressed: too few answers to show it safely.</p>"), html);
    }

    @Test
    void selfContainedWithoutScripts() {
        String html = trendReport().toLowerCase();
        for (String banned : List.of("<script", "http://", "https://", "src=", "href=", "url(", "@import", "<link",
                "<iframe", "<object", "<img", " on")) {
            if (banned.equals(" on")) {
                assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=").matcher(html).find(), "event handler attribute");
            } else {
                assertFalse(html.contains(banned), banned);
            }
        }
    }

    @Test
    void sameInputSameBytes() {
        assertEquals(trendReport(), trendReport());
    }

    @Test
    void escapesNastyLabels() throws Exception {
        String nasty = "<script>alert('x')</script> & \"co\"";
        CommissionerSummary r = Samples.report("Report <b>&amp;</b>", Map.of(Samples.Q, nasty),
                Map.of("t-north", "</svg><img src=x onerror=alert(1)>"), Samples.twoTeams("2026-Q4"));
        String html = SummaryHtml.render(r);
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"));
        Document d = parse(html);
        assertEquals("Report <b>&amp;</b>", d.getElementsByTagName("h1").item(0).getTextContent());
        assertEquals(3, d.getElementsByTagName("svg").getLength());
    }

    @Test
    void punctualityAndCancellationsByWhoAsked() {
        String html = SummaryHtml.render(Samples.report(Samples.twoTeams("2026-Q4")));
        assertTrue(html.contains("<h2 id=\"rota\">Punctuality and reliability</h2>"), html);
        assertTrue(html.contains("<dt>Visits on time</dt><dd>90.0%"), html);
        assertTrue(html.contains("<dt>Missed visits per 1,000 planned</dt><dd>24.4<small>visits planned 246</small>"), html);
        assertTrue(html.contains("<dt>Hours delivered</dt><dd>235.0<small>of 246.0 hours planned</small>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">Their family</th><td class=\"suppressed\">suppressed: 1–4</td>"),
                html);
        assertTrue(html.contains("<tr><th scope=\"row\">The person supported</th><td class=\"suppressed\">"
                + "suppressed: secondary</td>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">All</th><td class=\"n\">8</td>"), html);
    }
}
