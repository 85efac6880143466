package io.rampart.core.intel;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateIndicatorStoreTest extends MemoryStateTestSupport implements IndicatorStoreContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
