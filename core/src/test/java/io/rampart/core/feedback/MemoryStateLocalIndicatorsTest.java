package io.rampart.core.feedback;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateLocalIndicatorsTest extends MemoryStateTestSupport implements LocalIndicatorsContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
