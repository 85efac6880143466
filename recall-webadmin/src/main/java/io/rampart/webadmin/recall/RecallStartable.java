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
 * Connects Rampart's recall planning to James at start (recalls run as James tasks) and prunes
 * the delivery ledger hourly to {@code recall.ledgerRetention}.
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.recall.RecallStartable}</pre>
 */
public class RecallStartable implements UserDefinedStartable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecallStartable.class);

    private final Rampart rampart;
    private final JamesRecallLauncher launcher;
    private final ScheduledExecutorService scheduler = io.rampart.core.util.DaemonScheduler.named("rampart-ledger-prune");

    @Inject
    public RecallStartable(Rampart rampart, JamesRecallLauncher launcher) {
        this.rampart = rampart;
        this.launcher = launcher;
    }

    @Override
    public void start() {
        rampart.recalls().launcher(launcher);
        scheduler.scheduleWithFixedDelay(this::prune, 1, 1, TimeUnit.HOURS);
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
