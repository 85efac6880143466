package io.rampart.core.message;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A mailbox address with its (decoded) display name. Address and domain are lower-cased. */
public final class Address {
    public static Address of(String displayName, String address) {
        return new Address(displayName, address);
    }

    public static Address of(String address) {
        return new Address(null, address);
    }

    private final Optional<String> displayName;
    private final String address;

    private Address(String displayName, String address) {
        this.displayName = Optional.ofNullable(displayName).map(String::trim).filter(s -> !s.isEmpty());
        this.address = Objects.requireNonNull(address, "address").trim().toLowerCase(Locale.ROOT);
    }

    public Optional<String> displayName() {
        return displayName;
    }

    public String address() {
        return address;
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** The domain after the last {@code @}, or empty when there is none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Address) {
            Address that = (Address) o;
            return displayName.equals(that.displayName) && address.equals(that.address);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(displayName, address);
    }

    @Override
    public String toString() {
        return displayName.map(name -> "\"" + name + "\" <" + address + ">").orElse("<" + address + ">");
    }
}
