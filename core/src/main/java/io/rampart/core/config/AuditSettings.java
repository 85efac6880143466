package io.rampart.core.config;

import java.time.Duration;

import io.rampart.core.audit.AuditDecision;

/**
 * {@code audit.*}: the audit hold. Held mail waits in {@code quarantine.auditRepository} (a James mail
 * repository) for an admin; after {@code audit.expiry} it is approved or rejected by
 * {@code audit.expiryAction}.
 */
public final class AuditSettings {
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(72);
    public static final AuditDecision DEFAULT_EXPIRY_ACTION = AuditDecision.REJECT;

    public static AuditSettings from(ConfigReader reader) {
        Duration expiry = reader.duration("audit.expiry", DEFAULT_EXPIRY);
        if (expiry.compareTo(Duration.ofMinutes(1)) < 0 || expiry.compareTo(Duration.ofDays(365)) > 0) {
            throw reader.error("audit.expiry", reader.optionalString("audit.expiry").orElse(expiry.toString()),
                "a duration between 1m and 365d such as 72h");
        }
        AuditDecision expiryAction = reader.parsed("audit.expiryAction", DEFAULT_EXPIRY_ACTION, AuditDecision::parse,
            "approve or reject");
        return new AuditSettings(expiry, expiryAction);
    }

    public static AuditSettings defaults() {
        return new AuditSettings(DEFAULT_EXPIRY, DEFAULT_EXPIRY_ACTION);
    }

    private final Duration expiry;
    private final AuditDecision expiryAction;
    public AuditSettings(Duration expiry, AuditDecision expiryAction) {
        this.expiry = expiry;
        this.expiryAction = expiryAction;
    }

    public Duration expiry() {
        return expiry;
    }

    public AuditDecision expiryAction() {
        return expiryAction;
    }

}
