package io.rampart.core.reports;

import org.junit.jupiter.api.BeforeEach;

class MemoryRecallCandidatesTest implements RecallCandidatesContract {
    private MemoryRecallCandidates candidates;

    @BeforeEach
    void setUp() {
        candidates = new MemoryRecallCandidates();
    }

    @Override
    public RecallCandidates candidates() {
        return candidates;
    }
}
