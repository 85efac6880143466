package io.rampart.core.reports;

import java.util.Locale;

/** How the report reached Rampart. */
public enum ReportSource {
    FOLDER, FORWARD, ADMIN;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportSource parse(String value) {
        for (ReportSource source : values()) {
            if (source.asString().equalsIgnoreCase(value.trim())) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown report source '" + value + "' (folder, forward or admin)");
    }
}
