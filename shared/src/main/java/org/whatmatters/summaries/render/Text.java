package org.whatmatters.summaries.render;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import org.whatmatters.domain.CancellationRequester;
import org.whatmatters.domain.HealthEventType;
import org.whatmatters.domain.OutcomeDomain;
import org.whatmatters.summaries.Disclosure;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.Numbers;
import org.whatmatters.summaries.Suppression;
import org.whatmatters.text.Html;

/** Formatting shared by the renderers; Locale.ROOT so the output never depends on the machine. */
final class Text {

    private Text() {
    }

    static String number(Object v) {
        // Figures arrive rounded; BigDecimal prints them as they are (5.6, 60.0, 0.27) on any machine.
        return v instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(v);
    }

    /** Minutes as hours to one decimal. */
    static double hours(long minutes) {
        return Numbers.round(minutes / 60.0, 1);
    }

    static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String reason(Suppression why) {
        return switch (why) {
            case FEW_RESPONDENTS -> "suppressed (fewer than " + Disclosure.MIN_RESPONDENTS + " people)";
            case SMALL_COUNT -> "suppressed (a count of 1–" + (Disclosure.MIN_COUNT - 1) + ")";
            case SECONDARY -> "suppressed (would reveal another suppressed figure)";
        };
    }

    /** For table cells, where the full reason in every cell would bury the figures; a legend says it in full. */
    static String shortReason(Suppression why) {
        return switch (why) {
            case FEW_RESPONDENTS -> "suppressed: under " + Disclosure.MIN_RESPONDENTS + " people";
            case SMALL_COUNT -> "suppressed: 1–" + (Disclosure.MIN_COUNT - 1);
            case SECONDARY -> "suppressed: secondary";
        };
    }

    static <T> String shown(Figure<T> f, Function<T, String> format) {
        return f.shown() ? format.apply(f.value()) : reason(f.suppressed());
    }

    static String healthEvent(HealthEventType t) {
        return switch (t) {
            case HOSPITAL_ADMISSION -> "Hospital admissions";
            case AE_ATTENDANCE -> "A&E attendances";
            case FALL -> "Falls";
            case GP_CALL_OUT -> "GP call-outs";
        };
    }

    static String requester(CancellationRequester r) {
        return switch (r) {
            case CLIENT -> "The person supported";
            case FAMILY -> "Their family";
            case PROVIDER -> "The provider";
        };
    }

    /** A percentage, or a dash when there was nothing to divide by. */
    static String percent(Double v) {
        return v == null ? "–" : number(v) + "%";
    }

    static String domain(OutcomeDomain d) {
        return switch (d) {
            case INDEPENDENCE -> "Independence";
            case DIGNITY -> "Dignity";
            case WELLBEING -> "Wellbeing";
            case RELATIONSHIPS_COMMUNITY -> "Relationships and community";
            case TRUST -> "Trust";
            case CONTINUITY -> "Continuity";
        };
    }

    static String html(String s) {
        return Html.escape(s);
    }
}
