package io.rampart.core.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What became of a mail for one recipient, as the message trace shows it. */
public enum DeliveryOutcome {
    DELIVERED,
    JUNK,
    QUARANTINED,
    HELD,
    DROPPED,
    BLOCKED,
    RECALLED,
    RESTORED;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a copy is (or was, before a recall) in the recipient's mailbox. */
    public boolean reachedMailbox() {
        return this == DELIVERED || this == JUNK || this == RECALLED || this == RESTORED;
    }

    /** The outcome of Rampart's act step ({@code deliver|junk|quarantine|hold|drop}). */
    public static DeliveryOutcome fromAction(String action) {
        switch (action.toLowerCase(Locale.ROOT)) {
            case "deliver":
                return DELIVERED;
            case "junk":
                return JUNK;
            case "quarantine":
                return QUARANTINED;
            case "hold":
                return HELD;
            case "drop":
                return DROPPED;
            default:
                return parse(action);
        }
    }

    public static DeliveryOutcome parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (DeliveryOutcome outcome : values()) {
            if (outcome.name().equals(normalized)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a delivery outcome; expected one of "
            + Arrays.stream(values()).map(DeliveryOutcome::asString).collect(Collectors.joining(", ")));
    }
}
