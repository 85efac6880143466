package io.rampart.core.audit;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisAuditStoreTest extends RedisStateTestSupport implements AuditStoreContract {
    @Override
    protected Instant start() {
        return NOW;
    }
}
