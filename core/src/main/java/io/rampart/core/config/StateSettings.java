package io.rampart.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code state.*}: where Rampart keeps what it remembers. {@code memory} (default) suits one James;
 * {@code redis} shares all of it (counters, blocks, alerts, baselines, audit records, the ledger,
 * reports, recalls, indicators, the allow list) between several.
 */
public final class StateSettings {
    public enum Backend {
        MEMORY, REDIS;

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Backend DEFAULT_BACKEND = Backend.MEMORY;
    public static final URI DEFAULT_REDIS_URI = URI.create("redis://127.0.0.1:6379");
    public static final String DEFAULT_REDIS_PREFIX = "rampart:";
    public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(2);

    public static StateSettings from(ConfigReader reader) {
        Backend backend = reader.parsed("state.backend", DEFAULT_BACKEND,
            value -> Backend.valueOf(value.trim().toUpperCase(Locale.ROOT)), "memory or redis");
        URI uri = reader.raw("state.redis.uri").map(value -> parseUri(reader, value)).orElse(DEFAULT_REDIS_URI);
        String prefix = reader.string("state.redis.prefix", DEFAULT_REDIS_PREFIX);
        if (!prefix.matches("[A-Za-z0-9_.\\-]+:")) {
            throw reader.error("state.redis.prefix", prefix, "letters, digits, '_', '-' or '.' ending with ':' such as rampart:");
        }
        Duration timeout = reader.duration("state.redis.timeout", DEFAULT_REDIS_TIMEOUT);
        if (timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw reader.error("state.redis.timeout", timeout.toString(), "a duration between 1ms and 1m");
        }
        return new StateSettings(backend, uri, prefix, timeout);
    }

    private static URI parseUri(ConfigReader reader, String value) {
        String expected = "a Redis URI such as redis://127.0.0.1:6379 or rediss://user:password@host:6380/0";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw reader.error("state.redis.uri", value, expected);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("redis") || uri.getScheme().equals("rediss"))
            || uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
            throw reader.error("state.redis.uri", value, expected + " (scheme, host and port are required)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.matches("/\\d{1,2}")) {
            throw reader.error("state.redis.uri", value, expected + " (the path, if any, is a database number)");
        }
        return uri;
    }

    public static StateSettings defaults() {
        return new StateSettings(DEFAULT_BACKEND, DEFAULT_REDIS_URI, DEFAULT_REDIS_PREFIX, DEFAULT_REDIS_TIMEOUT);
    }

    public static StateSettings redis(URI uri) {
        return new StateSettings(Backend.REDIS, uri, DEFAULT_REDIS_PREFIX, DEFAULT_REDIS_TIMEOUT);
    }

    private final Backend backend;
    private final URI redisUri;
    private final String redisPrefix;
    private final Duration redisTimeout;

    public StateSettings(Backend backend, URI redisUri, String redisPrefix, Duration redisTimeout) {
        this.backend = backend;
        this.redisUri = redisUri;
        this.redisPrefix = redisPrefix;
        this.redisTimeout = redisTimeout;
    }

    public Backend backend() {
        return backend;
    }

    public URI redisUri() {
        return redisUri;
    }

    public String redisPrefix() {
        return redisPrefix;
    }

    public Duration redisTimeout() {
        return redisTimeout;
    }
}
