package io.rampart.core.reports;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateRecallCandidatesTest extends MemoryStateTestSupport implements RecallCandidatesContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
