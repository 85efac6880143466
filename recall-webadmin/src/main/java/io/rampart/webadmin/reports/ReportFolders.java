package io.rampart.webadmin.reports;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

import io.rampart.core.Rampart;

/** Creates (and subscribes) the report folder ({@code reports.folder}) in a user's account when it is missing. */
@Singleton
public class ReportFolders {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReportFolders.class);

    private final Rampart rampart;
    private final MailboxManager mailboxManager;

    @Inject
    public ReportFolders(Rampart rampart, MailboxManager mailboxManager) {
        this.rampart = rampart;
        this.mailboxManager = mailboxManager;
    }

    public String folder() {
        return rampart.configuration().reports().folder();
    }

    /** True when the folder was created. */
    public boolean ensureFolder(Username username) throws MailboxException {
        MailboxSession session = mailboxManager.createSystemSession(username);
        try {
            MailboxPath path = MailboxPath.forUser(username, folder());
            Boolean exists = Mono.from(mailboxManager.mailboxExists(path, session)).block();
            if (Boolean.TRUE.equals(exists)) {
                return false;
            }
            mailboxManager.createMailbox(path, MailboxManager.CreateOption.CREATE_SUBSCRIPTION, session);
            LOGGER.info("Rampart created the '{}' folder for {}", folder(), username.asString());
            return true;
        } catch (MailboxExistsException e) {
            return false;
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }
}
