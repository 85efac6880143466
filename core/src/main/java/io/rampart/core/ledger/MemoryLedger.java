package io.rampart.core.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The ledger in this node's memory (lost on restart; the Redis ledger is shared and durable). */
public final class MemoryLedger implements Ledger {
    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();

    @Override
    public void record(LedgerEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public Optional<LedgerEntry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public List<LedgerEntry> between(Instant from, Instant to) {
        return entries.values().stream()
            .filter(entry -> !entry.time().isBefore(from) && entry.time().isBefore(to))
            .sorted(Comparator.comparing(LedgerEntry::time).thenComparing(LedgerEntry::id))
            .collect(Collectors.toList());
    }

    @Override
    public List<LedgerEntry> byMessageId(String messageId) {
        String normalized = LedgerEntry.normalizeMessageId(messageId);
        return entries.values().stream()
            .filter(entry -> !normalized.isEmpty() && entry.messageId().equals(normalized))
            .sorted(Comparator.comparing(LedgerEntry::time).thenComparing(LedgerEntry::id))
            .collect(Collectors.toList());
    }

    @Override
    public void updateOutcomes(String messageId, java.util.Set<String> recipients, DeliveryOutcome outcome) {
        for (LedgerEntry entry : byMessageId(messageId)) {
            entries.computeIfPresent(entry.id(), (id, current) -> current.withOutcomes(recipients, outcome));
        }
    }

    @Override
    public int prune(Instant before) {
        List<String> old = entries.values().stream().filter(entry -> entry.time().isBefore(before))
            .map(LedgerEntry::id).collect(Collectors.toList());
        old.forEach(entries::remove);
        return old.size();
    }
}
