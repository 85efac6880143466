package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class StateSettingsTest {
    private static RampartConfiguration parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties);
    }

    @Test
    void defaultsShouldBeMemory() {
        StateSettings state = RampartConfiguration.defaults().state();
        assertThat(state.backend()).isEqualTo(StateSettings.Backend.MEMORY);
        assertThat(state.redisUri()).isEqualTo(StateSettings.DEFAULT_REDIS_URI);
        assertThat(state.redisPrefix()).isEqualTo("rampart:");
    }

    @Test
    void redisBackendShouldBeParsed() {
        StateSettings state = parse("state.backend", "Redis", "state.redis.uri", "redis://10.0.0.5:6380/2").state();
        assertThat(state.backend()).isEqualTo(StateSettings.Backend.REDIS);
        assertThat(state.redisUri()).isEqualTo(URI.create("redis://10.0.0.5:6380/2"));
    }

    @Test
    void unknownBackendShouldNameKeyAndValue() {
        assertThatThrownBy(() -> parse("state.backend", "cassandra"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'state.backend' has value 'cassandra', expected memory or redis");
    }

    @Test
    void uriWithoutPortShouldBeRejected() {
        assertThatThrownBy(() -> parse("state.redis.uri", "redis://localhost"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'state.redis.uri' has value 'redis://localhost'");
    }

    @Test
    void httpUriShouldBeRejected() {
        assertThatThrownBy(() -> parse("state.redis.uri", "http://127.0.0.1:6379"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'state.redis.uri' has value 'http://127.0.0.1:6379'");
    }

    @Test
    void badPrefixShouldBeRejected() {
        assertThatThrownBy(() -> parse("state.redis.prefix", "rampart"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'state.redis.prefix' has value 'rampart'");
    }
}
