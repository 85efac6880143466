package io.rampart.core.recall;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisRecallStoreTest extends RedisStateTestSupport implements RecallStoreContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
