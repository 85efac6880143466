package io.rampart.core.feedback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.common.collect.ImmutableSet;

/** {@link LocalIndicators} in memory (one node, lost on restart). */
public final class MemoryLocalIndicators implements LocalIndicators {
    private final Set<Indicator> indicators = ConcurrentHashMap.newKeySet();

    @Override
    public void add(Indicator indicator) {
        indicators.add(indicator);
    }

    @Override
    public boolean contains(Indicator indicator) {
        return indicators.contains(indicator);
    }

    @Override
    public boolean remove(Indicator indicator) {
        return indicators.remove(indicator);
    }

    @Override
    public Set<Indicator> all() {
        return ImmutableSet.copyOf(indicators);
    }
}
