package io.rampart.core.text;

import java.util.Optional;

/**
 * A cheap necessary condition for a regular expression: the longest literal every match must
 * contain (found conservatively: none when the pattern alternates at top level). When the folded
 * text lacks it, the regular expression cannot match and need not run.
 */
public final class RegexPrefilter {
    private RegexPrefilter() {
    }

    /** The longest literal every match contains, case-folded with {@link #fold(String)}; empty when unknown. */
    public static Optional<String> requiredLiteral(String pattern) {
        if (pattern.matches("(?s).*\\(\\?[a-zA-Z-]*x.*")) {
            return Optional.empty(); // comments mode: white space in the pattern is not literal
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    return Optional.empty();
                }
                char next = pattern.charAt(i + 1);
                if (depth == 0 && !Character.isLetterOrDigit(next)) {
                    run.append(next);
                } else if (depth == 0) {
                    if ("QxuckN".indexOf(next) >= 0 || Character.isDigit(next)) {
                        // quoting, numeric escapes and back references: too clever to prefilter
                        return Optional.empty();
                    }
                    best = longer(best, run);
                    run.setLength(0);
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                best = longer(best, run);
                run.setLength(0);
                i = skipClass(pattern, i);
                if (i < 0) {
                    return Optional.empty();
                }
                continue;
            }
            if (c == '(') {
                if (depth == 0) {
                    best = longer(best, run);
                    run.setLength(0);
                }
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    return Optional.empty();
                }
            } else if (c == '|') {
                if (depth == 0) {
                    return Optional.empty();
                }
            } else if (depth == 0) {
                if (c == '*' || c == '?' || c == '+' || c == '{') {
                    // the quantified atom may be absent (or repeated): drop it and end the run
                    if (run.length() > 0) {
                        run.setLength(run.length() - 1);
                    }
                    best = longer(best, run);
                    run.setLength(0);
                    if (c == '{') {
                        int close = pattern.indexOf('}', i);
                        if (close < 0) {
                            return Optional.empty();
                        }
                        i = close;
                    }
                } else if (c == '.' || c == '^' || c == '$') {
                    best = longer(best, run);
                    run.setLength(0);
                } else {
                    run.append(c);
                }
            }
            i++;
        }
        best = longer(best, run);
        return best.isEmpty() ? Optional.empty() : Optional.of(fold(best));
    }

    /** Case folding that never changes length: a match ignoring case implies equality after folding. */
    public static String fold(String text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = text.charAt(i);
            chars[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(chars);
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    private static int skipClass(String pattern, int open) {
        int i = open + 1;
        int nesting = 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                nesting++;
            } else if (c == ']') {
                nesting--;
                if (nesting == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }
}
