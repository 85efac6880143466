package io.rampart.webadmin.reports;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.UserDefinedStartable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;

/**
 * Creates the report folder for the accounts that existed before Rampart (new accounts get it from
 * {@link ReportFolderListener}).
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.reports.ReportFolderBackfill}</pre>
 */
public class ReportFolderBackfill implements UserDefinedStartable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReportFolderBackfill.class);

    private final UsersRepository usersRepository;
    private final ReportFolders folders;

    @Inject
    public ReportFolderBackfill(UsersRepository usersRepository, ReportFolders folders) {
        this.usersRepository = usersRepository;
        this.folders = folders;
    }

    @Override
    public void start() {
        Long created = Flux.from(usersRepository.listReactive())
            .filter(this::ensure)
            .count()
            .block();
        LOGGER.info("Rampart created the '{}' folder for {} existing users", folders.folder(), created);
    }

    private boolean ensure(Username username) {
        try {
            return folders.ensureFolder(username);
        } catch (MailboxException e) {
            LOGGER.warn("Rampart could not create the '{}' folder for {}", folders.folder(), username.asString(), e);
            return false;
        }
    }
}
