package io.rampart.core.message;

import java.util.Objects;

/** A header field: its name as written and its unfolded value with RFC 2047 words decoded. */
public final class Header {
    public static Header of(String name, String value) {
        return new Header(name, value);
    }

    private final String name;
    private final String value;

    private Header(String name, String value) {
        this.name = Objects.requireNonNull(name);
        this.value = value == null ? "" : value;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Header) {
            Header that = (Header) o;
            return name.equals(that.name) && value.equals(that.value);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, value);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
