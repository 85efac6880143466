package io.rampart.webadmin.recall;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;

import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecalledItem;

/**
 * Puts back the copies one recall removed (see {@link MailboxRecaller#undo}), then reports it to the
 * security mailbox. A task, like the recall itself: restoring thousands of copies takes minutes, longer
 * than an HTTP client waits. {@code additionalInformation} shows the counts.
 */
public class UndoTask implements Task {
    public static final TaskType TYPE = TaskType.of("rampart-recall-undo");

    /** Progress of an undo, as {@code GET /tasks/{id}} shows it. */
    public static class AdditionalInformation implements TaskExecutionDetails.AdditionalInformation {
        private final String recallId;
        private final String status;
        private final long restored;
        private final long failed;
        private final Instant timestamp;

        public AdditionalInformation(String recallId, String status, long restored, long failed, Instant timestamp) {
            this.recallId = recallId;
            this.status = status;
            this.restored = restored;
            this.failed = failed;
            this.timestamp = timestamp;
        }

        public String getRecallId() {
            return recallId;
        }

        public String getStatus() {
            return status;
        }

        public long getRestored() {
            return restored;
        }

        public long getFailed() {
            return failed;
        }

        @Override
        public Instant timestamp() {
            return timestamp;
        }
    }

    private final String recallId;
    private final String actor;
    private final RecallRunner runner;
    private final Clock clock;

    public UndoTask(String recallId, String actor, RecallRunner runner) {
        this(recallId, actor, runner, Clock.systemUTC());
    }

    UndoTask(String recallId, String actor, RecallRunner runner, Clock clock) {
        this.recallId = recallId;
        this.actor = actor;
        this.runner = runner;
        this.clock = clock;
    }

    public String recallId() {
        return recallId;
    }

    public String actor() {
        return actor;
    }

    @Override
    public Result run() {
        return runner.undo(recallId, actor) ? Result.COMPLETED : Result.PARTIAL;
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        Optional<RecallRecord> record = runner.record(recallId);
        return Optional.of(new AdditionalInformation(recallId,
            record.map(r -> r.status().asString()).orElse("unknown"),
            record.map(r -> r.count(RecalledItem.State.RESTORED)).orElse(0L),
            record.map(r -> r.count(RecalledItem.State.RESTORE_FAILED)).orElse(0L),
            clock.instant()));
    }
}
