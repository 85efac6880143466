package io.rampart.core.intel;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisIndicatorStoreTest extends RedisStateTestSupport implements IndicatorStoreContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
