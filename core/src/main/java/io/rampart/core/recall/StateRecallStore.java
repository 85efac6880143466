package io.rampart.core.recall;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;

import io.rampart.core.state.HashStore;
import io.rampart.core.state.SortedSetStore.ScoredMember;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Recall records in the state store ({@code state.backend}): on Redis every James node sees, runs,
 * stops copies for and undoes the same recalls. A record is its WebAdmin JSON in one hash by id,
 * written by compare-and-set (a save merges another writer's work, an update applies to the stored
 * record); a set per threat indicator indexes the records it triggered. Active rules are a sorted set
 * of recall ids by expiry and a hash of their criteria, so the check every mail goes through reads
 * nothing else (one round trip, two when a rule holds).
 */
public final class StateRecallStore implements RecallStore {
    static final String RECORDS_KEY = "recall.records";
    static final String INDICATOR_KEY_PREFIX = "recall.indicator.";
    static final String RULES_KEY = "recall.rules";
    static final String RULE_CRITERIA_KEY = "recall.rule-criteria";
    /** Attempts of a compare-and-set before giving up (only under constant contention). */
    private static final int EXPIRED_RULES_PER_SWEEP = 100;
    private static final Comparator<RecallRecord> NEWEST_FIRST = Comparator.comparing(RecallRecord::createdAt).reversed()
        .thenComparing(RecallRecord::id);

    private final StateStore state;
    private final Clock clock;

    public StateRecallStore(StateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void save(RecallRecord record) {
        state.hashes().update(RECORDS_KEY, record.id(), current -> {
            if (current.isEmpty()) {
                record.trigger().indicatorId().ifPresent(indicatorId ->
                    state.sets().addAll(INDICATOR_KEY_PREFIX + indicatorId, ImmutableList.of(record.id())));
            } else {
                record.keepFrom(read(current.get()));
            }
            return Optional.of(write(record));
        }, () -> contention(record.id()));
    }

    @Override
    public Optional<RecallRecord> update(String id, Consumer<RecallRecord> change) {
        AtomicReference<RecallRecord> changed = new AtomicReference<>();
        state.hashes().update(RECORDS_KEY, id, current -> current.map(json -> {
            RecallRecord record = read(json);
            change.accept(record);
            changed.set(record);
            return write(record);
        }), () -> contention(id));
        return Optional.ofNullable(changed.get());
    }

    private static IllegalStateException contention(String id) {
        return new IllegalStateException("recall " + id + " kept changing: it was not saved");
    }

    @Override
    public Optional<RecallRecord> get(String id) {
        return state.hashes().get(RECORDS_KEY, id).map(StateRecallStore::read);
    }

    @Override
    public List<RecallRecord> list() {
        return state.hashes().entries(RECORDS_KEY).values().stream()
            .map(StateRecallStore::read)
            .sorted(NEWEST_FIRST)
            .collect(Collectors.toList());
    }

    @Override
    public List<RecallRecord> triggeredBy(String indicatorId) {
        List<HashStore.Field> fields = state.sets().members(INDICATOR_KEY_PREFIX + indicatorId).stream()
            .map(id -> HashStore.Field.of(RECORDS_KEY, id))
            .collect(Collectors.toList());
        return state.hashes().getMany(fields).stream()
            .flatMap(Optional::stream)
            .map(StateRecallStore::read)
            .sorted(NEWEST_FIRST)
            .collect(Collectors.toList());
    }

    /** Also forgets rules that expired (a launch is rare; the check on every mail stays one read). */
    @Override
    public void activate(String id, RecallCriteria criteria, Instant until) {
        state.hashes().put(RULE_CRITERIA_KEY, id, StateJson.write(criteria.toJson()));
        state.sortedSets().add(RULES_KEY, id, until.toEpochMilli());
        List<ScoredMember> expired = state.sortedSets().rangeByScore(RULES_KEY, Double.NEGATIVE_INFINITY,
            clock.instant().toEpochMilli(), EXPIRED_RULES_PER_SWEEP);
        expired.stream().filter(rule -> !rule.member().equals(id)).forEach(rule -> deactivate(rule.member()));
    }

    @Override
    public void deactivate(String id) {
        state.sortedSets().remove(RULES_KEY, id);
        state.hashes().remove(RULE_CRITERIA_KEY, id);
    }

    /** A rule holds while its expiry (kept to the millisecond) is after {@code now}. */
    @Override
    public Map<String, RecallCriteria> activeRules(Instant now) {
        List<String> ids = state.sortedSets().rangeByScore(RULES_KEY, Math.nextUp((double) now.toEpochMilli()),
                Double.POSITIVE_INFINITY, Integer.MAX_VALUE)
            .stream().map(ScoredMember::member).collect(Collectors.toList());
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Optional<String>> criteria = state.hashes().getMany(ids.stream()
            .map(id -> HashStore.Field.of(RULE_CRITERIA_KEY, id)).collect(Collectors.toList()));
        Map<String, RecallCriteria> rules = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            criteria.get(i).ifPresent(json -> rules.put(id, RecallCriteria.fromJson(StateJson.read(json, JsonNode.class))));
        }
        return rules;
    }

    private static String write(RecallRecord record) {
        return StateJson.write(record.toJson());
    }

    private static RecallRecord read(String json) {
        return RecallRecord.fromJson(StateJson.read(json, JsonNode.class));
    }
}
