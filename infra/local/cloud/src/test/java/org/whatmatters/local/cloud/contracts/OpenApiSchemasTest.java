package org.whatmatters.local.cloud.contracts;

import static org.whatmatters.local.cloud.contracts.TemplateFixture.assertNone;
import static org.whatmatters.local.cloud.contracts.TemplateFixture.openApi;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

/**
 * Checks the schemas of docs/openapi.yaml against the Java records and enums they describe, as the project's
 * Json mapper writes them. Each failure says what to change.
 */
class OpenApiSchemasTest {

    /** The schemas of docs/openapi.yaml that mirror a Java record: properties are exactly its components. */
    private static final Map<String, Class<?>> RECORD_SCHEMAS = recordSchemas();

    /** The schemas that mirror a Java enum: enum values are exactly its JSON values. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_SCHEMAS = enumSchemas();

    /**
     * Enums the code never serialises itself but lists by {@code toString()} (Role has no @JsonValue:
     * AccountView.roles holds Role::toString, the Cognito group names).
     */
    private static final Set<String> ENUMS_LISTED_BY_NAME = Set.of("Role");

    /** The other schemas, and why they mirror no Java type. */
    private static final Map<String, String> OTHER_SCHEMAS = Map.of(
            "Id", "the id pattern every path id and body id is checked against (setup.Checks.ID)",
            "Weekday", "a day of a schedule line, read as text by rota.ScheduleRules (java.time.DayOfWeek in lower case)",
            "CommissionerSummaryDocument", "docs/schemas/commissioner-summary.v1.schema.json, a published document",
            "TeamDashboardDocument", "docs/schemas/team-dashboard.v1.schema.json, a published document");

    @Test
    void theOpenApiSchemasHaveExactlyTheJsonPropertiesOfTheirRecords() {
        Map<String, Object> schemas = openApi().schemas();
        List<String> problems = new ArrayList<>();
        for (String name : schemas.keySet()) {
            if (!RECORD_SCHEMAS.containsKey(name) && !ENUM_SCHEMAS.containsKey(name) && !OTHER_SCHEMAS.containsKey(name)) {
                problems.add("schema " + name + " is mapped to no Java type: add it to RECORD_SCHEMAS or ENUM_SCHEMAS "
                        + "in OpenApiSchemasTest (or OTHER_SCHEMAS, saying why)");
            }
        }
        for (var e : RECORD_SCHEMAS.entrySet()) {
            String name = e.getKey();
            Class<?> type = e.getValue();
            if (!(schemas.get(name) instanceof Map<?, ?>)) {
                problems.add("no schema " + name + " for " + type.getName() + " in docs/openapi.yaml");
                continue;
            }
            Map<String, Object> schema = OpenApiDoc.map(schemas.get(name), name);
            Map<String, Object> properties = OpenApiDoc.map(schema.getOrDefault("properties", Map.of()), name);
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.put(c.getName(), c);
            }
            Set<String> missing = new TreeSet<>(components.keySet());
            missing.removeAll(properties.keySet());
            Set<String> extra = new TreeSet<>(properties.keySet());
            extra.removeAll(components.keySet());
            if (!missing.isEmpty()) {
                problems.add(name + " lacks " + missing + " of " + type.getName() + ": add them to its properties");
            }
            if (!extra.isEmpty()) {
                problems.add(name + " has " + extra + ", which " + type.getName() + " does not: remove them");
            }
            for (Object required : OpenApiDoc.list(schema.getOrDefault("required", List.of()), name + ".required")) {
                if (!components.containsKey(String.valueOf(required))) {
                    problems.add(name + ".required names " + required + ", which is no component of " + type.getName());
                }
            }
            for (var c : components.values()) {
                if (properties.get(c.getName()) instanceof Map<?, ?> property) {
                    String mismatch = typeMismatch(c.getGenericType(), OpenApiDoc.map(property, name));
                    if (mismatch != null) {
                        problems.add(name + "." + c.getName() + ": " + mismatch + " for Java "
                                + c.getGenericType().getTypeName());
                    }
                }
            }
        }
        for (var e : ENUM_SCHEMAS.entrySet()) {
            Map<String, Object> schema = schemas.get(e.getKey()) instanceof Map<?, ?> m ? OpenApiDoc.map(m, e.getKey())
                    : Map.of();
            Set<String> documented = OpenApiDoc.list(schema.getOrDefault("enum", List.of()), e.getKey()).stream()
                    .map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            Set<String> json = Arrays.stream(e.getValue().getEnumConstants())
                    .map(c -> ENUMS_LISTED_BY_NAME.contains(e.getKey()) ? c.toString() : Json.write(c))
                    .map(s -> s.startsWith("\"") ? s.substring(1, s.length() - 1) : s)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!documented.equals(json)) {
                problems.add("schema " + e.getKey() + " enum " + documented + " but " + e.getValue().getName()
                        + " is written as " + json);
            }
        }
        assertNone(problems, "docs/openapi.yaml schemas against the Java types");
    }

    /** Why a property's schema does not fit a Java type as the project's Json mapper writes and reads it, or null. */
    private static String typeMismatch(Type javaType, Map<String, Object> property) {
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw == JsonNode.class) {
            return null;
        }
        String ref = property.get("$ref") instanceof String s ? s : null;
        String refName = ref != null && ref.startsWith("#/components/schemas/") ? ref.substring(21) : null;
        if (RECORD_SCHEMAS.containsValue(raw) || raw.isEnum()) {
            Class<?> documented = refName == null ? null : RECORD_SCHEMAS.containsKey(refName)
                    ? RECORD_SCHEMAS.get(refName) : ENUM_SCHEMAS.get(refName);
            return raw.equals(documented) ? null : "expected $ref to the schema of " + raw.getSimpleName() + ", got "
                    + (ref == null ? property : ref);
        }
        Map<String, Object> schema = refName != null && openApi().schemas().get(refName) instanceof Map<?, ?> m
                ? OpenApiDoc.map(m, refName) : property;
        String type = String.valueOf(schema.get("type"));
        String format = schema.get("format") == null ? null : String.valueOf(schema.get("format"));
        if (raw == String.class) {
            return type.equals("string") && (format == null || Set.of("uri", "email").contains(format)) ? null
                    : "expected a string, got " + type + (format == null ? "" : " " + format);
        }
        if (raw == java.time.Instant.class) {
            return type.equals("string") && "date-time".equals(format) ? null : "expected string date-time";
        }
        if (raw == java.time.LocalDate.class) {
            return type.equals("string") && "date".equals(format) ? null : "expected string date";
        }
        if (Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(raw)) {
            return type.equals("integer") ? null : "expected integer, got " + type;
        }
        if (Set.of(double.class, Double.class, float.class, Float.class).contains(raw)) {
            return type.equals("number") ? null : "expected number, got " + type;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return type.equals("boolean") ? null : "expected boolean, got " + type;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!type.equals("array") || !(schema.get("items") instanceof Map<?, ?> items)) {
                return "expected an array with items";
            }
            return typeMismatch(((ParameterizedType) javaType).getActualTypeArguments()[0], OpenApiDoc.map(items, "items"));
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!type.equals("object") || !(schema.get("additionalProperties") instanceof Map<?, ?> values)) {
                return "expected an object with additionalProperties";
            }
            return typeMismatch(((ParameterizedType) javaType).getActualTypeArguments()[1],
                    OpenApiDoc.map(values, "additionalProperties"));
        }
        return "no rule in OpenApiSchemasTest.typeMismatch for " + raw.getName();
    }

    private static Map<String, Class<?>> recordSchemas() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("Problem", org.whatmatters.problem.Problem.class);
        m.put("FieldError", org.whatmatters.problem.FieldError.class);
        m.put("Location", org.whatmatters.domain.Location.class);
        m.put("PlanVisit", org.whatmatters.visits.PlanVisit.class);
        m.put("CheckIn", org.whatmatters.visits.CheckIn.class);
        m.put("CheckOut", org.whatmatters.visits.CheckOut.class);
        m.put("VisitWorker", org.whatmatters.visits.VisitView.Worker.class);
        m.put("VisitView", org.whatmatters.visits.VisitView.class);
        m.put("CancelVisit", org.whatmatters.visits.CancelVisit.class);
        m.put("RescheduleVisit", org.whatmatters.visits.RescheduleVisit.class);
        m.put("CancellationNote", org.whatmatters.visits.VisitView.CancellationNote.class);
        m.put("VisitTiming", org.whatmatters.visits.VisitTiming.class);
        m.put("VisitList", org.whatmatters.visits.VisitList.class);
        m.put("NewScheduleEntry", org.whatmatters.rota.NewEntry.class);
        m.put("NewSchedule", org.whatmatters.rota.NewSchedule.class);
        m.put("ChangeSchedule", org.whatmatters.rota.ChangeSchedule.class);
        m.put("EndSchedule", org.whatmatters.rota.EndSchedule.class);
        m.put("ScheduleWorker", org.whatmatters.rota.ScheduleView.Worker.class);
        m.put("ScheduleEntryView", org.whatmatters.rota.ScheduleView.Entry.class);
        m.put("ScheduleGenerated", org.whatmatters.rota.Generated.class);
        m.put("ScheduleView", org.whatmatters.rota.ScheduleView.class);
        m.put("ScheduleList", org.whatmatters.rota.ScheduleList.class);
        m.put("AccountView", org.whatmatters.account.AccountView.class);
        m.put("LinkedPerson", org.whatmatters.account.AccountView.LinkedPerson.class);
        m.put("OpenSurvey", org.whatmatters.account.AccountView.OpenSurvey.class);
        m.put("NewTeam", org.whatmatters.setup.NewTeam.class);
        m.put("NewMember", org.whatmatters.setup.NewMember.class);
        m.put("SizeAdvice", org.whatmatters.setup.SizeAdvice.class);
        m.put("TeamMember", org.whatmatters.setup.TeamView.Member.class);
        m.put("TeamClientRef", org.whatmatters.setup.TeamView.ClientRef.class);
        m.put("TeamView", org.whatmatters.setup.TeamView.class);
        m.put("SplitProposalView", org.whatmatters.setup.SplitProposalView.class);
        m.put("TeamListEntry", org.whatmatters.setup.TeamSummary.Team.class);
        m.put("TeamSummary", org.whatmatters.setup.TeamSummary.class);
        m.put("MemberAdded", org.whatmatters.setup.MemberAdded.class);
        m.put("MemberRemoved", org.whatmatters.setup.MemberRemoved.class);
        m.put("NewCommissionerAccount", org.whatmatters.setup.NewCommissionerAccount.class);
        m.put("CommissionerAccountView", org.whatmatters.setup.CommissionerAccountView.class);
        m.put("CommissionerAccountList", org.whatmatters.setup.CommissionerAccountList.class);
        m.put("NewClient", org.whatmatters.setup.NewClient.class);
        m.put("ClientView", org.whatmatters.setup.ClientView.class);
        m.put("HoursChange", org.whatmatters.setup.HoursChange.class);
        m.put("PlannedHoursChange", org.whatmatters.setup.PlannedHoursView.Change.class);
        m.put("PlannedHoursView", org.whatmatters.setup.PlannedHoursView.class);
        m.put("NewFamilyInvite", org.whatmatters.invites.NewFamilyInvite.class);
        m.put("InviteCreated", org.whatmatters.invites.InviteCreated.class);
        m.put("AcceptInvite", org.whatmatters.invites.AcceptInvite.class);
        m.put("FamilyLinkView", org.whatmatters.invites.LinkView.class);
        m.put("FamilyLinkList", org.whatmatters.invites.LinkList.class);
        m.put("NewContract", org.whatmatters.setup.NewContract.class);
        m.put("ContractView", org.whatmatters.setup.ContractView.class);
        m.put("ContractList", org.whatmatters.setup.ContractList.class);
        m.put("SurveyQuestion", org.whatmatters.domain.SurveyQuestion.class);
        m.put("NewSurveyPeriod", org.whatmatters.setup.NewSurveyPeriod.class);
        m.put("PeriodView", org.whatmatters.setup.PeriodView.class);
        m.put("PeriodList", org.whatmatters.setup.PeriodList.class);
        m.put("Respondent", org.whatmatters.setup.NewInvitations.Respondent.class);
        m.put("NewInvitations", org.whatmatters.setup.NewInvitations.class);
        m.put("InvitationsResult", org.whatmatters.setup.InvitationsResult.class);
        m.put("RecordStory", org.whatmatters.stories.RecordStory.class);
        m.put("StoryAuthor", org.whatmatters.stories.StoryView.Author.class);
        m.put("StoryView", org.whatmatters.stories.StoryView.class);
        m.put("StoryList", org.whatmatters.stories.StoryList.class);
        m.put("RecordHealthEvent", org.whatmatters.health.RecordHealthEvent.class);
        m.put("HealthEvent", org.whatmatters.domain.HealthEvent.class);
        m.put("HealthEventList", org.whatmatters.health.HealthEventList.class);
        m.put("RecordShift", org.whatmatters.shifts.RecordShift.class);
        m.put("Shift", org.whatmatters.domain.Shift.class);
        m.put("ShiftList", org.whatmatters.shifts.ShiftList.class);
        m.put("SubmitResponse", org.whatmatters.feedback.SubmitResponse.class);
        m.put("ResponseView", org.whatmatters.feedback.ResponseView.class);
        m.put("LiveMessage", org.whatmatters.live.LiveMessage.class);
        m.put("VisitData", org.whatmatters.live.VisitData.class);
        m.put("StoryData", org.whatmatters.live.StoryData.class);
        m.put("SurveyData", org.whatmatters.live.SurveyData.class);
        m.put("UpdateList", org.whatmatters.live.UpdateList.class);
        m.put("SummaryView", org.whatmatters.summaries.publish.SummaryView.class);
        m.put("SummaryList", org.whatmatters.summaries.publish.SummaryList.class);
        m.put("LinkRequest", org.whatmatters.summaries.publish.LinkRequest.class);
        m.put("EvvExportRequest", org.whatmatters.summaries.publish.EvvExportRequest.class);
        m.put("DownloadLink", org.whatmatters.summaries.publish.LinkView.class);
        m.put("LinkIssued", org.whatmatters.domain.LinkIssued.class);
        m.put("LinkAuditList", org.whatmatters.summaries.publish.LinkAuditList.class);
        m.put("SettingsView", org.whatmatters.notifications.SettingsView.class);
        m.put("ContactView", org.whatmatters.notifications.SettingsView.ContactView.class);
        m.put("PersonChoices", org.whatmatters.notifications.SettingsView.PersonChoices.class);
        m.put("QuietHoursView", org.whatmatters.notifications.SettingsView.QuietHoursView.class);
        m.put("DeviceView", org.whatmatters.notifications.SettingsView.DeviceView.class);
        m.put("PreferencesChoice", org.whatmatters.notifications.PreferencesChoice.class);
        m.put("QuietHoursChoice", org.whatmatters.notifications.PreferencesChoice.QuietHoursChoice.class);
        m.put("NewPushSubscription", org.whatmatters.notifications.NewPushSubscription.class);
        m.put("PushKeys", org.whatmatters.notifications.NewPushSubscription.Keys.class);
        m.put("PhoneNumber", org.whatmatters.notifications.PhoneNumber.class);
        return m;
    }

    private static Map<String, Class<? extends Enum<?>>> enumSchemas() {
        Map<String, Class<? extends Enum<?>>> m = new LinkedHashMap<>();
        m.put("ServiceType", org.whatmatters.domain.ServiceType.class);
        m.put("VisitStatus", org.whatmatters.domain.VisitStatus.class);
        m.put("CancellationRequester", org.whatmatters.domain.CancellationRequester.class);
        m.put("Punctuality", org.whatmatters.visits.Punctuality.class);
        m.put("OutcomeDomain", org.whatmatters.domain.OutcomeDomain.class);
        m.put("SharingConsent", org.whatmatters.domain.SharingConsent.class);
        m.put("HealthEventType", org.whatmatters.domain.HealthEventType.class);
        m.put("RespondentType", org.whatmatters.domain.RespondentType.class);
        m.put("PeriodStatus", org.whatmatters.setup.PeriodView.Status.class);
        m.put("UpdateType", org.whatmatters.live.UpdateType.class);
        m.put("SummaryKind", org.whatmatters.domain.SummaryKind.class);
        m.put("Role", org.whatmatters.auth.Role.class);
        m.put("Channel", org.whatmatters.domain.Channel.class);
        m.put("UpdateKind", org.whatmatters.domain.UpdateKind.class);
        return m;
    }
}
