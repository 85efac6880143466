package io.rampart.core.reports;

import java.util.List;
import java.util.Optional;

/** Campaigns flagged for recall, for admins and the recall feature. */
public interface RecallCandidates {
    /** Told once per new candidate (the recall feature may act on it). */
    interface Listener {
        void onRecallCandidate(RecallCandidate candidate);
    }

    void save(RecallCandidate candidate);

    Optional<RecallCandidate> get(String id);

    /** Newest first. */
    List<RecallCandidate> all();

    /** True when it was stored. */
    boolean remove(String id);
}
