package io.rampart.core.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/** Recall candidates in the state store ({@code state.backend}): JSON in one hash by id, shared by every James node on Redis. */
public final class StateRecallCandidates implements RecallCandidates {
    static final String CANDIDATES_KEY = "reports.recall-candidates";

    private final StateStore state;

    public StateRecallCandidates(StateStore state) {
        this.state = state;
    }

    @Override
    public void save(RecallCandidate candidate) {
        state.hashes().put(CANDIDATES_KEY, candidate.id(), StateJson.write(candidate));
    }

    @Override
    public Optional<RecallCandidate> get(String id) {
        return state.hashes().get(CANDIDATES_KEY, id).map(json -> StateJson.read(json, RecallCandidate.class));
    }

    @Override
    public boolean remove(String id) {
        return state.hashes().remove(CANDIDATES_KEY, id);
    }

    @Override
    public List<RecallCandidate> all() {
        return state.hashes().entries(CANDIDATES_KEY).values().stream()
            .map(json -> StateJson.read(json, RecallCandidate.class))
            .sorted(Comparator.comparing(RecallCandidate::flaggedAt).reversed().thenComparing(RecallCandidate::id))
            .collect(Collectors.toList());
    }
}
