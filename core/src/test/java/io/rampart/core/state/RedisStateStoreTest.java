package io.rampart.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisStateStoreTest implements StateStoreContract {
    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    private static RedisStateStore store;

    @BeforeAll
    static void connect() {
        store = RedisStateStore.connect(redis.uri());
    }

    @AfterAll
    static void disconnect() {
        store.close();
    }

    @BeforeEach
    void clear() {
        store.clearAll();
    }

    @Override
    public StateStore store() {
        return store;
    }

    @Test
    void keysShouldCarryThePrefix() {
        store.keyValues().put("k", "v");
        try (RedisStateStore other = RedisStateStore.connect(redis.uri(), "other:", RedisStateStore.DEFAULT_TIMEOUT)) {
            assertThat(other.keyValues().get("k")).isEmpty();
        }
        try (redis.clients.jedis.JedisPooled raw = new redis.clients.jedis.JedisPooled(redis.uri())) {
            assertThat(raw.get("rampart:kv:k")).isEqualTo("v");
        }
    }

    @Test
    void connectShouldFailClearlyWhenRedisIsUnreachable() {
        assertThatThrownBy(() -> RedisStateStore.connect(URI.create("redis://127.0.0.1:1")))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot reach Redis at redis://127.0.0.1:1");
    }
}
