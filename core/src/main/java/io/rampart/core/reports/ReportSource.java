package io.rampart.core.reports;

import java.util.Locale;

/** How the report reached Rampart. */
public enum ReportSource {
    FOLDER, FORWARD, ADMIN;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
