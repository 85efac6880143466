package io.rampart.core.audit;

import java.util.Locale;

public enum AuditStatus {
    HELD, APPROVED, REJECTED;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditStatus parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (AuditStatus status : values()) {
            if (status.name().equals(normalized)) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an audit status; expected held, approved or rejected");
    }
}
