package io.rampart.mailets;

import java.io.IOException;
import java.io.InputStream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MimeMessageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The raw bytes of a mail's message, as received (with the headers as they are now). */
public final class MailBytes {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailBytes.class);

    private MailBytes() {
    }

    /**
     * Through James's {@link MimeMessageInputStream}, as James's own delivery does: when only headers
     * changed it streams the headers in memory and the body as received. {@code MimeMessage.writeTo}
     * would call {@code saveChanges()} first, which parses every multipart and throws on malformed ones
     * ("Missing start boundary"): such mail then failed the mailet and went to the error repository.
     */
    public static byte[] of(MimeMessage message) throws MessagingException {
        try (InputStream in = new MimeMessageInputStream(message)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message", e);
        }
    }

    /** The first {@code max} bytes of the message as {@link #of} reads it (enough for its header block). */
    public static byte[] head(MimeMessage message, int max) throws MessagingException {
        try (InputStream in = new MimeMessageInputStream(message)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message", e);
        }
    }

    /**
     * {@code saveChanges()} where it can be done: a malformed multipart cannot be re-parsed by JavaMail,
     * and the header changes stay in memory (James streams them with the body as received).
     */
    public static void saveChangesIfPossible(MimeMessage message, String mailName) {
        try {
            message.saveChanges();
        } catch (MessagingException | RuntimeException e) {
            LOGGER.debug("Rampart left mail {} unsaved: its body cannot be re-parsed ({})", mailName, e.getMessage());
        }
    }
}
