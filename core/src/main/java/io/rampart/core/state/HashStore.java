package io.rampart.core.state;

import java.util.Optional;

import com.google.common.collect.ImmutableMap;

/** Named maps of fields to values (blocks by address, audit records by id, overrides by user). */
public interface HashStore {
    Optional<String> get(String key, String field);

    void put(String key, String field, String value);

    /** Stores the field only when absent; true when it was stored. */
    boolean putIfAbsent(String key, String field, String value);

    /** True when the field existed. */
    boolean remove(String key, String field);

    /** All fields, sorted by field name. */
    ImmutableMap<String, String> entries(String key);

    long size(String key);
}
