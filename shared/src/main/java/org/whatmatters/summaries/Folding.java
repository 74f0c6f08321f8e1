package org.whatmatters.summaries;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one normalisation redaction compares names and text under, applied the same way to both:
 * NFKC, then a full case fold (upper then lower case twice, one code point at a time, so "ß" and "ẞ"
 * are "ss", "ſ" is "s", "İ" and "ı" are "i", and no context rule such as Greek final sigma applies),
 * then accents and invisible characters (zero-width spaces, direction marks, soft hyphens, Hangul
 * fillers) are dropped, the usual look-alikes read as the Latin letter they pass for (Cyrillic "о",
 * small capital "ᴏ", "ø", "ł"), apostrophes and dashes become ' and -, and each run of white space
 * one space. A symbol that NFKC spells with letters or digits ("™", "¹", "½") stays apart from the
 * word beside it, as it looks.
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
            String original = text.substring(i, j);
            String unit = Normalizer.normalize(original, Normalizer.Form.NFKC);
            boolean apart = !unit.equals(original) && standsApart(text.codePointAt(i));
            if (apart) {
                starts = grown(starts, out.length());
                ends = grown(ends, out.length());
                space(out, starts, ends, i, j);
            }
            for (int k = 0; k < unit.length(); k += Character.charCount(unit.codePointAt(k))) {
                String folded = fold(unit.codePointAt(k));
                for (int m = 0; m < folded.length(); m += Character.charCount(folded.codePointAt(m))) {
                    int c = folded.codePointAt(m);
                    if (isMark(c) || Character.getType(c) == Character.FORMAT || IGNORABLE.indexOf(c) >= 0) {
                        continue;
                    }
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                        starts = grown(starts, out.length());
                        ends = grown(ends, out.length());
                        space(out, starts, ends, i, j);
                        continue;
                    }
                    String plain = LOOK_ALIKES.getOrDefault(c, Character.toString(canonical(c)));
                    for (char ch : plain.toCharArray()) {
                        starts = grown(starts, out.length());
                        ends = grown(ends, out.length());
                        starts[out.length()] = i;
                        ends[out.length()] = j;
                        out.append(ch);
                    }
                }
            }
            if (apart) {
                starts = grown(starts, out.length());
                ends = grown(ends, out.length());
                space(out, starts, ends, i, j);
            }
            i = j;
        }
        return new Text(out.toString(), starts, ends);
    }

    private static int[] grown(int[] a, int needed) {
        return needed < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** One space for a run of white space: a second one only widens the first's original range. */
    private static void space(StringBuilder out, int[] starts, int[] ends, int i, int j) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            ends[out.length() - 1] = j;
            return;
        }
        starts[out.length()] = i;
        ends[out.length()] = j;
        out.append(' ');
    }

    /**
     * A character that is not itself a letter or digit (a superscript, "™", "℅", "½", a circled number)
     * or an ordinal indicator, but that NFKC spells with letters or digits.
     */
    private static boolean standsApart(int c) {
        int t = Character.getType(c);
        boolean letterOrDigit = t == Character.UPPERCASE_LETTER || t == Character.LOWERCASE_LETTER
                || t == Character.TITLECASE_LETTER || t == Character.OTHER_LETTER || t == Character.DECIMAL_DIGIT_NUMBER;
        return !letterOrDigit || c == 'ª' || c == 'º';
    }

    /** Upper then lower case, twice ("ẞ" lowers to "ß", which uppers to "SS"), then decomposed, so that the accents can be left out. */
    private static String fold(int codePoint) {
        String s = new String(Character.toChars(codePoint)).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    /** Letters that show nothing (Hangul fillers, Braille blank), dropped like the invisible format characters. */
    private static final String IGNORABLE = "\u115F\u1160\u3164\uFFA0\u2800\u034F";

    /**
     * After folding: the letters that pass for a Latin one in a name (Cyrillic and Greek look-alikes,
     * small capitals, letters with a stroke), read as it. Applied to names and text alike, so a name
     * written in Cyrillic still matches itself.
     */
    private static final Map<Integer, String> LOOK_ALIKES = lookAlikes(
            "аa вb еe кk мm нh оo рp сc тt уy хx ѕs іi јj ԁd һh ӏl ԛq ԝw ъb ьb",
            "αa βb εe ιi κk νv οo ρp τt υu χx",
            "ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz",
            "øo łl đd ħh ŧt ƀb ɨi ƶz ȼc ɇe ɉj ꝁk ɍr ʉu ɏy");

    private static Map<Integer, String> lookAlikes(String... groups) {
        Map<Integer, String> m = new HashMap<>();
        for (String g : groups) {
            for (String pair : g.split(" ")) {
                m.put(pair.codePointAt(0), pair.substring(Character.charCount(pair.codePointAt(0))));
            }
        }
        m.put((int) 'æ', "ae");
        m.put((int) 'œ', "oe");
        return Map.copyOf(m);
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static int canonical(int c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u02BC', '\u02B9', '\u02BB', '\u02BD', '\uA78B', '\uA78C', '`',
                 '\u00B4', '\u2032' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\u30FC',
                 '\u2043' -> '-';
            default -> c;
        };
    }
}
