package io.rampart.core.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link RecallCandidates} in memory (one node, lost on restart). */
public final class MemoryRecallCandidates implements RecallCandidates {
    private final Map<String, RecallCandidate> candidates = new ConcurrentHashMap<>();

    @Override
    public void save(RecallCandidate candidate) {
        candidates.put(candidate.id(), candidate);
    }

    @Override
    public Optional<RecallCandidate> get(String id) {
        return Optional.ofNullable(candidates.get(id));
    }

    @Override
    public List<RecallCandidate> all() {
        return candidates.values().stream()
            .sorted(Comparator.comparing(RecallCandidate::flaggedAt).reversed().thenComparing(RecallCandidate::id))
            .collect(Collectors.toList());
    }
}
