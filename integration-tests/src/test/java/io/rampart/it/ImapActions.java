package io.rampart.it;

import java.util.Properties;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;

import com.sun.mail.imap.IMAPFolder;

/** IMAP actions users take to report mail: MOVE (RFC 6851) a message by subject into another folder. */
final class ImapActions {
    private final int port;
    private final String user;
    private final String password;

    ImapActions(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Moves the messages of {@code from} with this subject into {@code to} (created if missing, as a mail client does for Junk); returns how many. */
    int move(String from, String subject, String to) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        try {
            IMAPFolder source = (IMAPFolder) store.getFolder(from);
            source.open(Folder.READ_WRITE);
            try {
                java.util.List<Message> matching = new java.util.ArrayList<>();
                for (Message message : source.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        matching.add(message);
                    }
                }
                Folder target = store.getFolder(to);
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                if (!matching.isEmpty()) {
                    source.moveMessages(matching.toArray(new Message[0]), target);
                }
                return matching.size();
            } finally {
                source.close(true);
            }
        } finally {
            store.close();
        }
    }
}
