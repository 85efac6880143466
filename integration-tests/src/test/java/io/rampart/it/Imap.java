package io.rampart.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;

/** A real IMAP client (JavaMail, plain LOGIN on loopback) reading one user's folders. */
public final class Imap {
    private final int port;
    private final String user;
    private final String password;

    Imap(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * The messages of a folder (empty when the folder does not exist). James 3.8.1 can answer a FETCH
     * with "BAD ... Invalid messageset" when a mail is delivered to the folder while it is being read
     * (the sequence numbers it announced moved under the client): that read is repeated, at most
     * {@value #READ_ATTEMPTS} times, on a fresh connection.
     */
    public List<ImapMessage> messages(String folderName) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                return readMessages(folderName);
            } catch (MessagingException e) {
                if (attempt >= READ_ATTEMPTS || !(e.getNextException() instanceof com.sun.mail.iap.BadCommandException)) {
                    throw e;
                }
            }
        }
    }

    private static final int READ_ATTEMPTS = 3;

    private List<ImapMessage> readMessages(String folderName) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        Session session = Session.getInstance(properties);
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<ImapMessage> result = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    result.add(ImapMessage.of(message));
                }
                return result;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    public List<String> folders() throws MessagingException {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        try {
            List<String> names = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                names.add(folder.getFullName());
            }
            return names;
        } finally {
            store.close();
        }
    }

    /** What a test needs of one message: its subject, headers, body and flags. */
    public static final class ImapMessage {
        static ImapMessage of(Message message) throws MessagingException {
            String[] verdict = message.getHeader("X-Rampart-Verdict");
            String[] direction = message.getHeader("X-Rampart-Direction");
            String body;
            try {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                message.writeTo(out);
                body = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new MessagingException("cannot read message", e);
            }
            return new ImapMessage(message.getSubject(), verdict == null ? null : verdict[0],
                direction == null ? null : direction[0], body, message.getFlags());
        }

        private final String subject;
        private final String verdictHeader;
        private final String directionHeader;
        private final String raw;
        private final Flags flags;

        ImapMessage(String subject, String verdictHeader, String directionHeader, String raw, Flags flags) {
            this.subject = subject;
            this.verdictHeader = verdictHeader;
            this.directionHeader = directionHeader;
            this.raw = raw;
            this.flags = flags;
        }

        public String subject() {
            return subject;
        }

        public String verdictHeader() {
            return verdictHeader;
        }

        public String directionHeader() {
            return directionHeader;
        }

        public String raw() {
            return raw;
        }

        public Flags flags() {
            return flags;
        }

        @Override
        public String toString() {
            return subject + " [" + verdictHeader + "; " + directionHeader + "]";
        }
    }
}
