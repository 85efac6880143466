package io.rampart.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a matching policy rule does. {@code allow} wins over every other rule of the flow; among the
 * others the most severe decides ({@code reject > quarantine > hold > junk > tag}); {@code notify}
 * only mails the security mailbox and combines with any of them.
 */
public enum PolicyAction {
    ALLOW(0), NOTIFY(0), TAG(1), JUNK(2), HOLD(3), QUARANTINE(4), REJECT(5);

    private final int severity;

    PolicyAction(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PolicyAction parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (PolicyAction action : values()) {
            if (action.name().equals(normalized)) {
                return action;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a policy action; expected one of "
            + Arrays.stream(values()).map(PolicyAction::asString).collect(Collectors.joining(", ")));
    }
}
