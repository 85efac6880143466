package io.rampart.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Ledger entries and outcomes as values. */
class LedgerEntryTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void entriesShouldNormaliseMessageIdAndSender() {
        LedgerEntry entry = LedgerContract.entry("a", "1@x", T0, "A@Corp.test");

        assertThat(entry.messageId()).isEqualTo("<1@x>");
        assertThat(entry.sender()).isEqualTo("boss@evil.test");
        assertThat(entry.senderDomain()).isEqualTo("evil.test");
        assertThat(entry.outcome("a@corp.test")).contains(DeliveryOutcome.DELIVERED);
    }

    @Test
    void actionsShouldMapToOutcomes() {
        assertThat(DeliveryOutcome.fromAction("deliver")).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(DeliveryOutcome.fromAction("quarantine")).isEqualTo(DeliveryOutcome.QUARANTINED);
        assertThat(DeliveryOutcome.fromAction("hold")).isEqualTo(DeliveryOutcome.HELD);
        assertThat(DeliveryOutcome.JUNK.reachedMailbox()).isTrue();
        assertThat(DeliveryOutcome.QUARANTINED.reachedMailbox()).isFalse();
    }
}
