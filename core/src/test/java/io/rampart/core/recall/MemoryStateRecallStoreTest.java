package io.rampart.core.recall;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateRecallStoreTest extends MemoryStateTestSupport implements RecallStoreContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
