package io.rampart.core.recall;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Recall records in this node's memory. */
public final class MemoryRecallStore implements RecallStore {
    private final Map<String, RecallRecord> records = new ConcurrentHashMap<>();

    @Override
    public void save(RecallRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public Optional<RecallRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<RecallRecord> list() {
        return records.values().stream()
            .sorted(Comparator.comparing(RecallRecord::createdAt).reversed().thenComparing(RecallRecord::id))
            .collect(Collectors.toList());
    }
}
