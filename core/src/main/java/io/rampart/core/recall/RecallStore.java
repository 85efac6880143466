package io.rampart.core.recall;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recall records, kept as long as a recall can be undone (and for the audit trail), and the active
 * rules of running recalls. A record has several writers at once (the recall task, mailets stopping
 * copies on arrival, admins), each holding its own copy, possibly on different James nodes.
 */
public interface RecallStore {
    /**
     * Saves the record without losing another writer's work: what the stored record has and this copy
     * lacks is kept and copied into {@code record} (see {@link RecallRecord#keepFrom}); the rest of
     * {@code record} wins.
     */
    void save(RecallRecord record);

    /** Applies the change to the stored record, atomically against other writers; the changed record, or empty when there is none. */
    Optional<RecallRecord> update(String id, Consumer<RecallRecord> change);

    Optional<RecallRecord> get(String id);

    /** Newest first. */
    List<RecallRecord> list();

    /** The records a threat indicator triggered, newest first. */
    List<RecallRecord> triggeredBy(String indicatorId);

    /** New mail these criteria select is stopped until {@code until} (a recall's active rule). */
    void activate(String id, RecallCriteria criteria, Instant until);

    void deactivate(String id);

    /** The criteria of the active rules that still hold at {@code now}, by recall id. */
    Map<String, RecallCriteria> activeRules(Instant now);
}
