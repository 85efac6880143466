package io.rampart.core.recall;

import java.util.List;
import java.util.Optional;

/** Recall records, kept as long as a recall can be undone (and for the audit trail). */
public interface RecallStore {
    void save(RecallRecord record);

    Optional<RecallRecord> get(String id);

    /** Newest first. */
    List<RecallRecord> list();
}
