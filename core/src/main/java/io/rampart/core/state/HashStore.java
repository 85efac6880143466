package io.rampart.core.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/** Named maps of fields to values (blocks by address, audit records by id, overrides by user). */
public interface HashStore {
    Optional<String> get(String key, String field);

    void put(String key, String field, String value);

    /** Stores the field only when absent; true when it was stored. */
    boolean putIfAbsent(String key, String field, String value);

    /**
     * Compare-and-set: replaces the field's value only when it is still {@code expected} (read
     * before); true when replaced. Read-modify-write loops over it are safe across James servers.
     */
    boolean replace(String key, String field, String expected, String value);

    /** True when the field existed. */
    boolean remove(String key, String field);

    /** All fields, sorted by field name. */
    ImmutableMap<String, String> entries(String key);

    long size(String key);

    /** Several fields of several hashes in one call (one round trip on Redis), in order. */
    default ImmutableList<Optional<String>> getMany(List<Field> fields) {
        return fields.stream().map(f -> get(f.key(), f.field())).collect(ImmutableList.toImmutableList());
    }

    /** A field of a hash. */
    final class Field {
        public static Field of(String key, String field) {
            return new Field(key, field);
        }

        private final String key;
        private final String field;

        private Field(String key, String field) {
            this.key = Objects.requireNonNull(key);
            this.field = Objects.requireNonNull(field);
        }

        public String key() {
            return key;
        }

        public String field() {
            return field;
        }
    }
}
