package io.rampart.mailets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/** The raw bytes of a mail's message, as received. */
public final class MailBytes {
    private MailBytes() {
    }

    public static byte[] of(MimeMessage message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message", e);
        }
    }
}
