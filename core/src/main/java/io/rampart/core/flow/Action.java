package io.rampart.core.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What Rampart does with a mail once its verdict is known. */
public enum Action {
    /** Deliver (or relay) with the X-Rampart-* headers. */
    DELIVER,
    /** Deliver into the recipient's Junk folder (local recipients only). */
    JUNK,
    /** Keep in the quarantine mail repository for admin review. */
    QUARANTINE,
    /** Keep in the audit-hold repository until an admin approves or rejects. */
    HOLD,
    /** Drop the mail and send a notice (sender for outbound/internal, security mailbox for inbound). */
    DROP;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Action action : values()) {
            if (action.name().equals(normalized)) {
                return action;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an action; expected one of "
            + Arrays.stream(values()).map(Action::asString).collect(Collectors.joining(", ")));
    }
}
