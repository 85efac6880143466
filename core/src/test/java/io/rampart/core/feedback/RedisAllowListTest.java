package io.rampart.core.feedback;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisAllowListTest extends RedisStateTestSupport implements AllowListContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
