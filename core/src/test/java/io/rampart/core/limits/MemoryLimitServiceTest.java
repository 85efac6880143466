package io.rampart.core.limits;

import org.junit.jupiter.api.BeforeEach;

import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;

class MemoryLimitServiceTest implements LimitServiceContract {
    private StateStore state;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        state = new MemoryStateStore();
        clock = new MutableClock(NOW);
    }

    @Override
    public StateStore state() {
        return state;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
