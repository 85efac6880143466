package io.rampart.webadmin.recall;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;

/** Runs one recall record end to end: remove the copies, then report. What {@link RecallTask} calls. */
@Singleton
public class RecallRunner {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecallRunner.class);

    private final MailboxRecaller recaller;
    private final RecallReporter reporter;

    @Inject
    public RecallRunner(MailboxRecaller recaller, RecallReporter reporter) {
        this.recaller = recaller;
        this.reporter = reporter;
    }

    /**
     * The records being worked on by this node's tasks, as they stand: the stored copy is written at
     * the start and the end, so {@code GET /tasks/{id}} reads the counts from here while a task runs.
     */
    private final Map<String, RecallRecord> inFlight = new ConcurrentHashMap<>();

    /** The record as this node's running task has it, else as stored. */
    public Optional<RecallRecord> record(String recallId) {
        RecallRecord live = inFlight.get(recallId);
        return live != null ? Optional.of(live) : recaller.rampart().recalls().get(recallId);
    }

    /** Whether every selected copy was removed. */
    public boolean run(String recallId) {
        RecallRecord record = record(recallId)
            .orElseThrow(() -> new IllegalStateException("Unknown recall " + recallId));
        boolean complete;
        inFlight.put(recallId, record);
        try {
            complete = recaller.execute(record);
        } catch (RuntimeException e) {
            record.status(RecallStatus.FAILED);
            record.note("recall failed: " + e);
            recaller.rampart().recalls().store().save(record);
            reporter.reportQuietly(record);
            throw e;
        } finally {
            inFlight.remove(recallId);
        }
        reporter.reportQuietly(record);
        return complete;
    }

    /**
     * Puts back the copies of one recall, then reports it; whether every copy was restored. An undo
     * that fails midway leaves the record {@code undo-partial}, so that it can be undone again.
     */
    public boolean undo(String recallId, String actor) {
        RecallRecord record = record(recallId)
            .orElseThrow(() -> new IllegalStateException("Unknown recall " + recallId));
        boolean complete;
        inFlight.put(recallId, record);
        try {
            complete = recaller.undo(record, actor);
        } catch (RuntimeException e) {
            recaller.rampart().recalls().store().update(recallId, stored -> {
                stored.status(RecallStatus.UNDO_PARTIAL);
                stored.note("undo failed: " + e);
            });
            throw e;
        } finally {
            inFlight.remove(recallId);
        }
        try {
            reporter.reportUndo(record);
        } catch (Exception e) {
            LOGGER.error("Rampart could not send the undo report of recall {}", record.id(), e);
        }
        return complete;
    }
}
