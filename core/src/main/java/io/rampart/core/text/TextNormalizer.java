package io.rampart.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form keywords and texts are compared in: NFKC (full-width letters become ASCII), lower case,
 * invisible characters removed, whitespace runs collapsed to one space, and no space next to a CJK
 * character, so {@code 财 务 部}, {@code 财务部} and {@code IT 支持} / {@code IT支持} compare equal
 * without relying on spaces.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                char previous = out.charAt(out.length() - 1);
                if (!isCjk(previous) && !isCjk(c)) {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Han, kana, Hangul and CJK punctuation: scripts written without spaces between words. */
    public static boolean isCjk(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
            || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
            || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
            || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
            || block == Character.UnicodeBlock.HIRAGANA
            || block == Character.UnicodeBlock.KATAKANA
            || block == Character.UnicodeBlock.HANGUL_SYLLABLES
            || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
            || Character.isSurrogate(c);
    }

    /** A letter or digit of a space-separated script: matches of Latin words must not cut one. */
    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !isCjk(c);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }
}
