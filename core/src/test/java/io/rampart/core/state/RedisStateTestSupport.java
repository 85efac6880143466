package io.rampart.core.state;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rampart.core.testing.MutableClock;

/**
 * The Redis side of a store contract suite: a throw-away redis-server for the test class, two
 * connections ({@link #state()}, and {@link #otherState()} standing for a second James node), the keys
 * cleared and a fresh clock at {@link #start()} before each test. A subclass only names the contract it
 * runs ({@code class RedisXTest extends RedisStateTestSupport implements XContract}).
 */
public abstract class RedisStateTestSupport {
    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    private static RedisStateStore state;
    private static RedisStateStore other;
    private MutableClock clock;

    @BeforeAll
    static void connect() {
        state = RedisStateStore.connect(redis.uri());
        other = RedisStateStore.connect(redis.uri());
    }

    @AfterAll
    static void disconnect() {
        state.close();
        other.close();
    }

    @BeforeEach
    void resetState() {
        state.clearAll();
        clock = new MutableClock(start());
    }

    /** Where the clock starts for each test (the contract's own start time). */
    protected abstract Instant start();

    public StateStore state() {
        return state;
    }

    /** The same Redis through another connection: what a second James node sees. */
    public StateStore otherState() {
        return other;
    }

    public MutableClock clock() {
        return clock;
    }
}
