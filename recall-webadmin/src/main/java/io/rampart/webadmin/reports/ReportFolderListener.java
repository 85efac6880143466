package io.rampart.webadmin.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.events.MessageMoveEvent;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageResult;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.reports.Fingerprints;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportService;
import io.rampart.core.reports.ReportSource;
import io.rampart.mailets.reports.ReportNotifications;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Users report by moving mail: into the report folder ({@code reports.folder}): phish; into Junk
 * (or Spam): junk; out of Junk into any folder but Trash: not junk. Also creates the report folder
 * for every new account (when its INBOX is created).
 *
 * <pre>{@code
 * <listener>
 *   <class>io.rampart.webadmin.reports.ReportFolderListener</class>
 *   <group>RampartReportFolderListener</group>
 * </listener>
 * }</pre>
 */
public class ReportFolderListener implements EventListener.ReactiveGroupEventListener {
    public static final String GROUP_NAME = "RampartReportFolderListener";
    public static final Set<String> JUNK_FOLDERS = ImmutableSet.of("junk", "spam");
    public static final Set<String> TRASH_FOLDERS = ImmutableSet.of("trash", "deleted messages", "deleted items");
    private static final Logger LOGGER = LoggerFactory.getLogger(ReportFolderListener.class);

    /** Used only when listeners.xml gives no {@code <group>} (James cannot deserialize extension classes: give one). */
    public static class ReportFolderListenerGroup extends Group {
    }

    private final Rampart rampart;
    private final MailboxManager mailboxManager;
    private final MessageIdManager messageIdManager;
    private final ReportFolders folders;
    private final ReportNotifications notifications;

    @Inject
    public ReportFolderListener(Rampart rampart, MailboxManager mailboxManager, MessageIdManager messageIdManager,
                                ReportFolders folders, ReportNotifications notifications) {
        this.rampart = rampart;
        this.mailboxManager = mailboxManager;
        this.messageIdManager = messageIdManager;
        this.folders = folders;
        this.notifications = notifications;
    }

    @Override
    public Group getDefaultGroup() {
        return new ReportFolderListenerGroup();
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof MessageMoveEvent || event instanceof MailboxEvents.MailboxAdded;
    }

    /**
     * Creates report folders off the event bus. Creating a mailbox dispatches a MailboxAdded event and
     * waits for its listeners, this one included; doing that from inside a listener, on Reactor's bounded
     * elastic pool, deadlocked James when many users got their first mail at once (seen with 200 new
     * users: every pool thread waited for a nested dispatch queued behind it, and delivery stopped).
     */
    private static final java.util.concurrent.ExecutorService FOLDER_CREATION =
        java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rampart-report-folders");
            thread.setDaemon(true);
            return thread;
        });

    @Override
    public Publisher<Void> reactiveEvent(Event event) {
        if (event instanceof MailboxEvents.MailboxAdded) {
            MailboxEvents.MailboxAdded added = (MailboxEvents.MailboxAdded) event;
            if (added.getMailboxPath().getName().equalsIgnoreCase("INBOX") && added.getMailboxPath().getUser() != null) {
                Username user = added.getMailboxPath().getUser();
                FOLDER_CREATION.execute(() -> createFolder(user));
            }
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> handle(event)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private void createFolder(Username user) {
        try {
            folders.ensureFolder(user);
        } catch (MailboxException | RuntimeException e) {
            // The start-up backfill (ReportFolderBackfill) creates it at the next start.
            LOGGER.warn("Rampart could not create the '{}' folder for {}", folders.folder(), user.asString(), e);
        }
    }

    void handle(Event event) {
        try {
            if (event instanceof MessageMoveEvent) {
                onMove((MessageMoveEvent) event);
            }
        } catch (MailboxException e) {
            throw new IllegalStateException("Rampart could not handle " + event.getClass().getSimpleName() + " for "
                + event.getUsername().asString(), e);
        }
    }

    private void onMove(MessageMoveEvent event) throws MailboxException {
        Username username = event.getUsername();
        MailboxSession session = mailboxManager.createSystemSession(username);
        try {
            List<String> added = names(event.getMessageMoves().addedMailboxIds(), session);
            List<String> removed = names(event.getMessageMoves().removedMailboxIds(), session);
            Optional<ReportKind> kind = kindOf(added, removed, folders.folder());
            if (kind.isPresent()) {
                record(username, kind.get(), event.getMessageIds(), session);
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    /** What a move means, from the names of the folders it added the message to and removed it from. */
    static Optional<ReportKind> kindOf(List<String> added, List<String> removed, String reportFolder) {
        if (added.stream().anyMatch(name -> name.equalsIgnoreCase(reportFolder))) {
            return Optional.of(ReportKind.PHISH);
        }
        if (added.stream().anyMatch(ReportFolderListener::isJunk)) {
            return Optional.of(ReportKind.JUNK);
        }
        if (removed.stream().anyMatch(ReportFolderListener::isJunk) && !added.isEmpty()
            && added.stream().noneMatch(name -> TRASH_FOLDERS.contains(name.toLowerCase(Locale.ROOT)))) {
            return Optional.of(ReportKind.NOT_JUNK);
        }
        return Optional.empty();
    }

    private static boolean isJunk(String name) {
        return JUNK_FOLDERS.contains(name.toLowerCase(Locale.ROOT));
    }

    private List<String> names(Collection<MailboxId> ids, MailboxSession session) {
        ImmutableList.Builder<String> names = ImmutableList.builder();
        for (MailboxId id : ids) {
            try {
                names.add(mailboxManager.getMailbox(id, session).getMailboxPath().getName());
            } catch (MailboxException e) {
                LOGGER.debug("Rampart ignores mailbox {} it cannot open", id, e);
            }
        }
        return names.build();
    }

    private void record(Username username, ReportKind kind, Collection<MessageId> messageIds, MailboxSession session)
        throws MailboxException {
        for (MessageResult message : messageIdManager.getMessages(ImmutableList.copyOf(messageIds), FetchGroup.FULL_CONTENT,
            session).stream().collect(ImmutableList.toImmutableList())) {
            byte[] raw;
            try (InputStream in = message.getFullContent().getInputStream()) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw new MailboxException("Cannot read message " + message.getMessageId().serialize(), e);
            }
            ReportService.Recorded recorded = rampart.reports().record(username.asString(), kind, ReportSource.FOLDER,
                Fingerprints.of(raw), Optional.of(raw));
            notifications.recorded(recorded);
        }
    }
}
