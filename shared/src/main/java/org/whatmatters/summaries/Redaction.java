package org.whatmatters.summaries;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes people out of a story's text before a commissioner reads it. Every known name (in full and
 * each part of two letters or more, split at spaces, hyphens and apostrophes) and id becomes a
 * placeholder for the person's role, e.g. "[the person]" or "[a carer]"; the clients' known addresses
 * and any UK postcode "[address]"; e-mail addresses and phone numbers "[contact]"; NHS numbers "[NHS
 * number]"; full dates more than two years old (dates of birth) "[date]".
 *
 * <p>Names and text are compared after one normalisation ({@link Folding}): NFKC, a full case fold,
 * accents and invisible format characters dropped, apostrophes, dashes and spaces made one each. So
 * "ROSA", "Roſa", "Ｒｏｓａ", "Rósa" and "Ro\u200Bsa" are all Rosa, and a name written with "İ" or "ı"
 * is found too. A name the provider does not hold (a neighbour mentioned in passing) cannot be known
 * here, which is why a story is only shared this way with its author's consent.
 */
public final class Redaction {

    public static final String PERSON = "[the person]";
    public static final String FAMILY = "[a family member]";
    public static final String CARER = "[a carer]";
    public static final String CONTACT = "[contact]";
    public static final String ADDRESS = "[address]";
    public static final String DATE = "[date]";
    public static final String NHS_NUMBER = "[NHS number]";
    /** Never used for a known word, which always has its own: a last guard so no lookup is ever empty. */
    static final String REDACTED = "[redacted]";
    /** What a date detector answers for digits that are no calendar date: left to the other detectors. */
    private static final String NOT_A_DATE = "\u0000";

    /** Dates older than this before the day of the summary are taken for dates of birth. */
    static final int RECENT_YEARS = 2;

    // Detectors run on the folded text (lower case, ASCII digits), in this order; earlier ones win.
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern NHS = Pattern.compile("(?<![\\d-])\\d{3}([ -]?)\\d{3}\\1\\d{4}(?![\\d-])");
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");
    private static final Pattern DAY_NAMED_MONTH = Pattern.compile("(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?"
            + " (?:of )?(" + MONTHS + ")\\.?,? (\\d{4})(?!\\d)");
    private static final Pattern NAMED_MONTH_DAY = Pattern.compile("(?<![\\p{L}\\p{N}])(" + MONTHS + ")\\.? "
            + "(\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\d)");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:gir ?0aa|[a-z]{1,2}\\d[a-z\\d]? ?\\d[a-z]{2})(?![\\p{L}\\p{N}])");
    private static final Pattern REPEATED = Pattern.compile("(\\[[A-Za-z ]+])(\\s+\\1)+");

    private final LocalDate reference;
    /** Folded word → placeholder; the first role given for a word wins, so a client's name stays "[the person]". */
    private final Map<String, String> words = new LinkedHashMap<>();
    private Pattern pattern;

    /** Dates are judged against today (UTC). */
    public Redaction() {
        this(LocalDate.now(ZoneOffset.UTC));
    }

    /** Dates are judged against {@code reference}, e.g. the last day a summary covers, so a compile is repeatable. */
    public Redaction(LocalDate reference) {
        this.reference = reference;
    }

    /** Adds a person: their id, full name and the parts of it, each to become {@code placeholder}. */
    public Redaction person(String id, String displayName, String placeholder) {
        add(id, placeholder);
        if (displayName != null) {
            // Split the folded name, where every space, dash and apostrophe is already one plain character.
            String full = Folding.key(displayName);
            add(full, placeholder);
            for (String token : full.split(" ")) {
                String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                add(word, placeholder);
                for (String part : word.split("[-']+")) {
                    add(part, placeholder);
                }
            }
        }
        return this;
    }

    /**
     * Adds a known address: in full, and each comma-separated part that has a house number or name
     * with a number, with and without that number ("14 Orchard Lane", "Orchard Lane"). A town on its
     * own names nobody, so it stays.
     */
    public Redaction address(String address) {
        if (address == null || address.isBlank()) {
            return this;
        }
        add(address, ADDRESS);
        for (String part : address.split("[,\\n;]+")) {
            String p = part.strip();
            if (p.chars().anyMatch(Character::isDigit)) {
                add(p, ADDRESS);
                String street = p.replaceFirst("^(?:flat|apartment|unit)?\\s*[\\d]+[a-zA-Z]?(?:[-/]\\d+[a-zA-Z]?)?[\\s,]+", "");
                if (street.contains(" ") && !POSTCODE.matcher(Folding.key(street)).matches()) {
                    add(street, ADDRESS);
                }
            }
        }
        return this;
    }

    private void add(String word, String placeholder) {
        String key = word == null ? "" : Folding.key(word).strip();
        if (key.codePointCount(0, key.length()) >= 2) {
            if (words.putIfAbsent(key, placeholder) == null) {
                pattern = null;
            }
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        Folding.Text folded = Folding.of(text);
        String f = folded.folded();
        List<Span> spans = new ArrayList<>();
        claim(spans, EMAIL.matcher(f), m -> CONTACT);
        claim(spans, NHS.matcher(f), m -> NHS_NUMBER);
        claim(spans, DAY_MONTH_YEAR.matcher(f), m -> dateOrKeep(m.group(1), m.group(3), m.group(4)));
        claim(spans, ISO_DATE.matcher(f), m -> dateOrKeep(m.group(3), m.group(2), m.group(1)));
        claim(spans, DAY_NAMED_MONTH.matcher(f), m -> dateOrKeep(m.group(1), month(m.group(2)), m.group(3)));
        claim(spans, NAMED_MONTH_DAY.matcher(f), m -> dateOrKeep(m.group(2), month(m.group(1)), m.group(3)));
        claim(spans, PHONE.matcher(f), m -> CONTACT);
        claim(spans, POSTCODE.matcher(f), m -> ADDRESS);
        if (!words.isEmpty()) {
            claim(spans, words().matcher(f), m -> words.getOrDefault(m.group(1), REDACTED), true);
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span s : spans) {
            int from = folded.originalStart(s.start());
            int to = folded.originalEnd(s.end() - 1);
            out.append(text, at, from).append(s.placeholder() == null ? text.substring(from, to) : s.placeholder());
            at = to;
        }
        out.append(text, at, text.length());
        // "[the person]'s" reads well; "[the person] [the person]" (first and last name apart) does not.
        return REPEATED.matcher(out).replaceAll("$1");
    }

    /** A found span and what replaces it; a null placeholder keeps the original (a recent date, not a phone). */
    private record Span(int start, int end, String placeholder) {
    }

    /** Claims each match that overlaps nothing claimed yet; a later match may take in earlier ones it wholly covers. */
    private static void claim(List<Span> spans, Matcher m, Function<Matcher, String> placeholder) {
        claim(spans, m, placeholder, false);
    }

    private static void claim(List<Span> spans, Matcher m, Function<Matcher, String> placeholder, boolean absorb) {
        int from = 0;
        while (from < m.regionEnd() && m.find(from)) {
            int s = m.start();
            int e = m.end();
            List<Span> overlapping = spans.stream().filter(x -> x.start() < e && s < x.end()).toList();
            boolean covers = overlapping.stream().allMatch(x -> s <= x.start() && x.end() <= e);
            if (overlapping.isEmpty() || absorb && covers) {
                String p = placeholder.apply(m);
                if (!NOT_A_DATE.equals(p)) {
                    spans.removeAll(overlapping);
                    spans.add(new Span(s, e, p));
                    from = e;
                    continue;
                }
            }
            from = s + 1;
        }
    }

    private Pattern words() {
        if (pattern == null) {
            // Longest first, so a full name is replaced once rather than part by part.
            List<String> sorted = new ArrayList<>(words.keySet());
            sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            StringBuilder alternatives = new StringBuilder();
            for (String w : sorted) {
                alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(w));
            }
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])");
        }
        return pattern;
    }

    /** A full date older than {@link #RECENT_YEARS} is redacted; a two-digit year cannot be judged, so it is too. */
    private String dateOrKeep(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year);
            boolean shortYear = year.length() == 2;
            LocalDate date = LocalDate.of(shortYear ? 2000 + y : y, Integer.parseInt(month), Integer.parseInt(day));
            return shortYear || date.isBefore(reference.minusYears(RECENT_YEARS)) ? DATE : null;
        } catch (DateTimeException | NumberFormatException e) {
            return NOT_A_DATE;
        }
    }

    private static String month(String name) {
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < names.length; i++) {
            if (name.startsWith(names[i])) {
                return Integer.toString(i + 1);
            }
        }
        return "0";
    }
}
