package org.whatmatters.local.cloud.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whatmatters.aggregates.Counter;
import org.whatmatters.data.AggregateKey;
import org.whatmatters.data.AggregateStore;
import org.whatmatters.data.DataTable;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;
import org.whatmatters.local.cloud.demo.DemoData;
import org.whatmatters.local.cloud.demo.DemoUser;
import org.whatmatters.local.engines.TestCloud;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The project's own template.yaml on the local cloud, driven over real HTTP. */
class RealTemplateTest {

    private static LocalCloud cloud;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(Options.ephemeral(TestCloud.repoRoot().resolve("template.yaml")));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return CloudHttp.call(cloud, method, path, token, body);
    }

    @Test
    void tablesAreCreatedAsTheTemplateDeclaresThem() {
        TableDescription t = cloud.dynamo().client().describeTable(d -> d.tableName(cloud.table("DataTable"))).table();
        assertEquals(List.of("GSI1", "GSI2", "GSI3"), t.globalSecondaryIndexes().stream().map(g -> g.indexName()).sorted().toList());
        assertEquals("NEW_AND_OLD_IMAGES", t.streamSpecification().streamViewTypeAsString());
        assertEquals("expiresAt", cloud.dynamo().client().describeTimeToLive(d -> d.tableName(cloud.table("DataTable")))
                .timeToLiveDescription().attributeName());
    }

    @Test
    void everyTemplateRouteIsServedAndNothingIsIgnoredSilently() {
        String described = cloud.describe();
        for (String route : List.of("POST /clients/{clientId}/visits", "GET /clients/{clientId}/visits",
                "GET /visits/{visitId}", "POST /visits/{visitId}/check-in", "POST /visits/{visitId}/check-out",
                "POST /clients/{clientId}/schedules", "GET /clients/{clientId}/schedules", "GET /schedules/{scheduleId}",
                "PUT /schedules/{scheduleId}", "POST /schedules/{scheduleId}/end")) {
            assertTrue(described.contains(route + " -> VisitsApiFunction"), described);
        }
        assertEquals(Map.of(), cloud.stack().unsupported(), "the real template uses only emulated constructs");
    }

    @Test
    void familyReadsTheirClientsVisitsWithADevToken() throws Exception {
        HttpResponse<String> r = call("GET", "/clients/c-rosa/visits?limit=5", cloud.token("f-maria"), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode page = Json.MAPPER.readTree(r.body());
        assertEquals(5, page.get("visits").size());
        assertTrue(page.hasNonNull("nextCursor"), "a month of demo visits spans more than one page");
        page.get("visits").forEach(v -> assertEquals("c-rosa", v.get("clientId").asText()));
    }

    @Test
    void theDemoDataCarriesItsRunningAggregates() throws Exception {
        var dynamo = cloud.dynamo().client();
        String table = cloud.table("DataTable");
        AggregateStore aggregates = new AggregateStore(new DataTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), dynamo, table));
        JsonNode periods = Json.MAPPER.readTree(call("GET", "/contracts/ct-ridgeshire/survey-periods",
                cloud.token("a-priya"), null).body());
        int closed = 0;
        for (JsonNode p : periods.get("periods")) {
            Map<String, Long> c = aggregates.read(AggregateKey.period(p.get("periodId").asText()));
            assertEquals(30L, c.get(Counter.INVITATIONS));
            if (p.get("status").asText().equals("closed")) {
                closed++;
                double rate = c.get(Counter.RESPONSES) / 30.0;
                long nps = Math.round(100.0 * (c.get(Counter.PROMOTERS) - c.getOrDefault(Counter.DETRACTORS, 0L))
                        / c.get(Counter.RESPONSES));
                assertTrue(rate > 0.7 && rate < 0.85, "response rate " + rate);
                assertTrue(nps >= 70 && nps <= 95, "NPS " + nps);
            }
        }
        assertEquals(2, closed, periods::toString);

        // This month and last: early in a month this one alone could be 0 = 0, proving nothing.
        YearMonth month = YearMonth.now(java.time.ZoneId.of("Europe/London"));
        long recounted = 0;
        for (YearMonth m : List.of(month.minusMonths(1), month)) {
            long completed = dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
                    .filter(i -> "Visit".equals(i.get("kind").s()) && "t-north".equals(i.get("teamId").s())
                            && "COMPLETED".equals(i.get("status").s())
                            && i.get("serviceDate").s().startsWith(m.toString()))
                    .count();
            assertEquals(completed, aggregates.read(AggregateKey.teamMonth("t-north", m))
                    .getOrDefault(Counter.VISITS, 0L), m.toString());
            recounted += completed;
        }
        assertTrue(recounted > 50, "four weeks of North's visits were recounted: " + recounted);
        assertTrue(aggregates.read(AggregateKey.teamMonth("t-north", month.minusMonths(1)))
                .getOrDefault(Counter.SHIFT_MINUTES, 0L) + aggregates.read(AggregateKey.teamMonth("t-north", month))
                .getOrDefault(Counter.SHIFT_MINUTES, 0L) > 0, "shifts were counted");
    }

    @Test
    void theApiAnswersUnderItsNamedStageOnly() throws Exception {
        assertEquals("/dev", cloud.httpEndpoint().getPath(), "the template's Stage, as its HttpApiUrl output");
        HttpResponse<String> r = call("GET", "/visits/" + DemoData.SAMPLE_VISIT, cloud.token("w-amara"), null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(DemoData.SAMPLE_VISIT, Json.MAPPER.readTree(r.body()).get("visitId").asText());
        HttpResponse<String> withoutStage = CloudHttp.atRoot(cloud, "/visits/" + DemoData.SAMPLE_VISIT,
                cloud.token("w-amara"));
        assertEquals(404, withoutStage.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", withoutStage.body());
    }

    @Test
    void anotherFamilyGets404AndNoData() throws Exception {
        HttpResponse<String> r = call("GET", "/clients/c-rosa/visits", cloud.token("f-tom"), null);
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        assertFalse(r.body().contains("Orchard Lane"));
    }

    @Test
    void theAuthorizerRefusesMissingExpiredAndForeignTokensBeforeAnyFunction() throws Exception {
        assertEquals(401, call("GET", "/clients/c-rosa/visits", null, null).statusCode());
        assertEquals(401, call("GET", "/clients/c-rosa/visits", "not-a-jwt", null).statusCode());
        String expired = cloud.issuer().mint("f-maria", List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                Duration.ofSeconds(-60));
        assertEquals(401, call("GET", "/clients/c-rosa/visits", expired, null).statusCode());
        var otherKey = new RSAKeyGenerator(2048).keyID("other").algorithm(JWSAlgorithm.RS256).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other").build(),
                new JWTClaimsSet.Builder().issuer(cloud.issuer().issuer()).audience(LocalCloud.AUDIENCE)
                        .subject("f-maria").claim("cognito:groups", List.of("family"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        forged.sign(new RSASSASigner(otherKey));
        assertEquals(401, call("GET", "/clients/c-rosa/visits", forged.serialize(), null).statusCode());
    }

    @Test
    void aWorkerChecksInAndOutOverHttp() throws Exception {
        String amara = cloud.token("w-amara");
        String start = Instant.now().plusSeconds(3600).toString();
        String end = Instant.now().plusSeconds(7200).toString();
        HttpResponse<String> planned = call("POST", "/clients/c-rosa/visits", amara, """
                {"serviceType":"companionship","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara"],
                 "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"}}""".formatted(start, end));
        assertEquals(201, planned.statusCode(), planned.body());
        String id = Json.MAPPER.readTree(planned.body()).get("visitId").asText();
        assertEquals("/visits/" + id, planned.headers().firstValue("location").orElseThrow());

        HttpResponse<String> in = call("POST", "/visits/" + id + "/check-in", amara, "{\"note\":\"early\"}");
        assertEquals(200, in.statusCode(), in.body());
        HttpResponse<String> again = call("POST", "/visits/" + id + "/check-in", amara, "{}");
        assertEquals(409, again.statusCode(), again.body());
        HttpResponse<String> out = call("POST", "/visits/" + id + "/check-out", amara,
                "{\"whatMattered\":\"Rosa laughed at the crossword.\"}");
        assertEquals(200, out.statusCode(), out.body());
        assertEquals("completed", Json.MAPPER.readTree(out.body()).get("status").asText());

        HttpResponse<String> list = call("GET", "/clients/c-rosa/visits?from=" + start + "&to=" + start,
                cloud.token("f-maria"), null);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode listed = Json.MAPPER.readTree(list.body()).get("visits");
        assertEquals(1, listed.size(), list.body());
        assertEquals(id, listed.get(0).get("visitId").asText());
        assertEquals("Rosa laughed at the crossword.", listed.get(0).get("whatMattered").asText());
    }

    @Test
    void aScheduleMakesVisitsAndTheDailyRunOverTheLocalSchedulerCreatesNothingTwice() throws Exception {
        assertTrue(cloud.scheduler().describe().stream().anyMatch(j -> j.get("function").equals("GenerateVisitsFunction")
                && j.get("expression").equals("cron(15 3 * * ? *)") && j.get("timeZone").equals("Europe/London")),
                String.valueOf(cloud.scheduler().describe()));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        HttpResponse<String> created = call("POST", "/clients/c-rosa/schedules", cloud.token("w-amara"), """
                {"entries":[{"days":["monday","tuesday","wednesday","thursday","friday","saturday","sunday"],
                "start":"23:45","durationMinutes":15,"serviceType":"wellbeing","preferredWorkers":["w-amara"]}],
                "location":{"address":"14 Orchard Lane, Leeds LS6 2AB"},"validFrom":"%s"}""".formatted(today));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode schedule = Json.MAPPER.readTree(created.body());
        assertTrue(schedule.at("/generated/created").asInt() >= 14, created.body());

        String run = cloud.scheduler().runNow("GenerateVisitsFunction", "DailyVisits");
        JsonNode result = Json.MAPPER.readTree(run);
        assertTrue(result.get("schedules").asInt() >= 1, run);
        assertEquals(0, result.get("created").asInt(), run);

        HttpResponse<String> listed = call("GET", "/schedules/" + schedule.get("scheduleId").asText(),
                cloud.token("a-priya"), null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(403, call("GET", "/schedules/" + schedule.get("scheduleId").asText(), cloud.token("f-maria"),
                null).statusCode());
    }

    @Test
    void badInputGetsAProblemAndNoFunctionCrash() throws Exception {
        HttpResponse<String> r = call("POST", "/clients/c-rosa/visits", cloud.token("w-amara"), "{\"serviceType\":7");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void issuerPublishesItsKeysAndTokensAreHandedOutLocally() throws Exception {
        HttpResponse<String> jwks = CloudHttp.atRoot(cloud, "/local-issuer/.well-known/jwks.json", null);
        assertEquals(200, jwks.statusCode());
        assertEquals("RSA", Json.MAPPER.readTree(jwks.body()).at("/keys/0/kty").asText());
        assertFalse(jwks.body().contains("\"d\""), "only the public key is published");
        HttpResponse<String> tokens = CloudHttp.atRoot(cloud, "/_local/tokens", null);
        assertEquals(200, tokens.statusCode());
        JsonNode users = Json.MAPPER.readTree(tokens.body());
        assertEquals(DemoUser.ALL.size(), users.size());
        String maria = users.get(0).get("token").asText();
        assertEquals(200, call("GET", "/clients/c-rosa/visits", maria, null).statusCode());
    }
}
