package org.whatmatters.validation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.whatmatters.problem.Violations;

/** Field checks the set-up requests share. */
public final class Checks {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int NAME_MAX = 80;

    private Checks() {
    }

    /** Required text of at most {@code max} characters, without control characters. */
    public static void text(Violations v, String field, String value, int max) {
        if (v.required(field, value)) {
            optionalText(v, field, value, max);
        }
    }

    public static void optionalText(Violations v, String field, String value, int max) {
        if (value == null) {
            return;
        }
        v.maxLength(field, value, max);
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            v.add(field, "must not contain control characters");
        }
    }

    public static void id(Violations v, String field, String value) {
        if (v.required(field, value) && !Ids.valid(value)) {
            v.add(field, "must be " + Ids.RULE);
        }
    }

    public static boolean validId(String value) {
        return Ids.valid(value);
    }

    public static void kebab(Violations v, String field, String value, int max) {
        if (v.required(field, value) && (value.length() > max || !KEBAB.matcher(value).matches())) {
            v.add(field, "must be kebab-case (lower-case letters, digits and single hyphens), at most " + max
                    + " characters");
        }
    }

    public static void email(Violations v, String field, String value) {
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            v.add(field, "must be an email address");
        }
    }

    /** A list of ids, each valid and none twice; answers whether it is usable. */
    public static boolean ids(Violations v, String field, List<String> ids, int max) {
        if (!v.required(field, ids)) {
            return false;
        }
        boolean ok = true;
        if (ids.size() > max) {
            v.add(field, "at most " + max + " are allowed");
            ok = false;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!validId(ids.get(i))) {
                v.add(field + "[" + i + "]", "is not a valid id");
                ok = false;
            }
        }
        if (ok && new HashSet<>(ids).size() != ids.size()) {
            v.add(field, "names the same id twice");
            ok = false;
        }
        return ok;
    }

    /** {@code day} no further than {@code years} from {@code today}, either way. */
    public static void near(Violations v, String field, LocalDate day, LocalDate today, int years) {
        if (day != null && (day.isBefore(today.minusYears(years)) || day.isAfter(today.plusYears(years)))) {
            v.add(field, "must be within " + years + " years of today");
        }
    }
}
