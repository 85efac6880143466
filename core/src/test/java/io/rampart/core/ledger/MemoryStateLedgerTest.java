package io.rampart.core.ledger;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateLedgerTest extends MemoryStateTestSupport implements LedgerContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
