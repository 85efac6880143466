package io.rampart.core.limits;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rampart.core.state.RedisServerExtension;
import io.rampart.core.state.RedisStateStore;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;

class RedisLimitServiceTest implements LimitServiceContract {
    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    private static RedisStateStore state;
    private MutableClock clock;

    @BeforeAll
    static void connect() {
        state = RedisStateStore.connect(redis.uri());
    }

    @AfterAll
    static void disconnect() {
        state.close();
    }

    @BeforeEach
    void setUp() {
        state.clearAll();
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
