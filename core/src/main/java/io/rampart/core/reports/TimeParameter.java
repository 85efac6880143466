package io.rampart.core.reports;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants in filters ({@code 2026-11-26T10:00:00Z}). */
public final class TimeParameter {
    private TimeParameter() {
    }

    /** @throws IllegalArgumentException naming the parameter and value */
    public static Instant parse(String name, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got '"
                + value + "'");
        }
    }
}
