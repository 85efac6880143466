package io.rampart.core.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import io.rampart.core.config.AuditSettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.state.SortedSetStore.ScoredMember;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Audit records of held mail, in the state store. A decision is taken once, even with several James
 * servers racing (first writer wins); the loser gets an {@link IllegalStateException} (WebAdmin 409).
 */
public final class AuditStore {
    static final String RECORDS_KEY = "audit.records";
    static final String DECISIONS_KEY = "audit.decisions";
    static final String EXPIRY_KEY = "audit.expiry";
    public static final String EXPIRY_ACTOR = "expiry";

    private final AuditSettings settings;
    private final StateStore state;
    private final Clock clock;

    public AuditStore(AuditSettings settings, StateStore state, Clock clock) {
        this.settings = settings;
        this.state = state;
        this.clock = clock;
    }

    /** A fresh id for a held mail (also usable as its key in the audit mail repository). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Records a held mail; the id must be new. */
    public AuditRecord hold(String id, Flow flow, Optional<String> sender, List<String> recipients, String rule, String reason) {
        Instant now = clock.instant();
        AuditRecord record = AuditRecord.held(id, flow, sender, recipients, rule, reason, now,
            now.plus(settings.expiry()), settings.expiryAction());
        if (!state.hashes().putIfAbsent(RECORDS_KEY, id, StateJson.write(record))) {
            throw new IllegalStateException("an audit record with id '" + id + "' already exists");
        }
        state.sortedSets().add(EXPIRY_KEY, id, record.expiresAt().toEpochMilli());
        return record;
    }

    public Optional<AuditRecord> get(String id) {
        return state.hashes().get(RECORDS_KEY, id).map(json -> StateJson.read(json, AuditRecord.class));
    }

    /** Every record (or those with the status), oldest first. */
    public ImmutableList<AuditRecord> list(Optional<AuditStatus> status) {
        return state.hashes().entries(RECORDS_KEY).values().stream()
            .map(json -> StateJson.read(json, AuditRecord.class))
            .filter(record -> status.map(s -> record.status() == s).orElse(true))
            .sorted(Comparator.comparing(AuditRecord::heldAt).thenComparing(AuditRecord::id))
            .collect(ImmutableList.toImmutableList());
    }

    /**
     * Approves or rejects a held mail. Empty when no such record (404); IllegalStateException when
     * it was already decided (409). The caller then releases or deletes the mail in the repository.
     */
    public Optional<AuditRecord> decide(String id, AuditDecision decision, String actor) {
        Preconditions.checkArgument(actor != null && !actor.isBlank(), "actor must not be blank");
        Optional<AuditRecord> existing = get(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!state.hashes().putIfAbsent(DECISIONS_KEY, id, decision.asString())) {
            AuditRecord current = get(id).orElse(existing.get());
            throw new IllegalStateException("held mail '" + id + "' was already decided: " + current.status().asString()
                + current.decidedBy().map(by -> " by " + by).orElse(""));
        }
        AuditRecord decided = existing.get().decided(decision, clock.instant(), actor);
        state.hashes().put(RECORDS_KEY, id, StateJson.write(decided));
        state.sortedSets().remove(EXPIRY_KEY, id);
        return Optional.of(decided);
    }

    /** Held records whose expiry has passed, oldest expiry first (at most {@code limit}). */
    public ImmutableList<AuditRecord> expired(int limit) {
        double now = clock.instant().toEpochMilli();
        ImmutableList.Builder<AuditRecord> records = ImmutableList.builder();
        for (ScoredMember member : state.sortedSets().rangeByScore(EXPIRY_KEY, Double.NEGATIVE_INFINITY, now, limit)) {
            get(member.member()).filter(AuditRecord::isHeld).ifPresent(records::add);
        }
        return records.build();
    }

    /** Applies each expired record's expiry action; returns the records decided now. */
    public ImmutableList<AuditRecord> expireDue(int limit) {
        ImmutableList.Builder<AuditRecord> decided = ImmutableList.builder();
        for (AuditRecord record : expired(limit)) {
            try {
                decide(record.id(), record.expiryAction(), EXPIRY_ACTOR).ifPresent(decided::add);
            } catch (IllegalStateException raced) {
                // another server or an admin decided it meanwhile: nothing to do
            }
        }
        return decided.build();
    }

    /** Forgets decided records decided before {@code instant} (retention); returns how many. */
    public int purgeDecidedBefore(Instant instant) {
        int purged = 0;
        for (AuditRecord record : list(Optional.empty())) {
            if (!record.isHeld() && record.decidedAt().map(at -> at.isBefore(instant)).orElse(false)) {
                purged += remove(record.id()) ? 1 : 0;
            }
        }
        return purged;
    }

    /** Forgets a record (after its mail left the repository); true when it existed. */
    public boolean remove(String id) {
        state.sortedSets().remove(EXPIRY_KEY, id);
        state.hashes().remove(DECISIONS_KEY, id);
        return state.hashes().remove(RECORDS_KEY, id);
    }
}
