package io.rampart.core.state;

import org.junit.jupiter.api.BeforeEach;

class MemoryStateStoreTest implements StateStoreContract {
    private MemoryStateStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryStateStore();
    }

    @Override
    public StateStore store() {
        return store;
    }
}
