package io.rampart.webadmin.audit;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.Rampart;
import io.rampart.core.config.AuditSettings;
import io.rampart.core.config.ConfigException;
import io.rampart.core.config.RampartConfiguration;

/**
 * Applies {@code audit.expiryAction} to held mail past {@code audit.expiry}, once a minute
 * ({@code POST /rampart/audit?action=expire} does it on demand).
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.audit.AuditExpiryScheduler}</pre>
 */
public class AuditExpiryScheduler implements UserDefinedStartable {
    public static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(AuditExpiryScheduler.class);

    private final Rampart rampart;
    private final AuditService service;
    private ScheduledExecutorService executor;

    @Inject
    public AuditExpiryScheduler(Rampart rampart, AuditService service) {
        this.rampart = rampart;
        this.service = service;
    }

    @Override
    public void start() {
        executor = io.rampart.core.util.DaemonScheduler.named("rampart-audit-expiry");
        executor.scheduleWithFixedDelay(this::expire, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        LOGGER.info("Rampart audit expiry checked every {}", PERIOD);
    }

    void expire() {
        try {
            service.expireDue();
        } catch (Exception e) {
            LOGGER.error("Rampart could not apply the audit expiry", e);
        }
    }

    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
