package io.rampart.webadmin.quarantine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.utils.UserDefinedStartable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.Rampart;
import io.rampart.core.util.Durations;

/**
 * The quarantine's periodic work: the retention purge (a {@link QuarantinePurgeTask} submitted to
 * James's task manager every {@code quarantine.purgeInterval}, first five minutes after start, so
 * that it shows under {@code /tasks}) and the digest, sent every {@code quarantine.digest.interval}
 * when {@code quarantine.digest.enabled=true}.
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.quarantine.QuarantineDigestScheduler}</pre>
 */
public class QuarantineDigestScheduler implements UserDefinedStartable {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDigestScheduler.class);

    private static final Duration FIRST_PURGE = Duration.ofMinutes(5);

    private final Rampart rampart;
    private final QuarantineDigestService digest;
    private final QuarantineService quarantine;
    private final TaskManager taskManager;
    private ScheduledExecutorService executor;

    @Inject
    public QuarantineDigestScheduler(Rampart rampart, QuarantineDigestService digest, QuarantineService quarantine,
                                     TaskManager taskManager) {
        this.rampart = rampart;
        this.digest = digest;
        this.quarantine = quarantine;
        this.taskManager = taskManager;
    }

    @Override
    public void start() {
        executor = io.rampart.core.util.DaemonScheduler.named("rampart-quarantine");
        Duration purgeInterval = rampart.configuration().review().purgeInterval();
        if (!purgeInterval.isZero()) {
            executor.scheduleAtFixedRate(this::purge, FIRST_PURGE.toMillis(), purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
            LOGGER.info("Rampart quarantine purge every {} (mail older than {})", Durations.describe(purgeInterval),
                Durations.describe(rampart.configuration().review().retention()));
        }
        if (rampart.configuration().review().digestEnabled()) {
            Duration interval = rampart.configuration().review().digestInterval();
            executor.scheduleAtFixedRate(this::sendDigest, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            LOGGER.info("Rampart quarantine digest every {}", Durations.describe(interval));
        }
    }

    /** Submits the retention purge to James's task manager (it shows under /tasks). */
    void purge() {
        try {
            TaskId task = taskManager.submit(new QuarantinePurgeTask(quarantine, rampart.configuration().review().retention()));
            LOGGER.info("Rampart quarantine purge started: task {}", task.asString());
        } catch (RuntimeException e) {
            LOGGER.error("Rampart could not start the quarantine purge", e);
        }
    }

    private void sendDigest() {
        try {
            digest.send();
        } catch (Exception e) {
            LOGGER.error("Rampart could not send the quarantine digest", e);
        }
    }

    @PreDestroy
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
