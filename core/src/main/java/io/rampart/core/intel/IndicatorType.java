package io.rampart.core.intel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an indicator names. */
public enum IndicatorType {
    URL("url"), DOMAIN("domain"), SHA256("sha256"), SENDER("sender"), MESSAGE_ID("messageId");

    private final String value;

    IndicatorType(String value) {
        this.value = value;
    }

    public String asString() {
        return value;
    }

    public static IndicatorType parse(String value) {
        for (IndicatorType type : values()) {
            if (type.value.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("'type' must be one of "
            + Arrays.stream(values()).map(IndicatorType::asString).collect(Collectors.joining(", "))
            + ", got '" + value + "'");
    }

    /** Lower-case except for the parts of URLs and Message-IDs that are case-sensitive. */
    public String normalize(String raw) {
        String trimmed = raw.trim();
        switch (this) {
            case URL:
                return io.rampart.core.recall.RecallCriteria.normalizeUrl(trimmed);
            case MESSAGE_ID:
                return io.rampart.core.ledger.LedgerEntry.normalizeMessageId(trimmed);
            default:
                return trimmed.toLowerCase(Locale.ROOT);
        }
    }
}
