package io.rampart.core.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where keywords and regular expressions look. */
public enum MatchField {
    SUBJECT("subject"), BODY("body"), ATTACHMENT_NAME("attachmentName");

    private final String key;

    MatchField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static MatchField parse(String value) {
        for (MatchField field : values()) {
            if (field.key.equalsIgnoreCase(value.trim())) {
                return field;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a match field; expected "
            + Arrays.stream(values()).map(MatchField::key).collect(Collectors.joining(", ")));
    }
}
