package org.whatmatters.summaries;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Generated names, each written in Unicode variants (case, folding twins, combining accents, NFKC
 * compatibility forms, invisible characters) and with punctuation, inside generated sentences: every
 * name is redacted, and redaction never throws. Seeded, so a failure names the case that repeats it.
 */
class RedactionPropertyTest {

    private static final int CASES = 3000;
    private static final String[] ONSETS = {"b", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
            "sh", "st", "fi", "ff", "ss", "kr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ia", "ei"};
    private static final String[] FILLER = {"went", "out", "to", "the", "market", "with", "and", "laughed", "a",
            "lot", "about", "her", "garden", "on", "tuesday", "we", "made", "tea", "together", "after", "lunch"};
    private static final String[] WRAPS = {"%s", "\"%s\"", "(%s)", "%s's", "%s’s", "%s,", "%s.", "—%s—", "«%s»", "%s!",
            "%s™", "%s¹", "ª%s", "%s½", "%s@"};

    @Test
    void everyGeneratedNameIsRedactedInEverySpelling() {
        for (int seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            String first = capitalise(word(random));
            String last = capitalise(word(random));
            String held = switch (random.nextInt(4)) {
                case 0 -> first + " " + last;
                case 1 -> first + "-" + capitalise(word(random)) + " " + last;
                case 2 -> first + " O'" + last;
                default -> first + " " + last + "-" + capitalise(word(random));
            };
            // The name as the provider holds it may itself be in a variant spelling.
            String stored = random.nextInt(5) == 0 ? variant(random, held) : held;
            Redaction r = new Redaction(LocalDate.of(2026, 11, 30)).person("c-" + seed, stored, Redaction.PERSON);

            List<String> words = new ArrayList<>();
            for (String part : held.split("[ '-]")) {
                if (part.length() >= 2) {
                    words.add(part);
                }
            }
            String written = switch (random.nextInt(3)) {
                case 0 -> held;
                case 1 -> words.get(random.nextInt(words.size()));
                default -> words.getFirst() + " " + words.getLast();
            };
            String text = sentence(random, String.format(WRAPS[random.nextInt(WRAPS.length)], variant(random, written)));
            String context = "seed " + seed + ": held as '" + stored + "', text '" + text + "'";

            String out = assertDoesNotThrow(() -> r.redact(text), context);
            assertTrue(out.contains(Redaction.PERSON), context + " -> " + out);
            String folded = Folding.key(out);
            for (String w : words) {
                Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(Folding.key(w)) + "(?![\\p{L}\\p{N}])");
                assertFalse(whole.matcher(folded).find(), context + " -> " + out + " still names " + w);
            }
        }
    }

    @Test
    void neverThrowsOnArbitraryText() {
        Redaction r = new Redaction(LocalDate.of(2026, 11, 30)).person("c-1", "Rosa Martin", Redaction.PERSON)
                .person("w-1", "Ben O'Neill-Okafor", Redaction.CARER).address("14 Orchard Lane, Leeds LS6 2AB");
        for (int seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                int cp = switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x300 + random.nextInt(0x70);           // combining marks
                    case 2 -> 0x2000 + random.nextInt(0x70);          // spaces, dashes, format characters
                    case 3 -> 0xFF00 + random.nextInt(0xF0);          // full-width forms
                    case 4 -> random.nextInt(0x30000);                // anything, surrogates and all
                    default -> "RosaMartin O'Neill-14/03/1941 943 476 5919".charAt(random.nextInt(42));
                };
                if (Character.isValidCodePoint(cp)) {
                    text.appendCodePoint(cp);
                } else {
                    text.append((char) random.nextInt(0x10000));
                }
            }
            String t = text.toString();
            assertDoesNotThrow(() -> r.redact(t), "seed " + seed);
        }
    }

    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return w.toString();
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String sentence(Random random, String name) {
        List<String> words = new ArrayList<>();
        int n = 3 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            words.add(FILLER[random.nextInt(FILLER.length)]);
        }
        words.add(random.nextInt(words.size() + 1), name);
        return String.join(random.nextBoolean() ? " " : "  ", words);
    }

    /** One or more of the spellings a reader would take for the same name. */
    static String variant(Random random, String name) {
        List<UnaryOperator<String>> ways = List.of(
                s -> s.toUpperCase(Locale.ROOT),
                s -> s.toLowerCase(Locale.ROOT),
                s -> mixedCase(random, s),
                s -> s.replace("s", "ſ"),                                   // long s
                s -> s.replace("i", "ı"),                                   // dotless i
                s -> s.replace("I", "İ").replace("i", "İ"),                 // dotted capital I
                s -> s.replace("k", "\u212A"),                              // Kelvin sign
                s -> s.replace("ss", "ß"),
                s -> accents(random, s),                                    // combining accents
                s -> Normalizer.normalize(accents(random, s), Normalizer.Form.NFC),
                s -> fullWidth(s),                                          // NFKC compatibility forms
                s -> s.replace("fi", "ﬁ").replace("ff", "ﬀ"),               // ligatures
                s -> mathBold(s),
                s -> s.replace("'", "’"),
                s -> s.replace("-", "‐"),
                s -> insert(s, 2, "\u200B"),                                 // zero-width space
                s -> "\u200F" + s + "\u200E",                               // direction marks
                s -> s.replace("a", "а").replace("o", "о").replace("e", "е"), // Cyrillic look-alikes
                s -> s.replace("SS", "ẞ").replace("ss", "ẞ"),               // capital sharp s
                s -> s.replace("'", "ʻ"),                                   // an apostrophe that is a letter
                s -> insert(s, 1, "\u3164"));                                // a Hangul filler
        String out = name;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out = ways.get(random.nextInt(ways.size())).apply(out);
        }
        return out;
    }

    /** {@code what} after the n-th code point (never inside a surrogate pair). */
    private static String insert(String s, int n, String what) {
        if (s.codePointCount(0, s.length()) <= n + 1) {
            return s;
        }
        int at = s.offsetByCodePoints(0, n);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String mixedCase(Random random, String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(random.nextBoolean() ? Character.toUpperCase(c)
                : Character.toLowerCase(c)));
        return b.toString();
    }

    private static String accents(Random random, String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c);
            if ("aeiouAEIOU".indexOf(c) >= 0) {
                b.append("\u0301\u0308\u0300\u0302".charAt(random.nextInt(4)));
            }
        }
        return b.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c - '!' + 0xFF01) : c);
        }
        return b.toString();
    }

    private static String mathBold(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                b.appendCodePoint(0x1D41A + c - 'a');
            } else if (c >= 'A' && c <= 'Z') {
                b.appendCodePoint(0x1D400 + c - 'A');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
