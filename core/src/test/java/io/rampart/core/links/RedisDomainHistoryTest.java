package io.rampart.core.links;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisDomainHistoryTest extends RedisStateTestSupport implements DomainHistoryContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
