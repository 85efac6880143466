package io.rampart.webadmin.recall;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;

import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;
import io.rampart.core.recall.RecalledItem;

/**
 * Removes the mail of one recall record from every mailbox it reached (see {@link MailboxRecaller}),
 * then reports it to the security mailbox. {@code additionalInformation} shows the counts as it runs.
 */
public class RecallTask implements Task {
    public static final TaskType TYPE = TaskType.of("rampart-recall");

    /** Progress of a recall, as {@code GET /tasks/{id}} shows it. */
    public static class AdditionalInformation implements TaskExecutionDetails.AdditionalInformation {
        private final String recallId;
        private final String status;
        private final long planned;
        private final long recalled;
        private final long failed;
        private final long stopped;
        private final long mailboxes;
        private final Instant timestamp;

        public AdditionalInformation(String recallId, String status, long planned, long recalled, long failed,
                                     long stopped, long mailboxes, Instant timestamp) {
            this.recallId = recallId;
            this.status = status;
            this.planned = planned;
            this.recalled = recalled;
            this.failed = failed;
            this.stopped = stopped;
            this.mailboxes = mailboxes;
            this.timestamp = timestamp;
        }

        public String getRecallId() {
            return recallId;
        }

        public String getStatus() {
            return status;
        }

        public long getPlanned() {
            return planned;
        }

        public long getRecalled() {
            return recalled;
        }

        public long getFailed() {
            return failed;
        }

        public long getStopped() {
            return stopped;
        }

        public long getMailboxes() {
            return mailboxes;
        }

        @Override
        public Instant timestamp() {
            return timestamp;
        }
    }

    private final String recallId;
    private final RecallRunner runner;
    private final Clock clock;

    public RecallTask(String recallId, RecallRunner runner) {
        this(recallId, runner, Clock.systemUTC());
    }

    RecallTask(String recallId, RecallRunner runner, Clock clock) {
        this.recallId = recallId;
        this.runner = runner;
        this.clock = clock;
    }

    public String recallId() {
        return recallId;
    }

    @Override
    public Result run() {
        return runner.run(recallId) ? Result.COMPLETED : Result.PARTIAL;
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        Optional<RecallRecord> record = runner.record(recallId);
        return Optional.of(record.map(r -> new AdditionalInformation(recallId, r.status().asString(), r.planned(),
                r.count(RecalledItem.State.RECALLED), r.count(RecalledItem.State.FAILED),
                r.count(RecalledItem.State.STOPPED), r.items().stream().map(RecalledItem::user).distinct().count(),
                clock.instant()))
            .orElseGet(() -> new AdditionalInformation(recallId, RecallStatus.FAILED.asString(), 0, 0, 0, 0, 0,
                clock.instant())));
    }
}
