package io.rampart.core.limits;

import java.time.Duration;
import java.util.Optional;

/** One send limit: its JSON/config name and its sliding window (none for per-message limits). */
public enum Limit {
    EXTERNAL_RECIPIENTS_PER_HOUR("externalRecipientsPerHour", Duration.ofHours(1)),
    INTERNAL_RECIPIENTS_PER_HOUR("internalRecipientsPerHour", Duration.ofHours(1)),
    RECIPIENTS_PER_DAY("recipientsPerDay", Duration.ofDays(1)),
    MESSAGES_PER_MINUTE("messagesPerMinute", Duration.ofMinutes(1)),
    RECIPIENTS_PER_MESSAGE("recipientsPerMessage", null);

    private final String key;
    private final Optional<Duration> window;

    Limit(String key, Duration window) {
        this.key = key;
        this.window = Optional.ofNullable(window);
    }

    /** The name in JSON, in {@code rampart.properties} and in alerts, e.g. {@code externalRecipientsPerHour}. */
    public String key() {
        return key;
    }

    public Optional<Duration> window() {
        return window;
    }
}
