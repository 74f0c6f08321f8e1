package org.whatmatters.summaries;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one normalisation redaction compares names and text under, applied the same way to both:
 * NFKC, then a full case fold (upper then lower case, one code point at a time, so "ß" is "ss", "ſ"
 * is "s", "İ" and "ı" are "i", and no context rule such as Greek final sigma applies), then accents
 * and invisible format characters (zero-width spaces, direction marks, soft hyphens) are dropped,
 * apostrophes and dashes become ' and -, and each run of white space one space.
 *
 * <p>The text is folded one unit at a time (a character with the accents that follow it), and each
 * folded character remembers the unit it came from, so a match in the folded text maps back to
 * whole characters of the original.
 */
final class Folding {

    /** Folded text, and for each of its chars the original range [start, end) it came from. */
    record Text(String folded, int[] starts, int[] ends) {

        int originalStart(int foldedIndex) {
            return starts[foldedIndex];
        }

        int originalEnd(int foldedIndex) {
            return ends[foldedIndex];
        }
    }

    private Folding() {
    }

    /** A name or word as redaction compares it. */
    static String key(String s) {
        return of(s).folded().strip();
    }

    static Text of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() * 2 + 8];
        int[] ends = new int[starts.length];
        int i = 0;
        while (i < text.length()) {
            int j = i + Character.charCount(text.codePointAt(i));
            while (j < text.length() && isMark(text.codePointAt(j))) {
                j += Character.charCount(text.codePointAt(j));
            }
            String unit = Normalizer.normalize(text.substring(i, j), Normalizer.Form.NFKC);
            for (int k = 0; k < unit.length(); k += Character.charCount(unit.codePointAt(k))) {
                String folded = fold(unit.codePointAt(k));
                for (int m = 0; m < folded.length(); m += Character.charCount(folded.codePointAt(m))) {
                    int c = folded.codePointAt(m);
                    if (isMark(c) || Character.getType(c) == Character.FORMAT) {
                        continue;
                    }
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                            ends[out.length() - 1] = j;
                            continue;
                        }
                        c = ' ';
                    }
                    for (char ch : Character.toChars(canonical(c))) {
                        if (out.length() == starts.length) {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                            ends = Arrays.copyOf(ends, ends.length * 2);
                        }
                        starts[out.length()] = i;
                        ends[out.length()] = j;
                        out.append(ch);
                    }
                }
            }
            i = j;
        }
        return new Text(out.toString(), starts, ends);
    }

    /** Upper then lower case, then decomposed, so that the accents can be left out. */
    private static String fold(int codePoint) {
        String s = new String(Character.toChars(codePoint)).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static int canonical(int c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u02BC', '\u02B9', '`', '\u00B4', '\u2032' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63' -> '-';
            default -> c;
        };
    }
}
