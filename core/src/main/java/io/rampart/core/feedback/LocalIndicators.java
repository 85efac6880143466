package io.rampart.core.feedback;

import java.util.Collection;
import java.util.Set;

import com.google.common.collect.ImmutableSet;

/** Threat indicators learned locally (confirmed reports). The detection engine consults them through {@link LocalIndicatorAnalyzer}. */
public interface LocalIndicators {
    void add(Indicator indicator);

    boolean contains(Indicator indicator);

    /** Those of these indicators that are known (one round trip on Redis: the scan path). */
    default Set<Indicator> present(Collection<Indicator> candidates) {
        return candidates.stream().filter(this::contains).collect(ImmutableSet.toImmutableSet());
    }

    boolean remove(Indicator indicator);

    /** Whether there is none (most of the time: the scan path then skips collecting a message's URLs). */
    default boolean isEmpty() {
        return all().isEmpty();
    }

    Set<Indicator> all();
}
