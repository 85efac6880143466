package io.rampart.core.limits;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisLimitServiceTest extends RedisStateTestSupport implements LimitServiceContract {
    @Override
    protected Instant start() {
        return NOW;
    }
}
