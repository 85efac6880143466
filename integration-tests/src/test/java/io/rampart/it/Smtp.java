package io.rampart.it;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/** A real SMTP client (JavaMail) against James on loopback: from outside, or as an authenticated user. */
public final class Smtp {
    private final int port;

    Smtp(int port) {
        this.port = port;
    }

    /** Sends without AUTH: mail from outside. */
    public void sendFromOutside(String from, String to, byte[] message) throws MessagingException {
        send(null, null, from, new String[] {to}, message);
    }

    /** Sends with AUTH PLAIN as a local user. */
    public void sendAs(String user, String password, String from, String[] to, byte[] message) throws MessagingException {
        send(user, password, from, to, message);
    }

    private void send(String user, String password, String from, String[] to, byte[] message) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.from", from);
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "60000");
        if (user != null) {
            properties.put("mail.smtp.auth", "true");
            properties.put("mail.smtp.auth.mechanisms", "PLAIN");
        }
        Session session = Session.getInstance(properties);
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(message));
        Address[] recipients = new Address[to.length];
        for (int i = 0; i < to.length; i++) {
            recipients[i] = new InternetAddress(to[i]);
        }
        try (Transport transport = session.getTransport("smtp")) {
            if (user != null) {
                transport.connect("127.0.0.1", port, user, password);
            } else {
                transport.connect();
            }
            transport.sendMessage(mime, recipients);
        }
    }
}
