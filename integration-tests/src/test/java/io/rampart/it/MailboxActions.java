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

import io.rampart.launcher.DemoData;

/** IMAP actions a user takes on their mail (mark read, file into a folder), and a folder's subjects with flags. */
public final class MailboxActions {
    private final int port;
    private final String user;
    private final String password;

    public MailboxActions(RampartJames james, String localPart) {
        this.port = james.options().imapPort();
        this.user = RampartJames.address(localPart);
        this.password = DemoData.password(localPart);
    }

    private Store connect() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        return store;
    }

    public void markSeen(String folderName, String subject) throws MessagingException {
        Store store = connect();
        try {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    public void moveTo(String subject, String targetName) throws MessagingException {
        Store store = connect();
        try {
            Folder target = store.getFolder(targetName);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                List<Message> matching = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        matching.add(message);
                    }
                }
                Message[] array = matching.toArray(new Message[0]);
                inbox.copyMessages(array, target);
                for (Message message : array) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        } finally {
            store.close();
        }
    }

    /** {@code folder -> seen} for every copy with this subject in any folder. */
    public List<String> locations(String subject) throws MessagingException {
        Store store = connect();
        try {
            List<String> found = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                folder.open(Folder.READ_ONLY);
                try {
                    for (Message message : folder.getMessages()) {
                        if (subject.equals(message.getSubject())) {
                            found.add(folder.getFullName() + (message.isSet(Flags.Flag.SEEN) ? ":seen" : ":unseen"));
                        }
                    }
                } finally {
                    folder.close(false);
                }
            }
            return found;
        } finally {
            store.close();
        }
    }
}
