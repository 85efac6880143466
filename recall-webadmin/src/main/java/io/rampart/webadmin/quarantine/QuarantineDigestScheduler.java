package io.rampart.webadmin.quarantine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.Rampart;

/**
 * Sends the quarantine digest every {@code quarantine.digest.interval} when
 * {@code quarantine.digest.enabled=true}.
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.quarantine.QuarantineDigestScheduler}</pre>
 */
public class QuarantineDigestScheduler implements UserDefinedStartable {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDigestScheduler.class);

    private final Rampart rampart;
    private final QuarantineDigestService digest;
    private ScheduledExecutorService executor;

    @Inject
    public QuarantineDigestScheduler(Rampart rampart, QuarantineDigestService digest) {
        this.rampart = rampart;
        this.digest = digest;
    }

    @Override
    public void start() {
        if (!rampart.configuration().review().digestEnabled()) {
            return;
        }
        Duration interval = rampart.configuration().review().digestInterval();
        executor = io.rampart.core.util.DaemonScheduler.named("rampart-quarantine-digest");
        executor.scheduleAtFixedRate(this::sendDigest, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOGGER.info("Rampart quarantine digest every {}", interval);
    }

    private void sendDigest() {
        try {
            digest.send();
        } catch (Exception e) {
            LOGGER.error("Rampart could not send the quarantine digest", e);
        }
    }

    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
