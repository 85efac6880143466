package io.rampart.core.feedback;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateAllowListTest extends MemoryStateTestSupport implements AllowListContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
