package io.rampart.core.limits;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a breached send limit or an abnormal-sending rule does, in increasing severity: alert the
 * security mailbox only; also hold the mail for audit; also block the sender (later mail refused at
 * MAIL FROM) until an admin lifts it or the block expires.
 */
public enum LimitAction {
    ALERT, HOLD, BLOCK;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean holdsMail() {
        return this != ALERT;
    }

    public LimitAction atLeast(LimitAction other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static LimitAction parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (LimitAction action : values()) {
            if (action.name().equals(normalized)) {
                return action;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a limit action; expected one of "
            + Arrays.stream(values()).map(LimitAction::asString).collect(Collectors.joining(", ")));
    }
}
