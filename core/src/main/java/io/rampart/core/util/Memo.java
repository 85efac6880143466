package io.rampart.core.util;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for strings mail repeats (hosts, words, labels), emptied when
 * full. A plain concurrent map: on these lookups, an access-ordered cache's bookkeeping cost more than
 * the computation it saved. Keys longer than {@code maxKeyLength} are computed and not remembered, so
 * a hostile message of huge "words" cannot make the memo hold more than capacity x maxKeyLength
 * characters. Thread-safe.
 */
public final class Memo<V> {
    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();
    private final int capacity;
    private final int maxKeyLength;

    public Memo(int capacity, int maxKeyLength) {
        this.capacity = capacity;
        this.maxKeyLength = maxKeyLength;
    }

    public V get(String key, Function<String, ? extends V> compute) {
        if (key.length() > maxKeyLength) {
            return compute.apply(key);
        }
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

    int size() {
        return values.size();
    }
}
