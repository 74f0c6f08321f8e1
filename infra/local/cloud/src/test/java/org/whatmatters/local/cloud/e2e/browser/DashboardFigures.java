package org.whatmatters.local.cloud.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.text.Collator;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * What team.html shows for a team dashboard as the API answers it, in the page's words and en-GB
 * numbers (up to two decimals; hours and feedback figures to one), so the test checks the figures
 * themselves. A withheld feedback figure is "Not shown" (the page then says why).
 */
final class DashboardFigures {

    static final String NOT_SHOWN = "Not shown";
    private static final String NOT_ENOUGH = "not enough data yet";
    private static final String NO_ANSWERS = "Not enough answers yet";
    private static final Map<String, String> QUESTIONS = Map.of("positive-impact", "Positive impact on life",
            "reliability", "Reliability", "creativity", "Creativity in enabling good days");

    private DashboardFigures() {
    }

    static String magicNumber(JsonNode dashboard) {
        return orNotEnough(dashboard.at("/activity/magicNumber"));
    }

    static String teamSize(JsonNode dashboard) {
        return upToTwo(dashboard.get("teamSize").asDouble());
    }

    static String visits(JsonNode dashboard) {
        JsonNode visits = dashboard.at("/activity/visits");
        return visits.isNumber() ? upToTwo(visits.asDouble()) : "–";
    }

    static String careAndPaidHours(JsonNode dashboard) {
        return hours(dashboard.at("/activity/careMinutes")) + " care hours of "
                + hours(dashboard.at("/activity/shiftMinutes")) + " paid hours";
    }

    /** The sentences of the continuity section that carry its figures. */
    static List<String> continuity(JsonNode dashboard) {
        JsonNode c = dashboard.at("/activity/continuity");
        return List.of("on average: " + orNotEnough(c.path("meanWorkers")),
                "Mean continuity index: " + orNotEnough(c.path("meanIndex")) + " ",
                "People visited: " + upToTwo(c.path("clients").asDouble()) + "; with two or more visits: "
                        + upToTwo(c.path("clientsWithIndex").asDouble()));
    }

    /** Person, visits, carers and continuity index, by name. */
    static List<List<String>> continuityRows(JsonNode dashboard) {
        Collator byName = Collator.getInstance(Locale.UK);
        return StreamSupport.stream(dashboard.get("clients").spliterator(), false)
                .sorted(Comparator.comparing(p -> p.get("name").asText(), byName))
                .map(p -> List.of(p.get("name").asText(), upToTwo(p.get("visits").asDouble()),
                        upToTwo(p.get("workers").asDouble()),
                        p.path("index").isNumber() ? upToTwo(p.get("index").asDouble()) : "fewer than 2 visits"))
                .toList();
    }

    /** The periods of the feedback section, newest first, by id. */
    static List<String> feedbackPeriods(JsonNode dashboard) {
        List<String> ids = new ArrayList<>();
        dashboard.get("feedback").forEach(p -> ids.addFirst(p.get("periodId").asText()));
        return ids;
    }

    /** One period's tiles: label → value. */
    static Map<String, String> feedbackTiles(JsonNode figures) {
        Map<String, String> tiles = new LinkedHashMap<>();
        tiles.put("Net Promoter Score", shown(figures.path("nps"),
                nps -> nps.path("score").isNumber() ? oneDecimal(nps.get("score").asDouble()) : NO_ANSWERS));
        JsonNode responses = figures.at("/responses/value");
        JsonNode invitations = figures.at("/invitations/value");
        String counts = responses.isNumber() && invitations.isNumber()
                ? " (" + upToTwo(responses.asDouble()) + " of " + upToTwo(invitations.asDouble()) + ")" : "";
        tiles.put("Response rate", shown(figures.path("responseRate"), rate -> oneDecimal(rate.asDouble()) + "%" + counts));
        for (JsonNode r : figures.path("ratings")) {
            tiles.put(QUESTIONS.get(r.get("questionId").asText()),
                    shown(r.path("average"), average -> oneDecimal(average.asDouble()) + " / " + r.path("outOf").asInt(6)));
        }
        return tiles;
    }

    /** The NPS interval as the page words it, or null when there is no score. */
    static String npsInterval(JsonNode figures) {
        JsonNode nps = figures.at("/nps/value");
        return nps.path("low").isNumber() ? "95% interval " + oneDecimal(nps.get("low").asDouble()) + " to "
                + oneDecimal(nps.get("high").asDouble()) : null;
    }

    private static String shown(JsonNode figure, Function<JsonNode, String> format) {
        if (figure.has("suppressed")) {
            return NOT_SHOWN;
        }
        JsonNode value = figure.path("value");
        return value.isMissingNode() || value.isNull() ? NO_ANSWERS : format.apply(value);
    }

    private static String orNotEnough(JsonNode number) {
        return number.isNumber() ? upToTwo(number.asDouble()) : NOT_ENOUGH;
    }

    private static String hours(JsonNode minutes) {
        return minutes.isNumber() ? oneDecimal(minutes.asDouble() / 60) : "–";
    }

    private static String upToTwo(double value) {
        return format(value, "#,##0.##");
    }

    private static String oneDecimal(double value) {
        return format(value, "#,##0.0");
    }

    /** Rounded half away from zero on the exact value, as Intl.NumberFormat does. */
    private static String format(double value, String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
