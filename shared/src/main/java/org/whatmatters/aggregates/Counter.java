package org.whatmatters.aggregates;

/**
 * Names of the running counters. Counters that break down by something carry it in the name
 * (e.g. {@code visits#c-rosa#w-amara}): flat attributes can be added to in one update expression,
 * where nested maps would first have to exist.
 */
public final class Counter {

    public static final String INVITATIONS = "invitations";
    public static final String RESPONSES = "responses";
    public static final String PROMOTERS = "promoters";
    public static final String PASSIVES = "passives";
    public static final String DETRACTORS = "detractors";
    public static final String VISITS = "visits";
    public static final String CARE_MINUTES = "careMinutes";
    public static final String SHIFT_MINUTES = "shiftMinutes";
    public static final String SHIFTS = "shifts";
    public static final String HEALTH_EVENTS = "healthEvents";
    public static final String STORIES = "stories";
    /** Rota figures, counted when a visit ends one way or another: completed, missed or cancelled. */
    public static final String ON_TIME = "onTime";
    public static final String LATE = "late";
    public static final String LATE_MINUTES = "lateMinutes";
    public static final String SHORT = "short";
    public static final String MISSED = "missed";
    public static final String CANCELLED = "cancelled";
    /** Minutes planned of the visits completed or missed; delivered minutes are visit lengths, not worker-minutes. */
    public static final String PLANNED_MINUTES = "plannedMinutes";
    public static final String DELIVERED_MINUTES = "deliveredMinutes";

    private Counter() {
    }

    public static String ratingSum(String questionId) {
        return "ratingSum#" + questionId;
    }

    public static String ratingCount(String questionId) {
        return "ratingCount#" + questionId;
    }

    /** How many gave {@code value} (1–6) to the question: the distribution the reports chart. */
    public static String rating(String questionId, int value) {
        return "rating#" + questionId + "#" + value;
    }

    /** How many answered {@code score} (0–10) to "how likely to recommend". */
    public static String recommend(int score) {
        return "recommend#" + score;
    }

    public static String visitsBy(String clientId, String workerId) {
        return "visits#" + clientId + "#" + workerId;
    }

    public static String careMinutesBy(String clientId, String workerId) {
        return "careMinutes#" + clientId + "#" + workerId;
    }

    public static String cancelledBy(String requester) {
        return "cancelled#" + requester;
    }

    public static String lateFor(String clientId) {
        return "late#" + clientId;
    }

    public static String missedFor(String clientId) {
        return "missed#" + clientId;
    }

    public static String shiftMinutesBy(String workerId) {
        return "shiftMinutes#" + workerId;
    }

    public static String healthEvents(String type) {
        return "health#" + type;
    }

    public static String stories(String domain, String consent) {
        return "stories#" + domain + "#" + consent;
    }
}
