package org.whatmatters.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.whatmatters.text.Html;

/**
 * The words of each notification. They say who and when and link to the page, and nothing more: no health
 * detail, no worker's note, no story's text (the page shows those to whoever may read them, after sign-in).
 */
public final class MessageText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private final ZoneId zone;
    private final String webUrl;

    public MessageText(ZoneId zone, String webUrl) {
        this.zone = zone;
        this.webUrl = webUrl.endsWith("/") ? webUrl.substring(0, webUrl.length() - 1) : webUrl;
    }

    /** The fields of an update's data the words use, and nothing more: what the queue and held items carry. */
    public static JsonNode essentials(JsonNode data) {
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String f : List.of("actualStart", "actualEnd", "plannedStart", "authorName", "periodId", "label",
                "opensOn", "closesOn", "reminder", "visits", "stories", "weekOf")) {
            if (data.hasNonNull(f)) {
                out.set(f, data.get(f));
            }
        }
        if (data.hasNonNull("cancellation")) {
            out.put("cancelled", true); // not why: the reason stays on the page
        }
        if (data.path("checkedInBy").hasNonNull("displayName")) {
            out.putObject("checkedInBy").set("displayName", data.path("checkedInBy").get("displayName"));
        }
        return out;
    }

    public RenderedMessage render(Notification n, String person) {
        JsonNode d = n.data();
        String url = webUrl + "/family.html?client=" + URLEncoder.encode(n.clientId(), StandardCharsets.UTF_8);
        return switch (n.kind()) {
            case ARRIVED -> {
                String who = firstName(text(d, "checkedInBy", "displayName"), "Your care worker");
                String at = clock(d, "actualStart");
                yield of(n.updateId(), who + " arrived to see " + person + " at " + at,
                        who + " arrived to see " + person + " at " + at + ".", url);
            }
            case VISIT_FINISHED -> {
                String at = clock(d, "actualEnd");
                yield of(n.updateId(), person + "'s visit finished at " + at,
                        person + "'s visit finished at " + at + ". See what mattered today on the page.", url);
            }
            case STORY_SHARED -> {
                String who = firstName(text(d, "authorName"), "The team");
                yield of(n.updateId(), "A new story about " + person, who + " shared a story about " + person + ".", url);
            }
            case SURVEY_OPEN -> of(n.updateId(), "How is " + person + "'s care going?", "You are invited to tell us how "
                    + person + "'s care is going. It takes two minutes" + closes(d) + ".", url);
            case SURVEY_REMINDER -> of(n.updateId(), "A reminder: how is " + person + "'s care going?", "You have not told us yet how "
                    + person + "'s care is going. It takes two minutes" + closes(d) + ".", url);
            case WEEKLY_DIGEST -> {
                long visits = d.path("visits").asLong();
                long stories = d.path("stories").asLong();
                yield of(n.updateId(), person + "'s week", person + " had " + plural(visits, "visit") + " this week"
                        + (stories > 0 ? " and the team shared " + plural(stories, "story", "stories") : "")
                        + ". See what mattered on the page.", url);
            }
            case VISIT_CHANGED -> d.path("cancelled").asBoolean()
                    ? of(n.updateId(), person + "'s visit is cancelled", person + "'s visit on "
                            + day(d, "plannedStart") + " at " + clock(d, "plannedStart") + " is cancelled.", url)
                    : of(n.updateId(), person + "'s visit has changed", person + "'s visit is now on "
                            + day(d, "plannedStart") + " at " + clock(d, "plannedStart")
                            + ". See who is coming on the page.", url);
            case VISIT_LATE -> of(n.updateId(), person + "'s visit is running late", person + "'s visit planned for "
                    + clock(d, "plannedStart") + " has not started yet. The team has been told.", url);
            case VISIT_MISSED -> of(n.updateId(), person + "'s visit was missed", person + "'s visit planned for "
                    + clock(d, "plannedStart") + " did not take place. The team has been told and will be in touch.", url);
        };
    }

    private static RenderedMessage of(String updateId, String subject, String sentence, String url) {
        String text = sentence + "\n\nOpen the page: " + url + "\n";
        String html = "<!doctype html><html lang=\"en-GB\"><body style=\"font-family:sans-serif\"><p>" + Html.escape(sentence)
                + "</p><p><a href=\"" + Html.escape(url) + "\">Open the page</a></p></body></html>";
        return new RenderedMessage(updateId, subject, text, html, sentence + " " + url, subject, sentence, url);
    }

    private String clock(JsonNode d, String field) {
        String iso = text(d, field);
        if (iso == null) {
            return "the planned time";
        }
        Instant t = Instant.parse(iso);
        return CLOCK.format(t.atZone(zone));
    }

    private String day(JsonNode d, String field) {
        String iso = text(d, field);
        return iso == null ? "the planned day" : DAY.format(Instant.parse(iso).atZone(zone));
    }

    private static String closes(JsonNode d) {
        String closes = text(d, "closesOn");
        return closes == null ? "" : "; the survey closes on " + DAY.format(java.time.LocalDate.parse(closes));
    }

    private static String text(JsonNode d, String... path) {
        JsonNode n = d;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null || n.isNull() ? null : n.asText();
    }

    /** First names only: a message shown on a lock screen says no more than it must. */
    private static String firstName(String name, String otherwise) {
        return name == null || name.isBlank() ? otherwise : name.strip().split("\\s+")[0];
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
