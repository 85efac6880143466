package io.rampart.core.verdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The class of a verdict, in increasing order of severity (ordinal order matters). */
public enum VerdictClass {
    CLEAN,
    SPAM,
    POLICY,
    PHISH,
    MALWARE;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFlagged() {
        return this != CLEAN;
    }

    public static VerdictClass parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (VerdictClass verdictClass : values()) {
            if (verdictClass.name().equals(normalized)) {
                return verdictClass;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a verdict class; expected one of "
            + Arrays.stream(values()).map(VerdictClass::asString).collect(Collectors.joining(", ")));
    }
}
