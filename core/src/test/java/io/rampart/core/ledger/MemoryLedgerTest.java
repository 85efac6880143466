package io.rampart.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class MemoryLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static LedgerEntry entry(String id, String messageId, Instant time, String... recipients) {
        LedgerEntry.Builder builder = LedgerEntry.builder().id(id).messageId(messageId).sender("Boss@Evil.TEST")
            .subject("Pay now").time(time).flow("inbound").verdict("clean");
        for (String recipient : recipients) {
            builder.recipient(recipient, DeliveryOutcome.DELIVERED);
        }
        return builder.build();
    }

    @Test
    void betweenShouldReturnEntriesInTheWindowOldestFirst() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.record(entry("b", "<2@x>", T0.plusSeconds(60), "a@corp.test"));
        ledger.record(entry("a", "<1@x>", T0, "a@corp.test"));
        ledger.record(entry("c", "<3@x>", T0.plusSeconds(120), "a@corp.test"));

        assertThat(ledger.between(T0, T0.plusSeconds(120))).extracting(LedgerEntry::id).containsExactly("a", "b");
    }

    @Test
    void entriesShouldNormaliseMessageIdAndSender() {
        LedgerEntry entry = entry("a", "1@x", T0, "A@Corp.test");

        assertThat(entry.messageId()).isEqualTo("<1@x>");
        assertThat(entry.sender()).isEqualTo("boss@evil.test");
        assertThat(entry.senderDomain()).isEqualTo("evil.test");
        assertThat(entry.outcome("a@corp.test")).contains(DeliveryOutcome.DELIVERED);
    }

    @Test
    void updateOutcomeShouldChangeOnlyThatRecipientOfThatMessage() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.record(entry("a", "<1@x>", T0, "a@corp.test", "b@corp.test"));
        ledger.record(entry("b", "<2@x>", T0, "a@corp.test"));

        ledger.updateOutcome("1@x", "A@corp.test", DeliveryOutcome.RECALLED);

        assertThat(ledger.get("a").get().outcomes()).containsEntry("a@corp.test", DeliveryOutcome.RECALLED)
            .containsEntry("b@corp.test", DeliveryOutcome.DELIVERED);
        assertThat(ledger.get("b").get().outcome("a@corp.test")).contains(DeliveryOutcome.DELIVERED);
    }

    @Test
    void pruneShouldDropOldEntries() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.record(entry("old", "<1@x>", T0, "a@corp.test"));
        ledger.record(entry("new", "<2@x>", T0.plusSeconds(3600), "a@corp.test"));

        assertThat(ledger.prune(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(ledger.byMessageId("<1@x>")).isEmpty();
        assertThat(ledger.byMessageId("<2@x>")).hasSize(1);
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
