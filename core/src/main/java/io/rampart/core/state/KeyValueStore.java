package io.rampart.core.state;

import java.util.Optional;

/** Single values and counters. */
public interface KeyValueStore {
    Optional<String> get(String key);

    void put(String key, String value);

    /** Stores the value only when the key is absent; true when it was stored. */
    boolean putIfAbsent(String key, String value);

    /** True when the key existed. */
    boolean delete(String key);

    /** Adds {@code delta} to a counter (absent counts as 0) and returns the new value. */
    long increment(String key, long delta);
}
