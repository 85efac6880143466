package io.rampart.core.intel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

/** Threat indicators, active and revoked (kept so their recalls can be explained). */
public interface IndicatorStore {
    /** Adds, or refreshes the indicator with the same type, value and source; returns the stored one. */
    Indicator put(Indicator indicator);

    Optional<Indicator> get(String id);

    List<Indicator> list();

    /** Active indicators with exactly this type and normalised value. */
    List<Indicator> find(IndicatorType type, String value);

    /** {@link #find} for several lookups at once (one round trip on Redis: the scan path), in order. */
    default ImmutableList<List<Indicator>> findAll(List<Lookup> lookups) {
        return lookups.stream().map(lookup -> find(lookup.type(), lookup.value())).collect(ImmutableList.toImmutableList());
    }

    void replace(Indicator indicator);

    /** A type and normalised value to look up. */
    final class Lookup {
        public static Lookup of(IndicatorType type, String value) {
            return new Lookup(type, value);
        }

        private final IndicatorType type;
        private final String value;

        private Lookup(IndicatorType type, String value) {
            this.type = Objects.requireNonNull(type);
            this.value = Objects.requireNonNull(value);
        }

        public IndicatorType type() {
            return type;
        }

        public String value() {
            return value;
        }

        @Override
        public final boolean equals(Object o) {
            if (o instanceof Lookup) {
                Lookup that = (Lookup) o;
                return type == that.type && value.equals(that.value);
            }
            return false;
        }

        @Override
        public final int hashCode() {
            return Objects.hash(type, value);
        }

        @Override
        public String toString() {
            return type.asString() + ":" + value;
        }
    }
}
