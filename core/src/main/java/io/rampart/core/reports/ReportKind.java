package io.rampart.core.reports;

import java.util.Locale;

/** What the reporter says about the message. */
public enum ReportKind {
    /** Moved into the report folder, forwarded to the report address, or reported by an admin. */
    PHISH,
    /** Moved into Junk. */
    JUNK,
    /** Moved out of Junk (not into Trash). */
    NOT_JUNK;

    public String asString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean unwanted() {
        return this != NOT_JUNK;
    }

    public static ReportKind parse(String value) {
        for (ReportKind kind : values()) {
            if (kind.asString().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown report kind '" + value + "' (phish, junk or not-junk)");
    }
}
