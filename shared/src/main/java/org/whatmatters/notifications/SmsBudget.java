package org.whatmatters.notifications;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.whatmatters.config.Env;
import org.whatmatters.data.SmsCountStore;

/**
 * The stack's monthly SMS spend limit, as message parts: the month's limit over what one part costs
 * (SMS_MONTHLY_SPEND_LIMIT, SMS_PRICE_PER_PART). Every SMS, codes included, takes its parts first.
 */
@Singleton
public final class SmsBudget {

    /** The GSM 03.38 basic set: a text in it goes 160 characters a part (153 when split), else 70 (67). */
    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private final SmsCountStore counts;
    private final long partsPerMonth;

    @Inject
    public SmsBudget(SmsCountStore counts, Env env) {
        this.counts = counts;
        BigDecimal price = new BigDecimal(env.get("SMS_PRICE_PER_PART").filter(p -> !p.isBlank()).orElse("0.04"));
        BigDecimal limit = new BigDecimal(env.get("SMS_MONTHLY_SPEND_LIMIT").filter(p -> !p.isBlank()).orElse("20"));
        this.partsPerMonth = price.signum() <= 0 ? 0 : limit.divide(price, 0, RoundingMode.FLOOR).longValue();
    }

    /** The parts a text is sent as. */
    public static int parts(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM.indexOf(c) >= 0);
        int single = gsm ? 160 : 70;
        int each = gsm ? 153 : 67;
        int length = text.codePointCount(0, text.length());
        return length <= single ? 1 : (length + each - 1) / each;
    }

    /** Takes {@code parts} from this month's budget; false (nothing taken) when they would pass it. */
    public boolean take(int parts, Instant now) {
        return counts.tryAdd(scope(now), parts, partsPerMonth, now.plus(Duration.ofDays(40)));
    }

    public void giveBack(int parts, Instant now) {
        counts.giveBack(scope(now), parts);
    }

    private static String scope(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return "STACK#" + day.getYear() + "-" + day.getMonthValue();
    }
}
