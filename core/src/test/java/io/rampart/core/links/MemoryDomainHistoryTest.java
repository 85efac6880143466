package io.rampart.core.links;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryDomainHistoryTest extends MemoryStateTestSupport implements DomainHistoryContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
