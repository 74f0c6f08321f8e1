package org.whatmatters.ops;

/** What the service counts, as CloudWatch metric names (namespace {@value Invocation#NAMESPACE}). */
public enum Metric {
    SURVEY_RESPONSES("SurveyResponses"),
    VISITS_PLANNED("VisitsPlanned"),
    CHECK_INS("CheckIns"),
    CHECK_OUTS("CheckOuts"),
    VISITS_CANCELLED("VisitsCancelled"),
    VISITS_CHANGED("VisitsChanged"),
    VISITS_GENERATED("VisitsGenerated"),
    GENERATION_FAILURES("GenerationFailures"),
    VISITS_LATE("VisitsLate"),
    VISITS_MISSED("VisitsMissed"),
    PUSHES_SENT("PushesSent"),
    PUSHES_GONE("PushesGone"),
    PUSHES_FAILED("PushesFailed"),
    SUMMARIES_COMPILED("SummariesCompiled"),
    SUMMARY_FAILURES("SummaryFailures"),
    CONNECTIONS_CLOSED("ConnectionsClosed"),
    SWEEP_FAILURES("SweepFailures"),
    LINKS_ISSUED("LinksIssued"),
    EMAIL_SENT("EmailSent"),
    EMAIL_FAILED("EmailFailed"),
    EMAIL_BOUNCED("EmailBounced"),
    EMAIL_COMPLAINED("EmailComplained"),
    EMAIL_SUPPRESSED("EmailSuppressed"),
    SMS_SENT("SmsSent"),
    SMS_FAILED("SmsFailed"),
    SMS_OPTED_OUT("SmsOptedOut"),
    SMS_SUPPRESSED("SmsSuppressed"),
    WEB_PUSH_SENT("WebPushSent"),
    WEB_PUSH_FAILED("WebPushFailed"),
    WEB_PUSH_GONE("WebPushGone"),
    NOTIFICATIONS_HELD("NotificationsHeld"),
    NOTIFICATIONS_DROPPED("NotificationsDropped"),
    NOTIFICATIONS_IN_DOUBT("NotificationsInDoubt"),
    NOTIFICATIONS_UNREACHABLE("NotificationsUnreachable");

    private final String cloudWatchName;

    Metric(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    /** Counts one in the current invocation (nothing outside one). */
    public void add() {
        add(1);
    }

    public void add(long n) {
        Invocation.count(this, n);
    }
}
