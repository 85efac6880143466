package io.rampart.core.text;

import java.text.Normalizer;

/**
 * The form keywords and texts are compared in: NFKC (full-width letters become ASCII), lower case,
 * invisible characters removed, whitespace runs collapsed to one space, and no space next to a CJK
 * character, so {@code 财 务 部}, {@code 财务部} and {@code IT 支持} / {@code IT支持} compare equal
 * without relying on spaces.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /**
     * Styled letters read as the plain ones they show: mathematical bold, italic and script alphanumerics
     * ("𝗩𝗲𝗿𝗶𝗳𝘆 𝘆𝗼𝘂𝗿 𝗮𝗰𝗰𝗼𝘂𝗻𝘁") and fullwidth ASCII, which spam writes so that word filters do not read them. Only
     * those: full NFKC would also turn "™" into "TM" and "①" into "1" where the text is shown or judged as written.
     * Soft hyphens and zero-width characters are dropped ("Ver\u00adify" reads "Verify": the reader sees no break).
     * Returns {@code text} itself when it has none (the common case costs one scan).
     */
    public static String unstyled(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\ud835' || c >= '\uff01' && c <= '\uff5e' || isInvisible(c)) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(text, 0, i);
        text.codePoints().skip(text.codePointCount(0, i)).forEach(c -> {
            if (c < 0x10000 && isInvisible((char) c)) {
                return; // a soft hyphen or zero-width character inside a word: the reader sees the word whole
            }
            if (isMathematicalLetter(c) || c >= 0xFF01 && c <= 0xFF5E) {
                out.append(Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Mathematical alphanumeric symbols (U+1D400 to U+1D7FF): bold, italic, script and other styled letters and digits. */
    public static boolean isMathematicalLetter(int codePoint) {
        return codePoint >= 0x1D400 && codePoint <= 0x1D7FF;
    }

    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c > 127 && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
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
            // char-wise lower case: length-preserving, the same for keywords and texts
            out.append(c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Han, kana, Hangul and CJK punctuation: scripts written without spaces between words. */
    public static boolean isCjk(char c) {
        return c >= '\u2e80' && (c <= '\u9fff'              // radicals, CJK symbols and punctuation, kana, ext. A, unified
            || c >= '\uac00' && c <= '\ud7af'                // Hangul syllables
            || c >= '\ud800' && c <= '\udfff'                // surrogates (ext. B and beyond)
            || c >= '\uf900' && c <= '\ufaff'                // compatibility ideographs
            || c >= '\uff00' && c <= '\uffef');              // half-width and full-width forms
    }

    /** A letter or digit of a space-separated script: matches of Latin words must not cut one. */
    public static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c) && !isCjk(c);
    }

    /** Zero-width spaces and joiners, the word joiner, the BOM and the soft hyphen: removed before comparing. */
    static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }
}
