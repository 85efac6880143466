package io.rampart.core.sender;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryPeopleStoreTest extends MemoryStateTestSupport implements PeopleStoreContract {
    @Override
    protected Instant start() {
        return Instant.parse("2026-11-27T10:00:00Z");
    }
}
