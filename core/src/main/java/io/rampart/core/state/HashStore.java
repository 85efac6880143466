package io.rampart.core.state;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

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

    /** Lost races after which {@link #update} gives up (only under constant contention). */
    int UPDATE_ATTEMPTS = 100;

    /**
     * Read-modify-write of one field, atomic against other writers: {@code change} gets the current
     * value (empty when the field is absent) and returns the value to store, or empty (or the same
     * value) to leave the field as it is; written with {@link #putIfAbsent} or {@link #replace} and
     * retried on a lost race, so {@code change} may run several times. True when a value was written;
     * the {@code contention} exception after {@link #UPDATE_ATTEMPTS} lost races.
     */
    default boolean update(String key, String field, Function<Optional<String>, Optional<String>> change,
                           Supplier<? extends RuntimeException> contention) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Optional<String> current = get(key, field);
            Optional<String> next = change.apply(current);
            if (next.isEmpty() || next.equals(current)) {
                return false;
            }
            if (current.isEmpty() ? putIfAbsent(key, field, next.get()) : replace(key, field, current.get(), next.get())) {
                return true;
            }
        }
        throw contention.get();
    }

    /** True when the field existed. */
    boolean remove(String key, String field);

    /** All fields, sorted by field name. */
    ImmutableMap<String, String> entries(String key);

    long size(String key);

    /** Several fields of several hashes in one call (one round trip on Redis), in order. */
    default ImmutableList<Optional<String>> getMany(List<Field> fields) {
        return fields.stream().map(f -> get(f.key(), f.field())).collect(ImmutableList.toImmutableList());
    }

    /** Those of these fields the hash has, in the order given (one round trip on Redis). */
    default ImmutableSet<String> present(String key, Collection<String> fields) {
        List<String> distinct = ImmutableSet.copyOf(fields).asList();
        List<Optional<String>> values = getMany(distinct.stream().map(field -> Field.of(key, field))
            .collect(ImmutableList.toImmutableList()));
        ImmutableSet.Builder<String> present = ImmutableSet.builder();
        for (int i = 0; i < distinct.size(); i++) {
            if (values.get(i).isPresent()) {
                present.add(distinct.get(i));
            }
        }
        return present.build();
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
