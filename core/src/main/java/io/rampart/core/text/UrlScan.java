package io.rampart.core.text;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a URL regular expression only where a URL can start. Every URL pattern Rampart uses needs a
 * {@code //} within {@link #MAX_SCHEME} characters of its start, or starts with {@code www}; Java's
 * regex engine would otherwise try the pattern at every character of a long text (URL search was a
 * fifth of the engine's time inside James). Matches are exactly those of {@link Matcher#find()}: the
 * skipped stretches cannot hold a match start, and transparent bounds keep {@code \b} seeing the text
 * before a jump.
 */
public final class UrlScan {
    /** The longest scheme with its defanged separator before the {@code //}: {@code hxxps[:]//}. */
    public static final int MAX_SCHEME = 8;

    private UrlScan() {
    }

    /** Calls {@code onMatch} for every match of {@code pattern} in order, until it returns false. */
    public static void findAll(Pattern pattern, String text, Predicate<Matcher> onMatch) {
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (from <= text.length()) {
            int candidate = nextCandidate(text, from);
            if (candidate < 0) {
                return;
            }
            matcher.region(candidate, text.length());
            if (!matcher.find()) {
                return;
            }
            if (!onMatch.test(matcher)) {
                return;
            }
            from = Math.max(matcher.end(), matcher.start() + 1);
        }
    }

    /** {@code pattern}'s matches replaced by {@code replacement} (a literal). */
    public static String replaceAll(Pattern pattern, String text, String replacement) {
        StringBuilder out = new StringBuilder(text.length());
        int[] copied = {0};
        findAll(pattern, text, matcher -> {
            out.append(text, copied[0], matcher.start()).append(replacement);
            copied[0] = matcher.end();
            return true;
        });
        if (copied[0] == 0 && out.length() == 0) {
            return text; // no match: no copy
        }
        return out.append(text, copied[0], text.length()).toString();
    }

    private static int nextCandidate(String text, int from) {
        int slashes = text.indexOf("//", from);
        int www = indexOfWww(text, from);
        int best = -1;
        if (slashes >= 0) {
            best = Math.max(from, slashes - MAX_SCHEME);
        }
        if (www >= 0 && (best < 0 || www < best)) {
            best = www;
        }
        return best;
    }

    private static int indexOfWww(String text, int from) {
        for (int i = Math.max(0, from); i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'w' || c == 'W') && (text.charAt(i + 1) | 0x20) == 'w' && (text.charAt(i + 2) | 0x20) == 'w') {
                return i;
            }
        }
        return -1;
    }
}
