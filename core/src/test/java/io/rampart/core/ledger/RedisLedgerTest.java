package io.rampart.core.ledger;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisLedgerTest extends RedisStateTestSupport implements LedgerContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
