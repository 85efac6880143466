package io.rampart.core.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Direction of a mail relative to the organisation's domains. */
public enum Flow {
    /** From outside (not authenticated, not a trusted network) to local recipients. */
    INBOUND,
    /** From a local authenticated sender to remote recipients. */
    OUTBOUND,
    /** From a local authenticated sender to local recipients. */
    INTERNAL;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Flow parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Flow flow : values()) {
            if (flow.name().equals(normalized)) {
                return flow;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a flow; expected one of "
            + Arrays.stream(values()).map(Flow::asString).collect(Collectors.joining(", ")));
    }
}
