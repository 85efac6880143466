package io.rampart.webadmin.recall;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.Rampart;

/**
 * Connects Rampart's recall planning to James at start (recalls run as James tasks) and, hourly,
 * prunes the delivery ledger to {@code recall.ledgerRetention} and ends the undo window of recalls
 * older than {@code recall.undoWindow} (their saved copies are deleted).
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.recall.RecallStartable}</pre>
 */
public class RecallStartable implements UserDefinedStartable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecallStartable.class);

    private final Rampart rampart;
    private final JamesRecallLauncher launcher;
    private final MailboxRecaller recaller;
    private final ScheduledExecutorService scheduler = io.rampart.core.util.DaemonScheduler.named("rampart-recall-housekeeping");

    @Inject
    public RecallStartable(Rampart rampart, JamesRecallLauncher launcher, MailboxRecaller recaller) {
        this.rampart = rampart;
        this.launcher = launcher;
        this.recaller = recaller;
    }

    @Override
    public void start() {
        rampart.recalls().launcher(launcher);
        scheduler.scheduleWithFixedDelay(this::prune, 1, 1, TimeUnit.HOURS);
        scheduler.scheduleWithFixedDelay(this::expireUndos, 1, 60, TimeUnit.MINUTES);
    }

    /** Ends the undo window of old recalls and deletes their saved copies. */
    void expireUndos() {
        try {
            rampart.recalls().expireUndos(Instant.now()).forEach(recaller::dropSavedCopies);
        } catch (RuntimeException e) {
            LOGGER.error("Rampart could not end the undo window of old recalls", e);
        }
    }

    private void prune() {
        try {
            int pruned = rampart.ledger().prune(Instant.now().minus(rampart.configuration().recall().ledgerRetention()));
            if (pruned > 0) {
                LOGGER.info("Rampart pruned {} ledger entries older than {}", pruned,
                    rampart.configuration().recall().ledgerRetention());
            }
        } catch (RuntimeException e) {
            LOGGER.error("Rampart could not prune the delivery ledger", e);
        }
    }

    @PreDestroy
    public void stop() {
        scheduler.shutdownNow();
    }
}
