package org.whatmatters.summaries;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> PLACEHOLDERS = Set.of("[the person]", "[a family member]",
            "[a carer]", "[contact]", "[address]", "[date]", "[NHS number]", "[redacted]");
    /** Never used for a known word, which always has its own: a last guard so no lookup is ever empty. */
    static final String REDACTED = "[redacted]";
    /** What a detector answers for a match it leaves to the others (digits that are no old date). */
    private static final String PASS = "\u0000";
    private static final Pattern ANY_DATE = Pattern.compile("\\d{1,2}([/.-])\\d{1,2}\\1(\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2}");

    /** Dates older than this before the day of the summary are taken for dates of birth. */
    static final int RECENT_YEARS = 2;

    // Detectors run on the folded text (lower case, ASCII digits), in this order; earlier ones win.
    // No repeated groups anywhere: Java's regex recurses on each repetition of a group, and a long address
    // would overflow the stack; character classes repeat without recursing.
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]*[\\w-]");
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
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])\\+?\\d[\\d ()-]{6,}\\d(?!\\d)");
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:gir ?0aa|[a-z]{1,2}\\d[a-z\\d]? ?\\d[a-z]{2})(?![\\p{L}\\p{N}])");

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
        // A recent date is no phone number: it stays, and names beside it are still found.
        claim(spans, PHONE.matcher(f), m -> ANY_DATE.matcher(m.group()).matches() ? PASS : CONTACT);
        claim(spans, POSTCODE.matcher(f), m -> ADDRESS);
        if (!words.isEmpty()) {
            claim(spans, words().matcher(f), m -> words.getOrDefault(m.group(1), REDACTED), true);
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span s : spans) {
            // One original character may fold to several ("½" is "1⁄2"): two spans can share it.
            int from = Math.max(at, folded.originalStart(s.start()));
            int to = folded.originalEnd(s.end() - 1);
            if (to <= at) {
                continue;
            }
            out.append(text, at, from).append(s.placeholder());
            at = to;
        }
        out.append(text, at, text.length());
        return withoutRepeats(out.toString());
    }

    /** "[the person]'s" reads well; "[the person] [the person]" (first and last name apart) does not. */
    private static String withoutRepeats(String text) {
        StringBuilder out = new StringBuilder();
        String last = null;
        int i = 0;
        while (true) {
            int open = text.indexOf('[', i);
            int close = open < 0 ? -1 : text.indexOf(']', open);
            if (close < 0) {
                return out.append(text, i, text.length()).toString();
            }
            String between = text.substring(i, open);
            String bracketed = text.substring(open, close + 1);
            boolean repeat = bracketed.equals(last) && !between.isEmpty() && between.isBlank();
            if (!repeat) {
                out.append(between).append(bracketed);
                last = PLACEHOLDERS.contains(bracketed) ? bracketed : null;
            }
            i = close + 1;
        }
    }

    /** A found span and what replaces it. */
    private record Span(int start, int end, String placeholder) {
    }

    /** Claims each match that overlaps nothing claimed yet; a later match may take in earlier ones it wholly covers. */
    private static void claim(List<Span> spans, Matcher m, Function<Matcher, String> placeholder) {
        claim(spans, m, placeholder, false);
    }

    private static void claim(List<Span> spans, Matcher m, Function<Matcher, String> placeholder, boolean absorb) {
        int length = m.regionEnd();
        m.useTransparentBounds(true);
        int from = 0;
        while (from < length && m.find(from)) {
            int s = m.start();
            int e = m.end();
            List<Span> overlapping = spans.stream().filter(x -> x.start() < e && s < x.end()).toList();
            boolean covers = overlapping.stream().allMatch(x -> s <= x.start() && x.end() <= e);
            if (overlapping.isEmpty() || absorb && covers) {
                String p = placeholder.apply(m);
                if (!PASS.equals(p)) {
                    spans.removeAll(overlapping);
                    spans.add(new Span(s, e, p));
                    from = e;
                    continue;
                }
            } else if (absorb) {
                // A shorter word may still fit before what is claimed ("Rosa" of "Rosa May" before "May 14, 1941").
                int cut = overlapping.stream().mapToInt(Span::start).min().orElse(s);
                m.region(s, Math.max(s, cut));
                if (cut > s && m.lookingAt()) {
                    int end = m.end();
                    spans.add(new Span(s, end, placeholder.apply(m)));
                    from = end;
                    continue;
                }
            }
            from = s + 1;
        }
        m.region(0, length);
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

    /**
     * A full date older than {@link #RECENT_YEARS} is redacted; a two-digit year cannot be judged, so it is
     * too. A recent date, or digits that are no date, are left to the other detectors.
     */
    private String dateOrKeep(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year);
            boolean shortYear = year.length() == 2;
            LocalDate date = LocalDate.of(shortYear ? 2000 + y : y, Integer.parseInt(month), Integer.parseInt(day));
            return shortYear || date.isBefore(reference.minusYears(RECENT_YEARS)) ? DATE : PASS;
        } catch (DateTimeException | NumberFormatException e) {
            return PASS;
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
