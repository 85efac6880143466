package io.rampart.core.reports;

import java.util.Locale;

/** Where a report is in triage. */
public enum ReportStatus {
    NEW, CONFIRMED, DISMISSED;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportStatus parse(String value) {
        for (ReportStatus status : values()) {
            if (status.asString().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown report status '" + value + "' (new, confirmed or dismissed)");
    }
}
