package io.rampart.core.state;

import com.google.common.collect.ImmutableList;

/** Capped, newest-first lists (alerts, recent events). */
public interface ListStore {
    /** Adds the value at the head and keeps only the newest {@code maxLength} values. */
    void push(String key, String value, int maxLength);

    /** Values from the newest: {@code offset} skipped, at most {@code limit} returned. */
    ImmutableList<String> range(String key, int offset, int limit);

    long size(String key);

    void clear(String key);
}
