package io.rampart.core.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;

import io.rampart.core.state.HashStore;
import io.rampart.core.state.SortedSetStore.ScoredMember;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * The ledger in the state store ({@code state.backend}): on Redis every James node records into and
 * reads the same ledger. Entries are JSON in one hash by id, indexed by time (a sorted set scored
 * by epoch millisecond, for {@link #between} and {@link #prune}) and by Message-ID (a set of entry
 * ids per Message-ID). An entry is written before its indexes, so an index may briefly name an
 * entry that is not there yet (or was just pruned): readers skip those ids.
 */
public final class StateLedger implements Ledger {
    static final String ENTRIES_KEY = "ledger.entries";
    static final String TIME_KEY = "ledger.time";
    static final String MESSAGE_ID_KEY_PREFIX = "ledger.message-id.";
    /** Entries read in one round trip. */
    static final int BATCH = 500;
    private static final Comparator<LedgerEntry> OLDEST_FIRST = Comparator.comparing(LedgerEntry::time)
        .thenComparing(LedgerEntry::id);

    private final StateStore state;

    public StateLedger(StateStore state) {
        this.state = state;
    }

    private static String messageIdKey(String messageId) {
        return MESSAGE_ID_KEY_PREFIX + messageId;
    }

    @Override
    public void record(LedgerEntry entry) {
        state.hashes().put(ENTRIES_KEY, entry.id(), StateJson.write(entry));
        state.sortedSets().add(TIME_KEY, entry.id(), entry.time().toEpochMilli());
        if (!entry.messageId().isEmpty()) {
            state.sets().addAll(messageIdKey(entry.messageId()), ImmutableList.of(entry.id()));
        }
    }

    @Override
    public Optional<LedgerEntry> get(String id) {
        return state.hashes().get(ENTRIES_KEY, id).map(StateLedger::read);
    }

    @Override
    public List<LedgerEntry> between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        // Scores are whole milliseconds: read the covering range, then compare the exact instants.
        List<String> ids = state.sortedSets().rangeByScore(TIME_KEY, from.toEpochMilli(), to.toEpochMilli(), Integer.MAX_VALUE)
            .stream().map(ScoredMember::member).collect(Collectors.toList());
        return entries(ids).stream()
            .filter(entry -> !entry.time().isBefore(from) && entry.time().isBefore(to))
            .sorted(OLDEST_FIRST)
            .collect(Collectors.toList());
    }

    @Override
    public List<LedgerEntry> byMessageId(String messageId) {
        String normalized = LedgerEntry.normalizeMessageId(messageId);
        if (normalized.isEmpty()) {
            return List.of();
        }
        return entries(new ArrayList<>(state.sets().members(messageIdKey(normalized)))).stream()
            .filter(entry -> entry.messageId().equals(normalized))
            .sorted(OLDEST_FIRST)
            .collect(Collectors.toList());
    }

    /**
     * Each entry is changed by compare-and-set on its JSON, so two servers updating different
     * recipients of one entry (a recall and an undo, two recalls) both keep their change.
     */
    @Override
    public void updateOutcomes(String messageId, Set<String> recipients, DeliveryOutcome outcome) {
        for (LedgerEntry entry : byMessageId(messageId)) {
            updateEntry(entry.id(), recipients, outcome);
        }
    }

    private void updateEntry(String id, Set<String> recipients, DeliveryOutcome outcome) {
        state.hashes().update(ENTRIES_KEY, id, current -> current.map(json -> {
            LedgerEntry entry = read(json);
            LedgerEntry updated = entry.withOutcomes(recipients, outcome);
            return updated.equals(entry) ? json : StateJson.write(updated);
        }), () -> new IllegalStateException("ledger entry " + id + " kept changing: its outcomes were not updated"));
    }

    /** Pages through the time index from the oldest; counts only the entries this call removed. */
    @Override
    public int prune(Instant before) {
        int pruned = 0;
        while (true) {
            List<ScoredMember> page = state.sortedSets().rangeByScore(TIME_KEY, Double.NEGATIVE_INFINITY,
                before.toEpochMilli(), BATCH);
            List<String> ids = page.stream().map(ScoredMember::member).collect(Collectors.toList());
            List<Optional<String>> jsons = state.hashes().getMany(fields(ids));
            int kept = 0;
            for (int i = 0; i < ids.size(); i++) {
                Optional<LedgerEntry> entry = jsons.get(i).map(StateLedger::read);
                if (entry.isPresent() && !entry.get().time().isBefore(before)) {
                    kept++; // same millisecond as 'before', but not older
                    continue;
                }
                if (entry.isPresent() && state.hashes().remove(ENTRIES_KEY, ids.get(i))) {
                    pruned++;
                }
                entry.filter(e -> !e.messageId().isEmpty())
                    .ifPresent(e -> state.sets().remove(messageIdKey(e.messageId()), e.id()));
                state.sortedSets().remove(TIME_KEY, ids.get(i));
            }
            if (page.size() < BATCH || kept == page.size()) {
                return pruned;
            }
        }
    }

    private List<LedgerEntry> entries(List<String> ids) {
        List<LedgerEntry> entries = new ArrayList<>(ids.size());
        for (List<String> batch : Lists.partition(ids, BATCH)) {
            state.hashes().getMany(fields(batch)).forEach(json -> json.map(StateLedger::read).ifPresent(entries::add));
        }
        return entries;
    }

    private static List<HashStore.Field> fields(List<String> ids) {
        return ids.stream().map(id -> HashStore.Field.of(ENTRIES_KEY, id)).collect(Collectors.toList());
    }

    private static LedgerEntry read(String json) {
        return StateJson.read(json, LedgerEntry.class);
    }
}
