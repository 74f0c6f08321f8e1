package org.whatmatters.functions.summaries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

/** Every sample event in events/http/summaries and events/schedule, through the real handlers. */
class SampleEventsTest {

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/http/summaries/" + name + ".json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schedule(String name) {
        String path = "events/schedule/" + name + ".json";
        try (InputStream in = SampleEventsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCommissionerListsGetsALinkTheAdminAuditsItCompilesAWorkerReadsTheDashboardAndTheAdminExportsEvv() {
        SummariesApi api = new SummariesApi().compileAsSchedulesWould();

        SummariesApi.Reply list = api.call(sample("list-summaries"));
        assertEquals(200, list.status(), list::body);
        assertEquals(List.of(SummariesApi.CS_OPEN, SummariesApi.CS_CLOSED), SummariesApi.ids(list));

        SummariesApi.Reply link = api.call(sample("create-link"));
        assertEquals(201, link.status(), link::body);
        assertEquals("no-store", link.headers().get("cache-control"));
        assertEquals("cs-sp-2026-q4", link.json().get("summaryId").asText());
        assertEquals("html", link.json().get("format").asText());
        assertEquals(900, link.json().get("lifetimeSeconds").asInt());
        var file = LinksTest.download(link.json().get("url").asText());
        assertEquals(200, file.statusCode());
        assertArrayEquals(api.bucket.get("summaries/cs-sp-2026-q4/summary.html"), file.body());

        SummariesApi.Reply links = api.call(sample("list-links"));
        assertEquals(200, links.status(), links::body);
        assertEquals(List.of(link.json().get("linkId").asText()), SummariesApi.ids(links));
        assertEquals("k-keith", links.json().at("/items/0/issuedTo").asText());

        SummariesApi.Reply compiled = api.call(sample("compile-period"));
        assertEquals(200, compiled.status(), compiled::body);
        assertEquals("cs-sp-2026-q4", compiled.json().get("summaryId").asText());
        assertEquals("2026-11-23", compiled.json().get("dataThrough").asText());

        SummariesApi.Reply dashboard = api.call(sample("team-dashboard"));
        assertEquals(200, dashboard.status(), dashboard::body);
        assertEquals("t-north", dashboard.json().get("teamId").asText());
        assertEquals(new String(api.bucket.get("dashboards/t-north/2026-10/dashboard.json"), StandardCharsets.UTF_8),
                dashboard.body());

        SummariesApi.Reply evv = api.call(sample("create-evv-export"));
        assertEquals(200, evv.status(), evv::body);
        assertEquals("evv-ct-ridgeshire-2026-11", evv.json().get("summaryId").asText());
        assertEquals("evv-export", evv.json().get("kind").asText());
        assertTrue(api.bucket.keys().contains("evv/ct-ridgeshire/2026-11/evv.csv"));
    }

    @Test
    void theScheduledRunsCompileWhatTheirDaysCall() {
        SummariesApi api = new SummariesApi();

        Map<String, Object> ends = api.compile.handleRequest(schedule("period-end-summaries"), null);
        assertEquals("period-end", ends.get("run"));
        assertEquals("2026-11-24", ends.get("day"));
        assertEquals(Set.of(SummariesApi.CS_CLOSED, SummariesApi.CS_EASTVALE), Set.copyOf((List<?>) ends.get("compiled")));

        Map<String, Object> monthly = api.compile.handleRequest(schedule("monthly-summaries"), null);
        assertEquals("monthly", monthly.get("run"));
        assertEquals("2026-12-01", monthly.get("day"));
        assertEquals(Set.of("td-t-north-2026-11", "td-t-south-2026-11", SummariesApi.CS_OPEN),
                Set.copyOf((List<?>) monthly.get("compiled")));
        assertTrue(api.bucket.keys().contains("dashboards/t-north/2026-11/dashboard.html"));

        assertEquals(List.of(), api.compile.handleRequest(schedule("period-end-summaries"), null).get("compiled"));
        assertFalse(api.bucket.keys().isEmpty());
    }
}
