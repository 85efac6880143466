package io.rampart.webadmin.limits;

import java.util.Locale;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;

/** The {@code {address}} path parameter: a mail address, lower-cased (400 otherwise). */
final class Addresses {
    private Addresses() {
    }

    static String parse(String value) {
        try {
            return new MailAddress(value.trim()).asString().toLowerCase(Locale.ROOT);
        } catch (AddressException | RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a mail address", e);
        }
    }
}
