package io.rampart.core.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instant of a Date header or a Received stamp, read leniently. Written by hand because the JDK's
 * {@code RFC_1123_DATE_TIME} refuses what real headers carry: two-digit years, zone names (EST, PDT),
 * a missing zone, a trailing comment ("(PST)"), a missing weekday or seconds.
 */
public final class MailDates {
    private static final Pattern DATE = Pattern.compile(
        // Possessive separators: a run of spaces cannot be split two ways, so a long one costs linear time.
        "(\\d{1,2})\\s*+-?\\s*+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*+\\.?\\s*+-?\\s*+(\\d{2,4})\\s++"
            + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*+([+-]\\d{4}|[a-z]{1,5}\\b)?",
        Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private MailDates() {
    }

    /** Seconds since 1970 of the first RFC 5322 date in {@code text}; empty when there is none or it is impossible. */
    public static OptionalLong epochSeconds(String text) {
        Matcher matcher = DATE.matcher(text);
        if (!matcher.find()) {
            return OptionalLong.empty();
        }
        int year = Integer.parseInt(matcher.group(3));
        if (matcher.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900; // RFC 5322 4.3
        } else if (matcher.group(3).length() == 3) {
            year += 1900;
        }
        int month = MONTHS.indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) / 3 + 1;
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
            return OptionalLong.of(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds(matcher.group(7)));
        } catch (DateTimeException e) {
            return OptionalLong.empty();
        }
    }

    private static int offsetSeconds(String zone) {
        if (zone == null) {
            return 0;
        }
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            return (zone.charAt(0) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        }
        switch (zone.toUpperCase(Locale.ROOT)) {
            case "EDT":
                return -4 * 3600;
            case "EST":
            case "CDT":
                return -5 * 3600;
            case "CST":
            case "MDT":
                return -6 * 3600;
            case "MST":
            case "PDT":
                return -7 * 3600;
            case "PST":
                return -8 * 3600;
            default:
                return 0; // UT, GMT, Z, military letters and unknown names: RFC 5322 reads them as UTC
        }
    }
}
