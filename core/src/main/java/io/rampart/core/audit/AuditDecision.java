package io.rampart.core.audit;

import java.util.Locale;

/** An admin's (or the expiry's) decision on held mail: deliver it or drop it. */
public enum AuditDecision {
    APPROVE, REJECT;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public AuditStatus status() {
        return this == APPROVE ? AuditStatus.APPROVED : AuditStatus.REJECTED;
    }

    public static AuditDecision parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (AuditDecision decision : values()) {
            if (decision.name().equals(normalized)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an audit decision; expected approve or reject");
    }
}
