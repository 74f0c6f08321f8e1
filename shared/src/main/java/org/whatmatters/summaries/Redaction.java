package org.whatmatters.summaries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes people out of a story's text before a commissioner reads it: every known name (in full and
 * each part of two letters or more) and id becomes a placeholder for the person's role, e.g. "[the
 * person]" or "[a carer]"; e-mail addresses and phone numbers become "[contact]". A name the
 * provider does not hold (a neighbour mentioned in passing) cannot be known here, which is why a
 * story is only shared this way with its author's consent.
 */
public final class Redaction {

    public static final String PERSON = "[the person]";
    public static final String FAMILY = "[a family member]";
    public static final String CARER = "[a carer]";
    public static final String CONTACT = "[contact]";

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");
    /** A date a story may well give ("2026-03-14", "14-03-2026"): shaped like a phone number, but not one. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}-\\d{1,2}-\\d{4}");

    private final Map<String, String> words = new LinkedHashMap<>();
    private Pattern pattern;

    /** Adds a person: their id, full name and the parts of it, each to become {@code placeholder}. */
    public Redaction person(String id, String displayName, String placeholder) {
        add(id, placeholder);
        if (displayName != null) {
            add(displayName.strip(), placeholder);
            for (String part : displayName.split("[\\s]+")) {
                add(part.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", ""), placeholder);
            }
        }
        pattern = null;
        return this;
    }

    private void add(String word, String placeholder) {
        if (word != null && word.length() >= 2) {
            // The first role given for a word wins: a client's name stays "[the person]".
            words.putIfAbsent(word.toLowerCase(Locale.ROOT), placeholder);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = EMAIL.matcher(text).replaceAll(CONTACT);
        out = PHONE.matcher(out).replaceAll(m -> DATE.matcher(m.group()).matches()
                ? Matcher.quoteReplacement(m.group()) : CONTACT);
        if (words.isEmpty()) {
            return out;
        }
        if (pattern == null) {
            // Longest first, so a full name is replaced once rather than part by part.
            List<String> sorted = new ArrayList<>(words.keySet());
            sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            StringBuilder alternatives = new StringBuilder();
            for (String w : sorted) {
                alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(w));
            }
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        Matcher m = pattern.matcher(out);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(result, Matcher.quoteReplacement(words.get(m.group(1).toLowerCase(Locale.ROOT))));
        }
        m.appendTail(result);
        // "[the person]'s" reads well; "[the person] [the person]" (first and last name apart) does not.
        return result.toString().replaceAll("(\\[[a-z ]+])(\\s+\\1)+", "$1");
    }
}
