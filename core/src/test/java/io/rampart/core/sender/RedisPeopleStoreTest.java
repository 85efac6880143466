package io.rampart.core.sender;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisPeopleStoreTest extends RedisStateTestSupport implements PeopleStoreContract {
    @Override
    protected Instant start() {
        return Instant.parse("2026-11-27T10:00:00Z");
    }
}
