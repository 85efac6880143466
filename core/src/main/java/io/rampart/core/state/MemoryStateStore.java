package io.rampart.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/** The default state backend: everything in this JVM's heap, lost on restart, one James only. */
public final class MemoryStateStore implements StateStore {
    /** Every this many window writes, look at as many windows for expiry (bounded work per write). */
    private static final int SWEEP_EVERY = 16;

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, String>> hashes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Deque<String>> lists = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> sets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, Double>> sortedSets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong windowWrites = new AtomicLong();
    private final ReentrantLock sweepLock = new ReentrantLock();
    private Iterator<String> sweepCursor = Collections.emptyIterator();
    private volatile boolean closed;

    private final KeyValueStore keyValueView = new KeyValues();
    private final HashStore hashView = new Hashes();
    private final ListStore listView = new Lists();
    private final SetStore setView = new Sets();
    private final SortedSetStore sortedSetView = new SortedSets();
    private final WindowStore windowView = new Windows();

    // Like a closed Redis connection, a closed memory store refuses work (use after close is a bug).
    private <T> T open(T view) {
        if (closed) {
            throw new IllegalStateException("the memory state store is closed");
        }
        return view;
    }

    @Override
    public KeyValueStore keyValues() {
        return open(keyValueView);
    }

    @Override
    public HashStore hashes() {
        return open(hashView);
    }

    @Override
    public ListStore lists() {
        return open(listView);
    }

    @Override
    public SetStore sets() {
        return open(setView);
    }

    @Override
    public SortedSetStore sortedSets() {
        return open(sortedSetView);
    }

    @Override
    public WindowStore windows() {
        return open(windowView);
    }

    @Override
    public String describe() {
        return "memory";
    }

    /** How many windows are kept (idle ones are forgotten as writes go on). */
    int windowCount() {
        return windows.size();
    }

    /** How many hashes, lists, sets and sorted sets are kept (emptied ones are dropped). */
    int containerCount() {
        return hashes.size() + lists.size() + sets.size() + sortedSets.size();
    }

    /** Nothing to release; later calls for a primitive fail. */
    @Override
    public void close() {
        closed = true;
    }

    private final class KeyValues implements KeyValueStore {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            return values.putIfAbsent(key, value) == null;
        }

        @Override
        public boolean delete(String key) {
            return values.remove(key) != null;
        }

        @Override
        public long increment(String key, long delta) {
            String result = values.merge(key, Long.toString(delta), (old, ignored) -> {
                try {
                    return Long.toString(Long.parseLong(old) + delta);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("value of '" + key + "' is not a counter: " + old, e);
                }
            });
            return Long.parseLong(result);
        }
    }

    // Writes to a hash, list, set or sorted set run inside the outer map's compute for that key, so a
    // container emptied by a remove is dropped (no empty containers pile up for per-id keys) without
    // losing a write racing with it; reads use the concurrent containers (or lock the collection).

    private final class Hashes implements HashStore {
        @Override
        public Optional<String> get(String key, String field) {
            Map<String, String> hash = hashes.get(key);
            return hash == null ? Optional.empty() : Optional.ofNullable(hash.get(field));
        }

        @Override
        public void put(String key, String field, String value) {
            Objects.requireNonNull(value, "value");
            hashes.compute(key, (k, hash) -> {
                Map<String, String> target = hash == null ? new ConcurrentHashMap<>() : hash;
                target.put(field, value);
                return target;
            });
        }

        @Override
        public boolean putIfAbsent(String key, String field, String value) {
            Objects.requireNonNull(value, "value");
            boolean[] stored = new boolean[1];
            hashes.compute(key, (k, hash) -> {
                Map<String, String> target = hash == null ? new ConcurrentHashMap<>() : hash;
                stored[0] = target.putIfAbsent(field, value) == null;
                return target;
            });
            return stored[0];
        }

        @Override
        public boolean replace(String key, String field, String expected, String value) {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(value, "value");
            boolean[] replaced = new boolean[1];
            hashes.computeIfPresent(key, (k, hash) -> {
                replaced[0] = hash.replace(field, expected, value);
                return hash;
            });
            return replaced[0];
        }

        @Override
        public boolean remove(String key, String field) {
            boolean[] removed = new boolean[1];
            hashes.computeIfPresent(key, (k, hash) -> {
                removed[0] = hash.remove(field) != null;
                return hash.isEmpty() ? null : hash;
            });
            return removed[0];
        }

        @Override
        public ImmutableMap<String, String> entries(String key) {
            Map<String, String> hash = hashes.get(key);
            return hash == null ? ImmutableMap.of() : ImmutableMap.copyOf(new TreeMap<>(hash));
        }

        @Override
        public long size(String key) {
            Map<String, String> hash = hashes.get(key);
            return hash == null ? 0 : hash.size();
        }
    }

    private final class Lists implements ListStore {
        @Override
        public void push(String key, String value, int maxLength) {
            Preconditions.checkArgument(maxLength > 0, "maxLength must be positive, got %s", maxLength);
            lists.compute(key, (k, list) -> {
                Deque<String> target = list == null ? new ArrayDeque<>() : list;
                synchronized (target) {
                    target.addFirst(value);
                    while (target.size() > maxLength) {
                        target.removeLast();
                    }
                }
                return target;
            });
        }

        @Override
        public ImmutableList<String> range(String key, int offset, int limit) {
            Preconditions.checkArgument(offset >= 0 && limit >= 0, "offset and limit must not be negative");
            Deque<String> list = lists.get(key);
            if (list == null) {
                return ImmutableList.of();
            }
            synchronized (list) {
                return list.stream().skip(offset).limit(limit).collect(ImmutableList.toImmutableList());
            }
        }

        @Override
        public long size(String key) {
            Deque<String> list = lists.get(key);
            if (list == null) {
                return 0;
            }
            synchronized (list) {
                return list.size();
            }
        }

        @Override
        public void clear(String key) {
            lists.remove(key);
        }
    }

    private final class Sets implements SetStore {
        @Override
        public ImmutableSet<String> addAll(String key, Collection<String> members) {
            if (members.isEmpty()) {
                return ImmutableSet.of();
            }
            ImmutableSet.Builder<String> added = ImmutableSet.builder();
            sets.compute(key, (k, set) -> {
                Set<String> target = set == null ? new LinkedHashSet<>() : set;
                synchronized (target) {
                    for (String member : members) {
                        if (target.add(member)) {
                            added.add(member);
                        }
                    }
                }
                return target;
            });
            return added.build();
        }

        @Override
        public boolean contains(String key, String member) {
            Set<String> set = sets.get(key);
            if (set == null) {
                return false;
            }
            synchronized (set) {
                return set.contains(member);
            }
        }

        @Override
        public boolean remove(String key, String member) {
            boolean[] removed = new boolean[1];
            sets.computeIfPresent(key, (k, set) -> {
                synchronized (set) {
                    removed[0] = set.remove(member);
                    return set.isEmpty() ? null : set;
                }
            });
            return removed[0];
        }

        @Override
        public ImmutableSet<String> members(String key) {
            Set<String> set = sets.get(key);
            if (set == null) {
                return ImmutableSet.of();
            }
            synchronized (set) {
                return ImmutableSet.copyOf(set);
            }
        }

        @Override
        public long size(String key) {
            Set<String> set = sets.get(key);
            if (set == null) {
                return 0;
            }
            synchronized (set) {
                return set.size();
            }
        }
    }

    private final class SortedSets implements SortedSetStore {
        @Override
        public void add(String key, String member, double score) {
            sortedSets.compute(key, (k, set) -> {
                Map<String, Double> target = set == null ? new ConcurrentHashMap<>() : set;
                target.put(member, score);
                return target;
            });
        }

        @Override
        public Optional<Double> score(String key, String member) {
            Map<String, Double> set = sortedSets.get(key);
            return set == null ? Optional.empty() : Optional.ofNullable(set.get(member));
        }

        @Override
        public ImmutableList<ScoredMember> rangeByScore(String key, double min, double max, int limit) {
            Map<String, Double> set = sortedSets.get(key);
            if (set == null) {
                return ImmutableList.of();
            }
            List<ScoredMember> members = new ArrayList<>();
            for (Map.Entry<String, Double> entry : set.entrySet()) {
                if (entry.getValue() >= min && entry.getValue() <= max) {
                    members.add(ScoredMember.of(entry.getKey(), entry.getValue()));
                }
            }
            // Same order as Redis: by score, then lexicographically by member.
            members.sort(Comparator.comparingDouble(ScoredMember::score).thenComparing(ScoredMember::member));
            return members.stream().limit(limit).collect(ImmutableList.toImmutableList());
        }

        @Override
        public boolean remove(String key, String member) {
            boolean[] removed = new boolean[1];
            sortedSets.computeIfPresent(key, (k, set) -> {
                removed[0] = set.remove(member) != null;
                return set.isEmpty() ? null : set;
            });
            return removed[0];
        }

        @Override
        public long size(String key) {
            Map<String, Double> set = sortedSets.get(key);
            return set == null ? 0 : set.size();
        }
    }

    private static final class Window {
        private final Map<String, long[]> events = new HashMap<>();
        private long windowMillis;
        private long newest = Long.MIN_VALUE;

        /** Drops events at or before {@code now - window}; returns the remaining sum. */
        synchronized long prune(long nowMillis, long windowMillis) {
            this.windowMillis = Math.max(this.windowMillis, windowMillis);
            long floor = nowMillis - windowMillis;
            long sum = 0;
            Iterator<long[]> iterator = events.values().iterator();
            while (iterator.hasNext()) {
                long[] event = iterator.next();
                if (event[0] <= floor) {
                    iterator.remove();
                } else {
                    sum += event[1];
                }
            }
            return sum;
        }

        synchronized long add(String eventId, long atMillis, long amount, long windowMillis) {
            events.put(eventId, new long[] {atMillis, amount});
            newest = Math.max(newest, atMillis);
            return prune(atMillis, windowMillis);
        }

        synchronized boolean expired(long nowMillis) {
            return newest <= nowMillis - windowMillis;
        }
    }

    private final class Windows implements WindowStore {
        @Override
        public long addAndSum(String key, String eventId, Instant at, long amount, Duration window) {
            Preconditions.checkArgument(amount >= 0, "amount must not be negative, got %s", amount);
            Preconditions.checkArgument(!window.isNegative() && !window.isZero(), "window must be positive, got %s", window);
            long atMillis = at.toEpochMilli();
            long[] sum = new long[1];
            // compute() runs atomically with the sweep's computeIfPresent: no event lands in a swept window.
            windows.compute(key, (k, existing) -> {
                Window target = existing == null ? new Window() : existing;
                sum[0] = target.add(eventId, atMillis, amount, window.toMillis());
                return target;
            });
            if (windowWrites.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep(atMillis);
            }
            return sum[0];
        }

        @Override
        public long sum(String key, Instant at, Duration window) {
            Window existing = windows.get(key);
            return existing == null ? 0 : existing.prune(at.toEpochMilli(), window.toMillis());
        }

        /**
         * Forgets windows whose newest event has left them, so idle keys do not pile up: a cursor
         * walks the keys a few at a time, so no single write pays for a sweep of everything.
         */
        private void sweep(long nowMillis) {
            if (!sweepLock.tryLock()) {
                return;
            }
            try {
                for (int i = 0; i < SWEEP_EVERY; i++) {
                    if (!sweepCursor.hasNext()) {
                        sweepCursor = windows.keySet().iterator();
                        if (!sweepCursor.hasNext()) {
                            return;
                        }
                    }
                    String key = sweepCursor.next();
                    windows.computeIfPresent(key, (k, existing) -> existing.expired(nowMillis) ? null : existing);
                }
            } finally {
                sweepLock.unlock();
            }
        }
    }
}
