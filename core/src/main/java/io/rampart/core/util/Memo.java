package io.rampart.core.util;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for strings mail repeats (hosts, words, labels), emptied when
 * full. A plain concurrent map: on these lookups, an access-ordered cache's bookkeeping cost more than
 * the computation it saved. Thread-safe.
 */
public final class Memo<K, V> {
    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final int capacity;

    public Memo(int capacity) {
        this.capacity = capacity;
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        if (values.size() >= capacity) {
            values.clear();
        }
        values.put(key, value);
        return value;
    }
}
