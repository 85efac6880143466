package io.rampart.core.message;

import java.util.Locale;

/**
 * What a calendar client shows of an invitation (RFC 5545 {@code .ics}): its title, place, description and link,
 * which Outlook and Gmail show like a message's body. Read as text so that the lure and link rules see an invitation
 * whose lure and link are only in its {@code DESCRIPTION} (calendar phishing since 2024). Written here rather than with
 * ical4j: only five properties are read, and their syntax is a line each (folded lines and four escapes).
 */
public final class CalendarText {
    private static final String[] SHOWN = {"SUMMARY", "LOCATION", "DESCRIPTION", "COMMENT", "URL"};

    private CalendarText() {
    }

    /** The shown properties' values, one per line, unescaped; empty when there are none. */
    public static String shown(String ics) {
        // Unfold: a line that starts with a space or a tab continues the one before (RFC 5545 3.1).
        String unfolded = ics.replace("\r\n", "\n").replace("\r", "\n").replaceAll("\n[ \t]", "");
        StringBuilder out = new StringBuilder();
        for (String line : unfolded.split("\n")) {
            int colon = valueStart(line);
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon);
            int semicolon = name.indexOf(';');
            String property = (semicolon < 0 ? name : name.substring(0, semicolon)).trim().toUpperCase(Locale.ROOT);
            for (String shown : SHOWN) {
                if (property.equals(shown)) {
                    String value = unescape(line.substring(colon + 1)).trim();
                    if (!value.isEmpty()) {
                        out.append(value).append('\n');
                    }
                    break;
                }
            }
        }
        return out.toString();
    }

    /** Where the value starts: the first colon outside a quoted parameter value ({@code CN="Smith: HR"}). */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
