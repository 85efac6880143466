package io.rampart.core.state;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;

import io.rampart.core.testing.MutableClock;

/**
 * The memory side of a store contract suite: a fresh {@link MemoryStateStore} and clock before each
 * test. One node only, so {@link #otherState()} is the same store.
 */
public abstract class MemoryStateTestSupport {
    private MemoryStateStore state;
    private MutableClock clock;

    @BeforeEach
    void newState() {
        state = new MemoryStateStore();
        clock = new MutableClock(start());
    }

    /** Where the clock starts for each test (the contract's own start time). */
    protected abstract Instant start();

    public StateStore state() {
        return state;
    }

    public StateStore otherState() {
        return state;
    }

    public MutableClock clock() {
        return clock;
    }
}
