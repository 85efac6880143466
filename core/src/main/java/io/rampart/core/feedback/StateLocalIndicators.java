package io.rampart.core.feedback;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Local indicators in the state store ({@code state.backend}): what a confirmed report taught one
 * James node, every node sharing Redis detects. One hash keyed by {@code type:value} (the indicator's
 * JSON as the value), so the scan path checks a message's sender, URLs and hashes in one read.
 */
public final class StateLocalIndicators implements LocalIndicators {
    static final String INDICATORS_KEY = "feedback.local-indicators";

    private final StateStore state;

    public StateLocalIndicators(StateStore state) {
        this.state = state;
    }

    private static String field(Indicator indicator) {
        return indicator.toString();
    }

    @Override
    public void add(Indicator indicator) {
        state.hashes().put(INDICATORS_KEY, field(indicator), StateJson.write(indicator));
    }

    @Override
    public boolean contains(Indicator indicator) {
        return state.hashes().get(INDICATORS_KEY, field(indicator)).isPresent();
    }

    @Override
    public Set<Indicator> present(Collection<Indicator> candidates) {
        Set<String> present = state.hashes().present(INDICATORS_KEY,
            candidates.stream().map(StateLocalIndicators::field).collect(Collectors.toList()));
        return candidates.stream().filter(indicator -> present.contains(field(indicator)))
            .collect(ImmutableSet.toImmutableSet());
    }

    @Override
    public boolean isEmpty() {
        return state.hashes().size(INDICATORS_KEY) == 0;
    }

    @Override
    public boolean remove(Indicator indicator) {
        return state.hashes().remove(INDICATORS_KEY, field(indicator));
    }

    @Override
    public Set<Indicator> all() {
        return state.hashes().entries(INDICATORS_KEY).values().stream()
            .map(json -> StateJson.read(json, Indicator.class))
            .collect(ImmutableSet.toImmutableSet());
    }
}
