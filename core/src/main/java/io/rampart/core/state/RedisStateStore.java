package io.rampart.core.state;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;

import io.rampart.core.state.WindowStore.WindowAdd;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.resps.Tuple;

/**
 * State shared by several James servers through one Redis. Every key is prefixed (default
 * {@code rampart:}). Compound operations (window add-and-sum, capped push, set add returning new
 * members, hash compare-and-set) run as Lua scripts, so they are atomic across servers.
 */
public final class RedisStateStore implements StateStore {
    public static final String DEFAULT_PREFIX = "rampart:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * KEYS: events zset (event id by time), amounts hash (event id to amount).
     * ARGV: now ms, window ms, event id ('' to only read), amount.
     */
    private static final Script WINDOW = new Script(
        "local floor = tonumber(ARGV[1]) - tonumber(ARGV[2])\n"
            + "if ARGV[3] ~= '' then\n"
            + "  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])\n"
            + "  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])\n"
            + "end\n"
            + "local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', floor)\n"
            + "if #old > 0 then\n"
            + "  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', floor)\n"
            + "  for i = 1, #old, 500 do\n"
            + "    redis.call('HDEL', KEYS[2], unpack(old, i, math.min(i + 499, #old)))\n"
            + "  end\n"
            + "end\n"
            + "local sum = 0\n"
            + "for _, v in ipairs(redis.call('HVALS', KEYS[2])) do sum = sum + tonumber(v) end\n"
            + "if ARGV[3] ~= '' then\n"
            + "  redis.call('PEXPIRE', KEYS[1], ARGV[2])\n"
            + "  redis.call('PEXPIRE', KEYS[2], ARGV[2])\n"
            + "end\n"
            + "return sum\n");

    /**
     * Several windows at once. KEYS: events zset and amounts hash per window.
     * ARGV: now ms, event id, then window ms and amount per window. Returns the sums.
     */
    private static final Script WINDOWS = new Script(
        "local now = tonumber(ARGV[1])\n"
            + "local sums = {}\n"
            + "for w = 1, #KEYS / 2 do\n"
            + "  local events, amounts = KEYS[2 * w - 1], KEYS[2 * w]\n"
            + "  local window = tonumber(ARGV[1 + 2 * w])\n"
            + "  local floor = now - window\n"
            + "  redis.call('ZADD', events, now, ARGV[2])\n"
            + "  redis.call('HSET', amounts, ARGV[2], ARGV[2 + 2 * w])\n"
            + "  local old = redis.call('ZRANGEBYSCORE', events, '-inf', floor)\n"
            + "  if #old > 0 then\n"
            + "    redis.call('ZREMRANGEBYSCORE', events, '-inf', floor)\n"
            + "    for i = 1, #old, 500 do\n"
            + "      redis.call('HDEL', amounts, unpack(old, i, math.min(i + 499, #old)))\n"
            + "    end\n"
            + "  end\n"
            + "  local sum = 0\n"
            + "  for _, v in ipairs(redis.call('HVALS', amounts)) do sum = sum + tonumber(v) end\n"
            + "  redis.call('PEXPIRE', events, window)\n"
            + "  redis.call('PEXPIRE', amounts, window)\n"
            + "  sums[w] = sum\n"
            + "end\n"
            + "return sums\n");

    /** KEYS: hashes. ARGV: one field per hash. Returns the values (nil when absent). */
    private static final Script HGET_MANY = new Script(
        "local values = {}\n"
            + "for i = 1, #KEYS do values[i] = redis.call('HGET', KEYS[i], ARGV[i]) end\n"
            + "return values\n");

    /** KEYS: hash. ARGV: field, expected value, new value. Returns 1 when replaced. */
    private static final Script HASH_REPLACE = new Script(
        "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then\n"
            + "  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])\n"
            + "  return 1\n"
            + "end\n"
            + "return 0\n");

    /** KEYS: list. ARGV: value, max length. */
    private static final Script CAPPED_PUSH = new Script(
        "redis.call('LPUSH', KEYS[1], ARGV[1])\n"
            + "redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)\n"
            + "return 1\n");

    /** KEYS: set. ARGV: members. Returns the members that were added. */
    private static final Script ADD_NEW = new Script(
        "local added = {}\n"
            + "for _, m in ipairs(ARGV) do\n"
            + "  if redis.call('SADD', KEYS[1], m) == 1 then added[#added + 1] = m end\n"
            + "end\n"
            + "return added\n");

    public static RedisStateStore connect(URI uri) {
        return connect(uri, DEFAULT_PREFIX, DEFAULT_TIMEOUT);
    }

    public static RedisStateStore connect(URI uri, String prefix, Duration timeout) {
        JedisPooled jedis = new JedisPooled(uri, (int) timeout.toMillis());
        try {
            jedis.ping();
        } catch (RuntimeException e) {
            jedis.close();
            throw new IllegalStateException("Rampart state: cannot reach Redis at " + redact(uri) + ": " + e.getMessage(), e);
        }
        return new RedisStateStore(jedis, prefix, redact(uri));
    }

    private static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + Optional.ofNullable(uri.getPath()).orElse("");
    }

    private final JedisPooled jedis;
    private final String prefix;
    private final String description;

    private final KeyValueStore keyValueView = new KeyValues();
    private final HashStore hashView = new Hashes();
    private final ListStore listView = new Lists();
    private final SetStore setView = new Sets();
    private final SortedSetStore sortedSetView = new SortedSets();
    private final WindowStore windowView = new Windows();

    public RedisStateStore(JedisPooled jedis, String prefix, String description) {
        Preconditions.checkArgument(prefix != null && !prefix.isEmpty(), "a key prefix is required");
        this.jedis = jedis;
        this.prefix = prefix;
        this.description = description;
    }

    /** Each primitive has its own key space (as in memory): {@code rampart:<kind>:<key>}. */
    private String key(String kind, String key) {
        return prefix + kind + ":" + key;
    }

    /** Deletes every key under this store's prefix (tests and resets only; uses KEYS, so not on a busy server). */
    public void clearAll() {
        jedis.eval("for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 1",
            ImmutableList.of(), ImmutableList.of(prefix + "*"));
    }

    @Override
    public KeyValueStore keyValues() {
        return keyValueView;
    }

    @Override
    public HashStore hashes() {
        return hashView;
    }

    @Override
    public ListStore lists() {
        return listView;
    }

    @Override
    public SetStore sets() {
        return setView;
    }

    @Override
    public SortedSetStore sortedSets() {
        return sortedSetView;
    }

    @Override
    public WindowStore windows() {
        return windowView;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        jedis.close();
    }

    private Object run(Script script, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(script.sha, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(script.source, keys, args);
        }
    }

    private static final class Script {
        private final String source;
        private final String sha;

        @SuppressWarnings("deprecation") // SHA-1 is what Redis names scripts by
        private Script(String source) {
            this.source = source;
            this.sha = Hashing.sha1().hashString(source, StandardCharsets.UTF_8).toString();
        }
    }

    private final class KeyValues implements KeyValueStore {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(jedis.get(key("kv", key)));
        }

        @Override
        public void put(String key, String value) {
            jedis.set(key("kv", key), value);
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            return jedis.setnx(key("kv", key), value) == 1;
        }

        @Override
        public boolean delete(String key) {
            return jedis.del(key("kv", key)) > 0;
        }

        @Override
        public long increment(String key, long delta) {
            return jedis.incrBy(key("kv", key), delta);
        }
    }

    private final class Hashes implements HashStore {
        @Override
        public Optional<String> get(String key, String field) {
            return Optional.ofNullable(jedis.hget(key("hash", key), field));
        }

        @Override
        public void put(String key, String field, String value) {
            jedis.hset(key("hash", key), field, value);
        }

        @Override
        public boolean putIfAbsent(String key, String field, String value) {
            return jedis.hsetnx(key("hash", key), field, value) == 1;
        }

        @Override
        public boolean replace(String key, String field, String expected, String value) {
            Objects.requireNonNull(expected, "expected");
            return (Long) run(HASH_REPLACE, ImmutableList.of(key("hash", key)), ImmutableList.of(field, expected, value)) == 1;
        }

        @Override
        public boolean remove(String key, String field) {
            return jedis.hdel(key("hash", key), field) > 0;
        }

        @Override
        public ImmutableMap<String, String> entries(String key) {
            Map<String, String> all = jedis.hgetAll(key("hash", key));
            return ImmutableMap.copyOf(new TreeMap<>(all));
        }

        @Override
        public long size(String key) {
            return jedis.hlen(key("hash", key));
        }

        @Override
        @SuppressWarnings("unchecked")
        public ImmutableList<Optional<String>> getMany(List<Field> fields) {
            if (fields.isEmpty()) {
                return ImmutableList.of();
            }
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            for (Field field : fields) {
                keys.add(key("hash", field.key()));
                args.add(field.field());
            }
            List<Object> values = (List<Object>) run(HGET_MANY, keys, args);
            ImmutableList.Builder<Optional<String>> result = ImmutableList.builder();
            for (int i = 0; i < fields.size(); i++) {
                Object value = i < values.size() ? values.get(i) : null;
                result.add(value instanceof String ? Optional.of((String) value) : Optional.empty());
            }
            return result.build();
        }
    }

    private final class Lists implements ListStore {
        @Override
        public void push(String key, String value, int maxLength) {
            Preconditions.checkArgument(maxLength > 0, "maxLength must be positive, got %s", maxLength);
            run(CAPPED_PUSH, ImmutableList.of(key("list", key)), ImmutableList.of(value, Integer.toString(maxLength)));
        }

        @Override
        public ImmutableList<String> range(String key, int offset, int limit) {
            Preconditions.checkArgument(offset >= 0 && limit >= 0, "offset and limit must not be negative");
            if (limit == 0) {
                return ImmutableList.of();
            }
            return ImmutableList.copyOf(jedis.lrange(key("list", key), offset, (long) offset + limit - 1));
        }

        @Override
        public long size(String key) {
            return jedis.llen(key("list", key));
        }

        @Override
        public void clear(String key) {
            jedis.del(key("list", key));
        }
    }

    private final class Sets implements SetStore {
        @Override
        @SuppressWarnings("unchecked")
        public ImmutableSet<String> addAll(String key, Collection<String> members) {
            if (members.isEmpty()) {
                return ImmutableSet.of();
            }
            List<String> added = (List<String>) run(ADD_NEW, ImmutableList.of(key("set", key)), new ArrayList<>(members));
            return ImmutableSet.copyOf(added);
        }

        @Override
        public boolean contains(String key, String member) {
            return jedis.sismember(key("set", key), member);
        }

        @Override
        public boolean remove(String key, String member) {
            return jedis.srem(key("set", key), member) > 0;
        }

        @Override
        public ImmutableSet<String> members(String key) {
            return ImmutableSet.copyOf(jedis.smembers(key("set", key)));
        }

        @Override
        public long size(String key) {
            return jedis.scard(key("set", key));
        }
    }

    private final class SortedSets implements SortedSetStore {
        @Override
        public void add(String key, String member, double score) {
            jedis.zadd(key("zset", key), score, member);
        }

        @Override
        public Optional<Double> score(String key, String member) {
            return Optional.ofNullable(jedis.zscore(key("zset", key), member));
        }

        @Override
        public ImmutableList<ScoredMember> rangeByScore(String key, double min, double max, int limit) {
            List<Tuple> tuples = jedis.zrangeByScoreWithScores(key("zset", key), min, max, 0, limit);
            return tuples.stream().map(t -> ScoredMember.of(t.getElement(), t.getScore()))
                .collect(ImmutableList.toImmutableList());
        }

        @Override
        public boolean remove(String key, String member) {
            return jedis.zrem(key("zset", key), member) > 0;
        }

        @Override
        public long size(String key) {
            return jedis.zcard(key("zset", key));
        }
    }

    private final class Windows implements WindowStore {
        @Override
        public long addAndSum(String key, String eventId, Instant at, long amount, Duration window) {
            Preconditions.checkArgument(amount >= 0, "amount must not be negative, got %s", amount);
            Preconditions.checkArgument(!eventId.isEmpty(), "event id must not be empty");
            Preconditions.checkArgument(!window.isNegative() && !window.isZero(), "window must be positive, got %s", window);
            return window(key, eventId, at, amount, window);
        }

        @Override
        public long sum(String key, Instant at, Duration window) {
            return window(key, "", at, 0, window);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ImmutableList<Long> addAndSumAll(String eventId, Instant at, List<WindowAdd> adds) {
            Preconditions.checkArgument(!eventId.isEmpty(), "event id must not be empty");
            if (adds.isEmpty()) {
                return ImmutableList.of();
            }
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            args.add(Long.toString(at.toEpochMilli()));
            args.add(eventId);
            for (WindowAdd add : adds) {
                Preconditions.checkArgument(add.amount() >= 0, "amount must not be negative, got %s", add.amount());
                Preconditions.checkArgument(!add.window().isNegative() && !add.window().isZero(), "window must be positive");
                keys.add(key("window", add.key()));
                keys.add(key("window-amounts", add.key()));
                args.add(Long.toString(add.window().toMillis()));
                args.add(Long.toString(add.amount()));
            }
            return ImmutableList.copyOf((List<Long>) run(WINDOWS, keys, args));
        }

        private long window(String key, String eventId, Instant at, long amount, Duration window) {
            Object result = run(WINDOW, ImmutableList.of(key("window", key), key("window-amounts", key)),
                ImmutableList.of(Long.toString(at.toEpochMilli()), Long.toString(window.toMillis()), eventId,
                    Long.toString(amount)));
            return (Long) result;
        }
    }
}
