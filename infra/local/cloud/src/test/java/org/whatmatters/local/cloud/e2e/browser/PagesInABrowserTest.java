package org.whatmatters.local.cloud.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.e2e.browser.Browser;
import org.whatmatters.local.engines.TestCloud;

/**
 * The web pages in Debian's Chromium against the local cloud with the demo data: signing in through
 * the hosted-UI stand-in, a check-in arriving live on the family page, a rating sent and a 7 refused,
 * a commissioner's download arriving as a file, a family member kept from the commissioner's data, and the
 * team dashboard showing the figures the API answers. Any console message at SEVERE fails a test.
 * Screenshots go to target/screenshots/. Ordered: Tom's and Maria's forms are looked at before they answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInABrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;
    private static String openPeriod;
    private Browser browser;

    @BeforeAll
    static void start() throws Exception {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
        for (JsonNode p : call("GET", "/contracts/ct-ridgeshire/survey-periods", "a-priya", null).json()
                .get("periods")) {
            if (p.get("status").asText().equals("open")) {
                openPeriod = p.get("periodId").asText();
            }
        }
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            List<String> severe = browser.consoleErrors();
            browser.close();
            assertEquals(List.of(), severe, "nothing at SEVERE in the browser's console");
        }
    }

    private Browser signedIn(String sub) throws IOException {
        browser = Browser.desktop(cloud.webEndpoint());
        browser.signIn(sub);
        return browser;
    }

    @Test
    @Order(3)
    void aFamilyMemberSeesACheckInAppearLiveWithoutReloading() throws Exception {
        Browser b = signedIn("f-maria");
        assertTrue(b.driver.getCurrentUrl().endsWith("/family.html"), b.driver.getCurrentUrl());
        b.textContains(By.id("live-connection"), "Live");
        b.script("window.__sameDocument = true;");

        String visitId = planVisitForRosa();
        By visit = By.cssSelector("li[data-visit-id='" + visitId + "']");
        b.visible(visit);

        Reply in = call("POST", "/visits/" + visitId + "/check-in", "w-amara", "{}");
        assertEquals(200, in.status(), in.body());
        String status = b.textContains(By.id("live-status"), "Amara");
        assertTrue(status.contains("arrived"), status);
        assertEquals(Boolean.TRUE, b.script("return window.__sameDocument === true;"), "the page did not reload");
        assertEquals("polite", b.driver.findElement(By.id("live-status")).getAttribute("aria-live"));
        b.screenshot("family-live");

        Reply out = call("POST", "/visits/" + visitId + "/check-out", "w-amara",
                "{\"whatMattered\":\"Rosa wanted to see the river again; we walked to the bridge.\"}");
        assertEquals(200, out.status(), out.body());
        b.textContains(visit, "river");
        assertEquals(Boolean.TRUE, b.script("return window.__sameDocument === true;"));
    }

    @Test
    @Order(10)
    void aCancelledVisitShowsAsCancelledOnTheFamilyPageLive() throws Exception {
        Browser b = signedIn("f-maria");
        b.textContains(By.id("live-connection"), "Live");
        b.script("window.__sameDocument = true;");
        String visitId = planVisitForRosa();
        By visit = By.cssSelector("li[data-visit-id='" + visitId + "']");
        b.visible(visit);

        Reply cancelled = call("POST", "/visits/" + visitId + "/cancel", "w-amara",
                "{\"requestedBy\":\"family\",\"reason\":\"Rosa is at her daughter's today\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        String shown = b.textContains(visit, "Cancelled");
        assertTrue(shown.contains("at her daughter's"), shown);
        assertEquals(Boolean.TRUE, b.script("return window.__sameDocument === true;"), "the page did not reload");
    }

    @Test
    @Order(6)
    void aFamilyMemberSendsARatingAndSeesTheConfirmationAndASecondVisitIsKind() throws Exception {
        Browser b = signedIn("f-maria");
        b.visible(By.id("survey-form"));
        b.screenshot("family-desktop");
        assertEquals(List.of(), b.contrastFailures(), "text contrast on the family page");
        b.driver.findElement(By.id("rating-positive-impact")).sendKeys("6");
        b.driver.findElement(By.id("rating-reliability")).sendKeys("5");
        b.driver.findElement(By.id("rating-creativity")).sendKeys("6");
        b.driver.findElement(By.id("recommend")).sendKeys("10");
        b.driver.findElement(By.id("comment")).sendKeys("Amara makes Mum laugh every morning.");
        b.click(By.id("submit-rating"));
        String confirmation = b.visible(By.id("survey-confirmation")).getText();
        assertTrue(confirmation.contains("Thank you"), confirmation);

        Reply mine = call("GET", "/survey-periods/" + openPeriod + "/responses/mine", "f-maria", null);
        assertEquals(200, mine.status(), mine.body());
        assertEquals(6, mine.json().at("/ratings/positive-impact").asInt());
        assertEquals(5, mine.json().at("/ratings/reliability").asInt());
        assertEquals(10, mine.json().get("recommend").asInt());

        b.driver.navigate().refresh();
        String again = b.visible(By.id("survey-confirmation")).getText();
        assertTrue(again.toLowerCase().contains("answered"), again);
        assertTrue(b.driver.findElements(By.id("survey-form")).stream().noneMatch(WebElement::isDisplayed),
                "no second form once answered");
    }

    @Test
    @Order(2)
    void aRatingOfSevenTypedByHandIsRefusedWithAMessageAndNothingIsSent() throws Exception {
        Browser b = signedIn("f-tom");
        b.visible(By.id("survey-form"));
        WebElement first = b.driver.findElement(By.id("rating-positive-impact"));
        first.sendKeys("7");
        b.driver.findElement(By.id("rating-reliability")).sendKeys("5");
        b.driver.findElement(By.id("rating-creativity")).sendKeys("5");
        b.driver.findElement(By.id("recommend")).sendKeys("9");
        b.driver.findElement(By.id("recommend")).sendKeys(Keys.ENTER);
        String error = b.visible(By.id("rating-positive-impact-error")).getText();
        assertTrue(error.contains("1") && error.contains("6"), error);
        assertEquals("true", first.getAttribute("aria-invalid"));
        assertTrue(first.getAttribute("aria-describedby").contains("rating-positive-impact-error"));
        assertTrue(b.visible(By.id("survey-errors")).getText().length() > 0, "an error summary");
        b.screenshot("family-rating-refused");
        assertEquals(List.of(), b.contrastFailures(), "text contrast of the error messages");
        assertTrue(b.driver.findElements(By.id("survey-confirmation")).stream().noneMatch(WebElement::isDisplayed));
        assertEquals(404, call("GET", "/survey-periods/" + openPeriod + "/responses/mine", "f-tom", null).status(),
                "nothing was sent");

        first.clear();
        first.sendKeys("6");
        b.click(By.id("submit-rating"));
        assertTrue(b.visible(By.id("survey-confirmation")).getText().contains("Thank you"));
        assertEquals(200, call("GET", "/survey-periods/" + openPeriod + "/responses/mine", "f-tom", null).status());
    }

    @Test
    @Order(7)
    void aCommissionerSeesTheHeadlineFiguresAndDownloadsASummaryAsAFile() throws Exception {
        Browser b = signedIn("k-keith");
        assertTrue(b.driver.getCurrentUrl().endsWith("/commissioner.html"), b.driver.getCurrentUrl());
        String summaryId = "cs-" + openPeriod;
        By card = By.cssSelector("article.summary[data-summary-id='" + summaryId + "']");
        String text = b.textContains(card, "58");
        assertTrue(text.contains("interval"), "the NPS with its interval: " + text);
        assertTrue(text.contains("/ 6") || text.contains("/6"), "ratings out of 6: " + text);
        b.screenshot("commissioner");
        assertEquals(List.of(), b.contrastFailures(), "text contrast on the commissioner page");

        b.click(By.cssSelector("article.summary[data-summary-id='" + summaryId + "'] button.download[data-format='csv']"));
        Path file = b.waitFor(d -> {
            try (Stream<Path> files = Files.list(b.downloads)) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        byte[] stored = cloud.s3().client().getObjectAsBytes(r -> r.bucket(cloud.bucket("SummariesBucket"))
                .key("summaries/" + summaryId + "/summary.csv")).asByteArray();
        b.waitFor(d -> {
            try {
                return Files.size(file) == stored.length;
            } catch (IOException e) {
                return false;
            }
        });
        assertArrayEquals(stored, Files.readAllBytes(file), "the file that arrived is the published CSV");
        assertTrue(b.textContains(By.id("download-status"), "CSV").contains("CSV"));
        assertTrue(b.driver.getCurrentUrl().endsWith("/commissioner.html"), "the page stays");
    }

    @Test
    @Order(8)
    void aFamilyMemberCannotReachTheCommissionerPagesData() throws Exception {
        Browser b = signedIn("f-maria");
        b.open("commissioner.html");
        String denied = b.visible(By.id("access-denied")).getText();
        assertTrue(denied.contains("commissioners"), denied);
        assertTrue(b.driver.findElements(By.cssSelector("article.summary")).isEmpty(), "no summary is shown");
        assertFalse(b.driver.getPageSource().contains("cs-" + openPeriod), "no summary id reaches the page");
        String api = cloud.httpEndpoint().toString();
        assertEquals(403, b.fetchStatus(api, "/summaries"), "the API refuses her listing");
        assertEquals(404, b.fetchStatus(api, "/summaries/cs-" + openPeriod), "and the document");
        b.screenshot("commissioner-denied");
    }

    @Test
    @Order(9)
    void aWorkerSeesHerTeamsDashboardWithTheFiguresTheApiAnswers() throws Exception {
        Browser b = signedIn("w-amara");
        assertTrue(b.driver.getCurrentUrl().endsWith("/team.html"), b.driver.getCurrentUrl());
        WebElement magic = b.visible(By.id("magic-number")); // the page draws the whole dashboard at once
        Reply reply = call("GET", "/teams/t-north/dashboard", "w-amara", null);
        assertEquals(200, reply.status(), reply.body());
        JsonNode d = reply.json();

        // The demo has enough of North's data that these are figures, not "not enough data yet".
        assertTrue(magic.getText().matches("\\d+(\\.\\d+)?"), "the Magic Number is shown: " + magic.getText());
        boolean anNps = false;
        for (JsonNode period : d.get("feedback")) {
            anNps |= period.at("/figures/nps/value/score").isNumber();
        }
        assertTrue(anNps, "a period's NPS is a figure: " + d.get("feedback"));
        assertEquals(DashboardFigures.magicNumber(d), magic.getText());
        String magicTile = magic.findElement(By.xpath("..")).getText();
        assertTrue(magicTile.contains(DashboardFigures.careAndPaidHours(d)), magicTile);
        assertEquals(DashboardFigures.teamSize(d), b.driver.findElement(By.id("team-size")).getText());
        assertEquals(DashboardFigures.visits(d), b.driver.findElement(
                By.xpath("//p[@class='tile-label' and .='Visits']/following-sibling::p[1]")).getText());

        List<String> facts = b.driver.findElements(By.cssSelector("#continuity .facts li")).stream()
                .map(WebElement::getText).toList();
        List<String> expectedFacts = DashboardFigures.continuity(d);
        assertEquals(expectedFacts.size(), facts.size(), facts.toString());
        for (int i = 0; i < expectedFacts.size(); i++) {
            assertTrue(facts.get(i).contains(expectedFacts.get(i)), facts.get(i) + " should say " + expectedFacts.get(i));
        }
        assertEquals(DashboardFigures.continuityRows(d), b.driver.findElements(By.cssSelector("#continuity tbody tr"))
                .stream().map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText)
                        .toList()).toList(), "continuity for each person");

        // Punctuality: the counts as the API answers them, and one row per late or missed visit.
        JsonNode rota = d.at("/activity/rota");
        String punctuality = b.driver.findElement(By.id("punctuality")).getText();
        assertTrue(punctuality.contains("(" + rota.get("onTime").asInt() + " of " + rota.get("completedVisits").asInt()
                + " visits)"), punctuality);
        assertTrue(punctuality.contains("Missed: " + rota.get("missed").asInt() + " of " + rota.get("plannedVisits").asInt()
                + " planned"), punctuality);
        int lapsed = 0;
        for (JsonNode person : d.get("lateAndMissed")) {
            lapsed += person.get("visits").size();
        }
        assertEquals(lapsed, b.driver.findElements(By.cssSelector("#punctuality tbody tr")).size(), punctuality);

        List<WebElement> periods = b.driver.findElements(By.cssSelector("#team-feedback .period"));
        assertEquals(DashboardFigures.feedbackPeriods(d), periods.stream().map(p -> p.getAttribute("data-period-id"))
                .toList(), "the team's survey periods, newest first");
        for (JsonNode period : d.get("feedback")) {
            WebElement shown = b.driver.findElement(By.cssSelector(
                    "#team-feedback .period[data-period-id='" + period.get("periodId").asText() + "']"));
            assertEquals(DashboardFigures.feedbackTiles(period.get("figures")), tiles(shown), period.toString());
            String interval = DashboardFigures.npsInterval(period.get("figures"));
            assertTrue(interval == null || shown.getText().contains(interval), interval);
        }
        b.screenshot("team");
        assertEquals(List.of(), b.contrastFailures(), "text contrast on the team page");
    }

    /** A set of figure tiles as label → value; a withheld value is "Not shown", whatever the reason. */
    private static Map<String, String> tiles(WebElement root) {
        Map<String, String> tiles = new LinkedHashMap<>();
        for (WebElement tile : root.findElements(By.cssSelector(".tile"))) {
            String value = tile.findElement(By.cssSelector(".tile-value")).getText();
            tiles.put(tile.findElement(By.cssSelector(".tile-label")).getText(),
                    value.startsWith(DashboardFigures.NOT_SHOWN) ? DashboardFigures.NOT_SHOWN : value);
        }
        return tiles;
    }

    @Test
    @Order(1)
    void everyInputOfEveryPageHasALabel() throws Exception {
        Browser b = signedIn("f-tom");
        b.visible(By.id("survey-form"));
        for (WebElement input : b.driver.findElements(By.cssSelector("input, select, textarea"))) {
            if ("hidden".equals(input.getAttribute("type"))) {
                continue;
            }
            String id = input.getAttribute("id");
            boolean labelled = !b.driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()
                    || input.getAttribute("aria-label") != null || input.getAttribute("aria-labelledby") != null;
            assertTrue(labelled, "input without a label: " + input.getAttribute("outerHTML"));
        }
        // The contrast check the other tests use finds pale text when there is some.
        b.script("const p = document.createElement('p'); p.id = 'pale'; p.textContent = 'pale grey words';"
                + "p.style.color = '#bbbbbb'; p.style.background = '#ffffff'; document.querySelector('main').append(p);");
        assertTrue(b.contrastFailures().stream().anyMatch(f -> f.contains("pale grey words")), "the check works");
        b.script("document.getElementById('pale').remove();");
    }

    @Test
    @Order(4)
    void aCheckInMissedWhileDisconnectedIsCaughtUpFromTheFeedOnReconnect() throws Exception {
        Browser b = signedIn("f-maria");
        b.textContains(By.id("live-connection"), "Live");
        b.script("window.__sameDocument = true;");
        String visitId = planVisitForRosa();
        By visit = By.cssSelector("li[data-visit-id='" + visitId + "']");
        b.visible(visit);

        // Off the network, and API Gateway drops the connection (as after 2 hours or a deploy).
        b.network(false);
        for (String connection : connectionsOf("f-maria")) {
            HttpResponse<String> gone = HTTP.send(HttpRequest.newBuilder(URI.create(
                    cloud.connectionsEndpoints().get("LiveApi") + "/@connections/"
                            + java.net.URLEncoder.encode(connection, java.nio.charset.StandardCharsets.UTF_8)))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, gone.statusCode(), gone.body());
        }
        b.waitFor(d -> !d.findElement(By.id("live-connection")).getText().contains("Live"));

        assertEquals(200, call("POST", "/visits/" + visitId + "/check-in", "w-amara", "{}").status());
        b.waitFor(d -> {
            try {
                return feedHas(visitId, "visit.started");
            } catch (Exception e) {
                return false;
            }
        });
        assertFalse(b.driver.findElement(By.id("live-status")).getText().contains("arrived"),
                "nothing reached the page while it was disconnected");

        b.network(true);
        b.textContains(By.id("live-connection"), "Live");
        assertTrue(b.textContains(By.id("live-status"), "arrived").contains("Amara"));
        assertEquals("in-progress", b.waitFor(d -> d.findElement(visit).getAttribute("data-status")));
        assertEquals(Boolean.TRUE, b.script("return window.__sameDocument === true;"), "caught up without a reload");
    }

    private static boolean feedHas(String visitId, String type) throws Exception {
        for (JsonNode u : call("GET", "/clients/c-rosa/updates?limit=100", "f-maria", null).json().get("updates")) {
            if (u.get("type").asText().equals(type) && u.at("/data/visitId").asText().equals(visitId)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> connectionsOf(String sub) {
        return cloud.dynamo().client().scan(r -> r.tableName(cloud.table("ConnectionsTable"))).items().stream()
                .filter(i -> i.get("SK").s().equals("CONN") && i.containsKey("sub") && i.get("sub").s().equals(sub))
                .map(i -> i.get("PK").s().substring("CONN#".length())).toList();
    }

    /** Amara plans a visit for Rosa that began two minutes ago; answers its id. */
    private static String planVisitForRosa() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
        Reply planned = call("POST", "/clients/c-rosa/visits", "w-amara", Json.write(Map.of(
                "serviceType", "companionship", "plannedStart", start.toString(),
                "plannedEnd", start.plus(1, ChronoUnit.HOURS).toString(), "workerIds", List.of("w-amara"),
                "location", Map.of("address", "14 Orchard Lane, Leeds LS6 2AB"))));
        assertEquals(201, planned.status(), planned.body());
        return planned.json().get("visitId").asText();
    }

    @Test
    @Order(5)
    void theFamilyPageFitsAPhone() throws Exception {
        browser = new Browser(cloud.webEndpoint(), 390, 844);
        browser.signIn("f-maria");
        browser.visible(By.id("live-status"));
        long overflow = (Long) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, "no sideways scrolling at 390 px");
        browser.screenshot("family-phone");
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }
    }

    static Reply call(String method, String path, String sub, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + cloud.token(sub));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        HttpResponse<String> res = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(res.statusCode(), res.body());
    }
}
