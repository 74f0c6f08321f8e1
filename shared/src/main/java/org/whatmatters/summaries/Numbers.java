package org.whatmatters.summaries;

import java.math.BigDecimal;
import java.math.RoundingMode;

public final class Numbers {

    private Numbers() {
    }

    /** Half-up, through BigDecimal so that 5.55 is 5.6 and the same input always prints the same. */
    public static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
