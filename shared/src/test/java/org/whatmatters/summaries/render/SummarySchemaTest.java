package org.whatmatters.summaries.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.json.Json;
import org.whatmatters.setup.SizeAdvice;
import org.whatmatters.summaries.Cell;
import org.whatmatters.summaries.ClientDays;
import org.whatmatters.summaries.CommissionerSummary;
import org.whatmatters.summaries.Continuity;
import org.whatmatters.summaries.ContractActivity;
import org.whatmatters.summaries.CountTable;
import org.whatmatters.summaries.DomainCount;
import org.whatmatters.summaries.FeedbackFigures;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.HealthFigure;
import org.whatmatters.summaries.HealthRate;
import org.whatmatters.summaries.Impact;
import org.whatmatters.summaries.Label;
import org.whatmatters.summaries.Nps;
import org.whatmatters.summaries.PeriodSummary;
import org.whatmatters.summaries.PlannedHoursFigure;
import org.whatmatters.summaries.RatingSummary;
import org.whatmatters.summaries.RotaFigures;
import org.whatmatters.summaries.SampleCounters;
import org.whatmatters.summaries.SharedStory;
import org.whatmatters.summaries.TeamActivity;
import org.whatmatters.summaries.TeamDashboard;
import org.whatmatters.summaries.TeamFeedback;
import org.whatmatters.summaries.TeamRota;
import org.whatmatters.summaries.TrendPoint;
import org.whatmatters.testing.SchemaCheck;

/**
 * The JSON schemas in docs/schemas against the records they describe and against real output: every
 * field of a published document is declared, with what it means and its unit, and nothing else is
 * allowed in.
 */
class SummarySchemaTest {

    private static final SchemaCheck SUMMARY = SchemaCheck.commissionerSummary();
    private static final SchemaCheck DASHBOARD = SchemaCheck.teamDashboard();

    private static JsonNode json(Object document) throws IOException {
        return Json.MAPPER.readTree(Json.writePretty(document));
    }

    private static JsonNode summary() throws IOException {
        return json(Samples.report(Samples.few("2026-Q2"), Samples.twoTeams("2026-Q3"), Samples.twoTeams("2026-Q4")));
    }

    // ---- the schemas themselves -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"commissioner-summary.v1.schema.json", "team-dashboard.v1.schema.json"})
    void everyObjectIsClosedAndEveryPropertyDescribed(String file) {
        SchemaCheck check = SchemaCheck.load(file);
        JsonNode s = check.schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
        assertTrue(s.get("$id").asText().endsWith("/" + file), s.get("$id").asText());
        assertFalse(s.get("title").asText().isBlank());
        assertFalse(s.get("description").asText().isBlank());
        List<String> objects = new ArrayList<>();
        Set<String> refs = new TreeSet<>();
        walk(s, "#", node -> {
            JsonNode schema = node.getValue();
            String at = node.getKey();
            if (schema.has("$ref")) {
                refs.add(schema.get("$ref").asText());
                check.resolve(schema.get("$ref").asText());
            }
            if (schema.has("properties")) {
                objects.add(at);
                assertEquals("object", schema.path("type").asText(), at);
                assertEquals(Boolean.FALSE, schema.path("additionalProperties").isBoolean()
                        ? schema.get("additionalProperties").asBoolean() : null, at + " additionalProperties");
                assertTrue(schema.path("required").isArray(), at + " required");
                schema.get("required").forEach(r -> assertTrue(schema.get("properties").has(r.asText()), at + " " + r));
                schema.get("properties").fields().forEachRemaining(p -> assertFalse(
                        p.getValue().path("description").asText().isBlank(), at + "." + p.getKey() + " has no description"));
            }
            if ("object".equals(schema.path("type").asText())) {
                assertTrue(schema.has("properties"), at + ": an object without declared properties");
            }
        });
        assertTrue(objects.size() > 10, objects.toString());
        // every definition is used, none is dangling
        Set<String> defs = new TreeSet<>();
        s.get("$defs").fieldNames().forEachRemaining(d -> defs.add("#/$defs/" + d));
        assertEquals(defs, refs);
        // the figure and why it may be withheld
        assertEquals(List.of("few-respondents", "small-count", "secondary"),
                texts(check.resolve("#/$defs/suppression").get("enum")));
    }

    /** Every subschema with its location. */
    private static void walk(JsonNode schema, String at, Consumer<Map.Entry<String, JsonNode>> visit) {
        if (!schema.isObject()) {
            return;
        }
        visit.accept(Map.entry(at, schema));
        for (String key : List.of("properties", "$defs")) {
            if (schema.has(key)) {
                schema.get(key).fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + key + "/" + e.getKey(), visit));
            }
        }
        if (schema.has("items")) {
            walk(schema.get("items"), at + "/items", visit);
        }
        for (String key : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(key)) {
                for (int i = 0; i < schema.get(key).size(); i++) {
                    walk(schema.get(key).get(i), at + "/" + key + "/" + i, visit);
                }
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /**
     * The schema object at {@code pointer} declares exactly the record's components, in order, and
     * requires all but the ones that may be null (Json leaves nulls out).
     */
    private static void declares(SchemaCheck check, String pointer, Class<? extends Record> type, String... nullable) {
        JsonNode s = pointer.isEmpty() ? check.schema() : check.resolve("#" + pointer);
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(components, names(s.get("properties").fieldNames()), type.getSimpleName() + " at " + pointer);
        List<String> required = new ArrayList<>(components);
        required.removeAll(List.of(nullable));
        assertEquals(required, texts(s.get("required")), type.getSimpleName() + " required at " + pointer);
    }

    @Test
    void theCommissionerSummarySchemaDeclaresTheRecords() {
        declares(SUMMARY, "", CommissionerSummary.class);
        declares(SUMMARY, "/$defs/periodSummary", PeriodSummary.class);
        declares(SUMMARY, "/$defs/feedbackFigures", FeedbackFigures.class);
        declares(SUMMARY, "/$defs/ratingSummary", RatingSummary.class);
        declares(SUMMARY, "/$defs/ratingDistribution", CountTable.class);
        declares(SUMMARY, "/$defs/ratingDistribution/properties/cells/items", Cell.class);
        declares(SUMMARY, "/$defs/teamCounts", CountTable.class);
        declares(SUMMARY, "/$defs/teamCounts/properties/cells/items", Cell.class);
        declares(SUMMARY, "/$defs/teamFeedback", TeamFeedback.class);
        declares(SUMMARY, "/$defs/nps", Nps.class);
        declares(SUMMARY, "/$defs/trendPoint", TrendPoint.class);
        declares(SUMMARY, "/$defs/impact", Impact.class);
        // rota: optional in v1, as summaries compiled before the rota figures have none
        declares(SUMMARY, "/$defs/contractActivity", ContractActivity.class, "rota");
        declares(SUMMARY, "/$defs/rotaFigures", RotaFigures.class, "onTimePercent", "missedPer1000Planned",
                "shortPercent");
        declares(SUMMARY, "/$defs/cancellationCounts", CountTable.class);
        declares(SUMMARY, "/$defs/cancellationCounts/properties/cells/items", Cell.class);
        declares(SUMMARY, "/$defs/healthFigure", HealthFigure.class, "per1000ClientDays");
        declares(SUMMARY, "/$defs/domainCount", Cell.class);
        declares(SUMMARY, "/$defs/continuity", Continuity.class, "meanWorkers", "meanIndex");
        declares(SUMMARY, "/$defs/plannedHoursFigure", PlannedHoursFigure.class);
        declares(SUMMARY, "/$defs/sharedStory", SharedStory.class);
        declares(SUMMARY, "/$defs/label", Label.class);
        figures(SUMMARY);
    }

    @Test
    void theTeamDashboardSchemaDeclaresTheRecords() {
        // lateAndMissed and the activity's rota: optional in v1, as dashboards compiled before the rota have none
        declares(DASHBOARD, "", TeamDashboard.class, "sizeAdvice", "lateAndMissed");
        declares(DASHBOARD, "/$defs/sizeAdvice", SizeAdvice.class);
        declares(DASHBOARD, "/$defs/teamActivity", TeamActivity.class, "magicNumber", "rota");
        declares(DASHBOARD, "/$defs/teamRota", TeamRota.class, "onTimePercent", "missedPer1000Planned", "shortPercent",
                "meanMinutesLate");
        declares(DASHBOARD, "/$defs/cancellationCount", TeamRota.CancellationCount.class);
        declares(DASHBOARD, "/$defs/personVisits", TeamDashboard.PersonVisits.class);
        declares(DASHBOARD, "/$defs/lapsedVisit", TeamDashboard.LapsedVisit.class, "minutesLate");
        declares(DASHBOARD, "/$defs/worker", TeamDashboard.Worker.class);
        declares(DASHBOARD, "/$defs/healthRate", HealthRate.class, "per1000ClientDays");
        declares(DASHBOARD, "/$defs/domainCount", DomainCount.class);
        declares(DASHBOARD, "/$defs/continuity", Continuity.class, "meanWorkers", "meanIndex");
        declares(DASHBOARD, "/$defs/monthPoint", TeamDashboard.MonthPoint.class, "magicNumber", "meanWorkers",
                "meanIndex");
        declares(DASHBOARD, "/$defs/clientRow", TeamDashboard.ClientRow.class, "index");
        declares(DASHBOARD, "/$defs/teamPeriod", TeamDashboard.TeamPeriod.class);
        declares(DASHBOARD, "/$defs/feedbackFigures", FeedbackFigures.class);
        declares(DASHBOARD, "/$defs/ratingSummary", RatingSummary.class);
        declares(DASHBOARD, "/$defs/nps", Nps.class);
        figures(DASHBOARD);
    }

    /** Every figure is a value or a reason, the two parts of {@link Figure}, never both. */
    private static void figures(SchemaCheck check) {
        List<String> parts = Arrays.stream(Figure.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(List.of("value", "suppressed"), parts);
        List<String> wrappers = new ArrayList<>();
        check.schema().get("$defs").fields().forEachRemaining(d -> {
            if (d.getValue().has("oneOf")) {
                wrappers.add(d.getKey());
                JsonNode oneOf = d.getValue().get("oneOf");
                assertEquals(2, oneOf.size(), d.getKey());
                assertEquals(List.of("value"), texts(oneOf.get(0).get("required")), d.getKey());
                assertEquals("#/$defs/suppressedFigure", oneOf.get(1).get("$ref").asText(), d.getKey());
            }
        });
        assertTrue(wrappers.containsAll(List.of("countFigure", "percentFigure", "ratingFigure", "npsFigure")), wrappers.toString());
        if (check == SUMMARY) {
            assertTrue(wrappers.containsAll(List.of("visitPercentFigure", "missedRateFigure")), wrappers.toString());
        }
        assertEquals(List.of("suppressed"), texts(check.resolve("#/$defs/suppressedFigure").get("required")));
    }

    // ---- real output ----------------------------------------------------------------------------

    @Test
    void aRenderedCommissionerSummaryIsValid() throws IOException {
        JsonNode doc = summary();
        SUMMARY.assertValid(doc);
        // the sample has shown and suppressed figures, a trend, a story
        assertEquals("few-respondents", doc.at("/trend/0/overall/nps/suppressed").asText());
        assertEquals(60.9, doc.at("/feedback/overall/nps/value/score").asDouble());
        assertEquals(1, doc.at("/impact/stories").size());
        // the rota: 216 of 240 on time; 6 missed of 246 planned; 12 short; cancellations 6 (client), 2 (family)
        assertEquals(90.0, doc.at("/impact/activity/rota/onTimePercent/value").asDouble());
        assertEquals(24.4, doc.at("/impact/activity/rota/missedPer1000Planned/value").asDouble());
        assertEquals(5.0, doc.at("/impact/activity/rota/shortPercent/value").asDouble());
        assertEquals("secondary", doc.at("/impact/activity/rota/cancellations/cells/0/count/suppressed").asText());
        assertEquals("small-count", doc.at("/impact/activity/rota/cancellations/cells/1/count/suppressed").asText());
        assertEquals(8, doc.at("/impact/activity/rota/cancellations/total/value").asInt());
        SUMMARY.assertValid(json(Samples.report(Samples.few("2026-Q4"))));
        // a v1 document compiled before the rota figures stays valid
        ((ObjectNode) doc.at("/impact/activity")).remove("rota");
        SUMMARY.assertValid(doc);
    }

    @Test
    void aSummaryWithNothingToDivideByIsValid() throws IOException {
        // no client-days: no rates; no visits: no continuity means; no stories; few clients
        CommissionerSummary r = Samples.report(Samples.twoTeams("2026-Q4"));
        Impact bare = new Impact(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                ContractActivity.compile(List.of(SampleCounters.activity()), 0), PlannedHoursFigure.of(ClientDays.NONE),
                List.of());
        CommissionerSummary s = new CommissionerSummary(r.kind(), r.schemaVersion(), r.summaryId(), r.title(),
                r.contractId(), r.commissionerName(), r.periodId(), r.periodLabel(), r.opensOn(), r.closesOn(),
                r.dataThrough(), false, r.npsBenchmark(), r.feedback(), r.trend(), bare, r.teams(), r.questions());
        JsonNode doc = json(s);
        assertTrue(doc.at("/impact/activity/health/0/per1000ClientDays").isMissingNode());
        assertEquals("few-respondents", doc.at("/impact/plannedHours/change/suppressed").asText());
        SUMMARY.assertValid(doc);

        Impact none = new Impact(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                ContractActivity.compile(List.of(), 0), PlannedHoursFigure.of(ClientDays.NONE), List.of());
        JsonNode empty = json(new CommissionerSummary(r.kind(), r.schemaVersion(), r.summaryId(), r.title(),
                r.contractId(), r.commissionerName(), r.periodId(), r.periodLabel(), r.opensOn(), r.closesOn(),
                r.dataThrough(), false, r.npsBenchmark(), PeriodSummary.compile("2026-Q4", Map.of(), Map.of()),
                List.of(new TrendPoint("2026-Q4", "2026-Q4", r.opensOn(), r.closesOn(),
                        PeriodSummary.compile("2026-Q4", Map.of(), Map.of()).overall())), none, r.teams(), List.of()));
        SUMMARY.assertValid(empty);
    }

    @Test
    void aTeamDashboardIsValid() throws IOException {
        JsonNode flagged = json(Samples.dashboard("Team A", 12));
        DASHBOARD.assertValid(flagged);
        assertEquals("split-advised", flagged.at("/sizeAdvice/flag").asText());
        // the older trend months have no Magic Number, the second client no index
        assertTrue(flagged.at("/trend/0/magicNumber").isMissingNode());
        assertTrue(flagged.at("/clients/1/index").isMissingNode());
        JsonNode small = json(Samples.dashboard("Team A", 7));
        assertTrue(small.path("sizeAdvice").isMissingNode());
        DASHBOARD.assertValid(small);
        // the late and missed visits: a still-missed one has no minutes late
        assertEquals(20, flagged.at("/lateAndMissed/0/visits/0/minutesLate").asInt());
        assertEquals("09:00:00", flagged.at("/lateAndMissed/0/visits/0/plannedTime").asText());
        assertTrue(flagged.at("/lateAndMissed/0/visits/1/minutesLate").isMissingNode());
        assertEquals(90.0, flagged.at("/activity/rota/onTimePercent").asDouble());
        // a v1 dashboard compiled before the rota stays valid
        ((ObjectNode) small).remove("lateAndMissed");
        ((ObjectNode) small.get("activity")).remove("rota");
        DASHBOARD.assertValid(small);
    }

    @Test
    void aDashboardWithoutShiftsOrFeedbackIsValid() throws IOException {
        TeamDashboard d = new TeamDashboard(TeamDashboard.KIND, TeamDashboard.SCHEMA_VERSION, "td-t-east-2026-03",
                "t-east", "East", YearMonth.of(2026, 3), LocalDate.of(2026, 3, 12), false, 0, null,
                TeamActivity.compile(List.of(), 0),
                List.of(new TeamDashboard.MonthPoint(YearMonth.of(2026, 3), 0, 0, 0, null, null, null)), List.of(),
                List.of(), List.of());
        DASHBOARD.assertValid(json(d));
    }

    // ---- the validator rejects what the schemas forbid ----------------------------------------------

    private static void rejects(SchemaCheck check, JsonNode doc, String expected) {
        List<String> errors = check.errors(doc);
        assertFalse(errors.isEmpty(), "accepted");
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), errors.toString());
    }

    @Test
    void anUnknownPropertyIsRejectedAtAnyDepth() throws IOException {
        ObjectNode top = (ObjectNode) summary();
        top.put("generatedAt", "2026-04-01T02:00:00Z");
        rejects(SUMMARY, top, "# additionalProperties: property 'generatedAt' is not defined");

        JsonNode doc = summary();
        ((ObjectNode) doc.at("/impact/stories/0")).put("clientId", "c-rosa");
        rejects(SUMMARY, doc, "#/impact/stories/0 additionalProperties: property 'clientId' is not defined");

        JsonNode figure = summary();
        ((ObjectNode) figure.at("/impact/plannedHours/atStart")).put("clients", 12);
        rejects(SUMMARY, figure, "#/impact/plannedHours/atStart oneOf: must be valid to one and only one schema, but 0 are valid");

        JsonNode dashboard = json(Samples.dashboard("Team A", 12));
        ((ObjectNode) dashboard.at("/clients/0")).put("address", "1 High Street");
        rejects(DASHBOARD, dashboard, "#/clients/0 additionalProperties: property 'address' is not defined");
    }

    @Test
    void aMissingRequiredFieldIsRejected() throws IOException {
        ObjectNode top = (ObjectNode) summary();
        top.remove("complete");
        rejects(SUMMARY, top, "# required: required property 'complete' not found");

        JsonNode doc = summary();
        ((ObjectNode) doc.at("/feedback/overall")).remove("nps");
        rejects(SUMMARY, doc, "#/feedback/overall required: required property 'nps' not found");

        JsonNode dashboard = json(Samples.dashboard("Team A", 12));
        ((ObjectNode) dashboard.get("activity")).remove("continuity");
        rejects(DASHBOARD, dashboard, "#/activity required: required property 'continuity' not found");
    }

    @Test
    void aFigureIsAValueOrAReasonNeverBothOrNeither() throws IOException {
        JsonNode both = summary();
        ((ObjectNode) both.at("/feedback/overall/responses")).put("suppressed", "small-count");
        rejects(SUMMARY, both, "#/feedback/overall/responses oneOf: must be valid to one and only one schema, but 0 are valid");

        JsonNode neither = summary();
        ((ObjectNode) neither.at("/feedback/overall/responses")).remove("value");
        rejects(SUMMARY, neither, "#/feedback/overall/responses oneOf: must be valid to one and only one schema, but 0 are valid");

        JsonNode why = summary();
        ((ObjectNode) why.at("/trend/0/overall/nps")).put("suppressed", "too-few");
        rejects(SUMMARY, why, "#/trend/0/overall/nps/suppressed enum: ");

        JsonNode negative = summary();
        ((ObjectNode) negative.at("/feedback/overall/responses")).put("value", -1);
        rejects(SUMMARY, negative, "#/feedback/overall/responses/value minimum: ");
    }

    @Test
    void wrongTypesConstantsDatesAndLengthsAreRejected() throws IOException {
        ObjectNode kind = (ObjectNode) summary();
        kind.put("kind", "team-dashboard");
        rejects(SUMMARY, kind, "#/kind const: must be the constant value 'commissioner-summary'");

        ObjectNode version = (ObjectNode) json(Samples.dashboard("Team A", 12));
        version.put("schemaVersion", 2);
        rejects(DASHBOARD, version, "#/schemaVersion const: ");

        ObjectNode size = (ObjectNode) json(Samples.dashboard("Team A", 12));
        size.put("teamSize", "12");
        rejects(DASHBOARD, size, "#/teamSize type: string found, integer expected");

        ObjectNode date = (ObjectNode) summary();
        date.put("dataThrough", "2026-02-30");
        rejects(SUMMARY, date, "#/dataThrough format: ");

        ObjectNode month = (ObjectNode) json(Samples.dashboard("Team A", 12));
        month.put("month", "2026-3");
        rejects(DASHBOARD, month, "#/month pattern: ");

        JsonNode stories = summary();
        ArrayNode list = (ArrayNode) stories.at("/impact/stories");
        for (int i = 0; i < 3; i++) {
            list.add(list.get(0).deepCopy());
        }
        rejects(SUMMARY, stories, "#/impact/stories maxItems: ");

        JsonNode domain = summary();
        ((ArrayNode) domain.at("/impact/stories/0/domains")).add(OutcomeDomain.INDEPENDENCE.toString());
        rejects(SUMMARY, domain, "#/impact/stories/0/domains uniqueItems: ");
    }

    @Test
    void aSchemaLeaningOnAKeywordTheStandardDoesNotDefineIsRefused() {
        String typo = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"array\", \"maxitem\": 3}";
        RuntimeException refused = assertThrows(RuntimeException.class, () -> SchemaCheck.of("typo", typo)
                .errors(Json.MAPPER.createArrayNode().add(1).add(2).add(3).add(4)));
        assertTrue(String.valueOf(refused.getMessage()).contains("maxitem"), String.valueOf(refused.getMessage()));
    }

    @Test
    void theSchemasAreValidDraft202012Schemas() {
        for (SchemaCheck check : List.of(SUMMARY, DASHBOARD)) {
            assertEquals(List.of(), check.metaSchemaErrors());
            assertEquals("https://json-schema.org/draft/2020-12/schema", check.schema().get("$schema").asText());
        }
    }
}
