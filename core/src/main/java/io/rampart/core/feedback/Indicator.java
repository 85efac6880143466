package io.rampart.core.feedback;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.base.Preconditions;

/**
 * A local threat indicator learned from confirmed reports: a URL, an attachment SHA-256 or a sender address. Its JSON
 * form is how the state store keeps it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"type", "value"})
public final class Indicator {
    public enum Type {
        URL, SHA256, SENDER;

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type parse(String value) {
            for (Type type : values()) {
                if (type.asString().equalsIgnoreCase(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("Unknown indicator type '" + value + "' (url, sha256 or sender)");
        }
    }

    public static Indicator url(String url) {
        return new Indicator(Type.URL, url);
    }

    public static Indicator sha256(String sha256) {
        return new Indicator(Type.SHA256, sha256);
    }

    public static Indicator sender(String address) {
        return new Indicator(Type.SENDER, address);
    }

    public static Indicator of(Type type, String value) {
        return new Indicator(type, value);
    }

    @JsonCreator
    static Indicator fromJson(@JsonProperty("type") String type, @JsonProperty("value") String value) {
        return of(Type.parse(type), value);
    }

    private final Type type;
    private final String value;

    private Indicator(Type type, String value) {
        Preconditions.checkArgument(value != null && !value.isBlank(), "indicator value must not be blank");
        this.type = Objects.requireNonNull(type);
        this.value = normalize(type, value.trim());
    }

    private static String normalize(Type type, String value) {
        return type == Type.URL ? value : value.toLowerCase(Locale.ROOT);
    }

    public Type type() {
        return type;
    }

    @JsonProperty("value")
    public String value() {
        return value;
    }

    @JsonProperty("type")
    String jsonType() {
        return type.asString();
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Indicator) {
            Indicator that = (Indicator) o;
            return type == that.type && value.equals(that.value);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return type.asString() + ":" + value;
    }
}
