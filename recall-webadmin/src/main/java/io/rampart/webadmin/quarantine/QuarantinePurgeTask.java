package io.rampart.webadmin.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.MessagingException;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes quarantined mail older than the retention ({@code quarantine.retention}). */
public class QuarantinePurgeTask implements Task {
    public static final TaskType TYPE = TaskType.of("rampart-quarantine-purge");
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantinePurgeTask.class);

    public static class AdditionalInformation implements TaskExecutionDetails.AdditionalInformation {
        private final Duration retention;
        private final Instant olderThan;
        private final int purged;
        private final Instant timestamp;

        public AdditionalInformation(Duration retention, Instant olderThan, int purged, Instant timestamp) {
            this.retention = retention;
            this.olderThan = olderThan;
            this.purged = purged;
            this.timestamp = timestamp;
        }

        public Duration getRetention() {
            return retention;
        }

        public Instant getOlderThan() {
            return olderThan;
        }

        public int getPurged() {
            return purged;
        }

        @Override
        public Instant timestamp() {
            return timestamp;
        }

        @Override
        public final boolean equals(Object o) {
            if (o instanceof AdditionalInformation) {
                AdditionalInformation that = (AdditionalInformation) o;
                return purged == that.purged && retention.equals(that.retention) && olderThan.equals(that.olderThan)
                    && timestamp.equals(that.timestamp);
            }
            return false;
        }

        @Override
        public final int hashCode() {
            return Objects.hash(retention, olderThan, purged, timestamp);
        }
    }

    private final QuarantineService service;
    private final Duration retention;
    private final Clock clock;
    private final Instant olderThan;
    private final AtomicInteger purged = new AtomicInteger();

    public QuarantinePurgeTask(QuarantineService service, Duration retention) {
        this(service, retention, service.clock());
    }

    QuarantinePurgeTask(QuarantineService service, Duration retention, Clock clock) {
        this.service = service;
        this.retention = retention;
        this.clock = clock;
        this.olderThan = clock.instant().minus(retention);
    }

    @Override
    public Result run() {
        try {
            purged.set(service.purge(olderThan));
            return Result.COMPLETED;
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("Rampart quarantine purge failed", e);
            return Result.PARTIAL;
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    public Duration retention() {
        return retention;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(new AdditionalInformation(retention, olderThan, purged.get(), clock.instant()));
    }
}
