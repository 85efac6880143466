package io.rampart.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every delivery Rampart saw: recorded when Rampart acts on a mail, updated when a copy is
 * recalled or restored. Read by the message trace, recall planning and automatic recall.
 */
public interface Ledger {
    void record(LedgerEntry entry);

    Optional<LedgerEntry> get(String id);

    /** Entries whose time is in {@code [from, to)}, oldest first. */
    List<LedgerEntry> between(Instant from, Instant to);

    /** Entries carrying this Message-ID (any flow). */
    List<LedgerEntry> byMessageId(String messageId);

    /** Sets the outcome of every entry with this Message-ID that has this recipient. */
    default void updateOutcome(String messageId, String recipient, DeliveryOutcome outcome) {
        updateOutcomes(messageId, java.util.Set.of(recipient), outcome);
    }

    /** Sets the outcome of these recipients in every entry with this Message-ID (one write per entry). */
    void updateOutcomes(String messageId, java.util.Set<String> recipients, DeliveryOutcome outcome);

    /** Drops entries older than {@code before}; returns how many. */
    int prune(Instant before);
}
