package io.rampart.core.feedback;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisLocalIndicatorsTest extends RedisStateTestSupport implements LocalIndicatorsContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
