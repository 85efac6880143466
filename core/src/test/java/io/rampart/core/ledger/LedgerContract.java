package io.rampart.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.state.StateStore;

/** What the ledger must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface LedgerContract {
    Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    StateStore state();

    StateStore otherState();

    default Ledger ledger() {
        return new StateLedger(state());
    }

    default Ledger otherNode() {
        return new StateLedger(otherState());
    }

    static LedgerEntry entry(String id, String messageId, Instant time, String... recipients) {
        LedgerEntry.Builder builder = LedgerEntry.builder().id(id).messageId(messageId).sender("Boss@Evil.TEST")
            .subject("Pay now").time(time).flow("inbound").verdict("clean");
        for (String recipient : recipients) {
            builder.recipient(recipient, DeliveryOutcome.DELIVERED);
        }
        return builder.build();
    }

    @Test
    default void getShouldReturnEveryFieldOfARecordedEntry() {
        LedgerEntry entry = LedgerEntry.builder().id("a").messageId("<1@x>").sender("boss@evil.test").subject("Pay now")
            .time(T0.plusNanos(123_456_789)).flow("internal").verdict("phish")
            .urls(ImmutableSet.of("http://evil.test/pay")).hashes(ImmutableSet.of("ab"))
            .references(ImmutableList.of("<0@x>")).recipient("a@corp.test", DeliveryOutcome.JUNK)
            .recipient("b@corp.test", DeliveryOutcome.QUARANTINED).build();
        ledger().record(entry);

        assertThat(ledger().get("a")).contains(entry);
        assertThat(ledger().get("unknown")).isEmpty();
    }

    @Test
    default void betweenShouldReturnEntriesInTheWindowOldestFirst() {
        ledger().record(entry("b", "<2@x>", T0.plusSeconds(60), "a@corp.test"));
        ledger().record(entry("a", "<1@x>", T0, "a@corp.test"));
        ledger().record(entry("c", "<3@x>", T0.plusSeconds(120), "a@corp.test"));
        ledger().record(entry("early", "<4@x>", T0.minusMillis(1), "a@corp.test"));

        assertThat(ledger().between(T0, T0.plusSeconds(120))).extracting(LedgerEntry::id).containsExactly("a", "b");
        assertThat(ledger().between(T0.plusSeconds(120), T0)).isEmpty();
    }

    @Test
    default void betweenShouldOrderEntriesOfTheSameTimeById() {
        ledger().record(entry("z", "<1@x>", T0, "a@corp.test"));
        ledger().record(entry("m", "<2@x>", T0, "a@corp.test"));

        assertThat(ledger().between(T0, T0.plusSeconds(1))).extracting(LedgerEntry::id).containsExactly("m", "z");
    }

    @Test
    default void betweenShouldCompareInstantsMoreFinelyThanMilliseconds() {
        ledger().record(entry("before", "<1@x>", T0.plusNanos(100), "a@corp.test"));
        ledger().record(entry("inside", "<2@x>", T0.plusNanos(200), "a@corp.test"));
        ledger().record(entry("after", "<3@x>", T0.plusNanos(300), "a@corp.test"));

        assertThat(ledger().between(T0.plusNanos(200), T0.plusNanos(300))).extracting(LedgerEntry::id)
            .containsExactly("inside");
    }

    @Test
    default void betweenShouldReadManyEntries() {
        for (int i = 0; i < 1200; i++) {
            ledger().record(entry(String.format("e%04d", i), "<" + i + "@x>", T0.plusSeconds(i), "a@corp.test"));
        }

        List<LedgerEntry> all = ledger().between(T0, T0.plusSeconds(1200));
        assertThat(all).hasSize(1200);
        assertThat(all.get(0).id()).isEqualTo("e0000");
        assertThat(all.get(1199).id()).isEqualTo("e1199");
    }

    @Test
    default void byMessageIdShouldFindEveryEntryOfTheMessageWithOrWithoutBrackets() {
        ledger().record(entry("out", "<1@x>", T0.plusSeconds(1), "x@remote.test"));
        ledger().record(entry("in", "<1@x>", T0, "a@corp.test"));
        ledger().record(entry("other", "<2@x>", T0, "a@corp.test"));
        ledger().record(entry("none", "", T0, "a@corp.test"));

        assertThat(ledger().byMessageId("1@x")).extracting(LedgerEntry::id).containsExactly("in", "out");
        assertThat(ledger().byMessageId(" <1@x> ")).extracting(LedgerEntry::id).containsExactly("in", "out");
        assertThat(ledger().byMessageId("<3@x>")).isEmpty();
        assertThat(ledger().byMessageId("")).isEmpty();
    }

    @Test
    default void recordingAnEntryAgainShouldReplaceIt() {
        ledger().record(entry("a", "<1@x>", T0, "a@corp.test"));
        LedgerEntry moved = entry("a", "<2@x>", T0.plusSeconds(3600), "b@corp.test");
        ledger().record(moved);

        assertThat(ledger().get("a")).contains(moved);
        assertThat(ledger().byMessageId("<1@x>")).isEmpty();
        assertThat(ledger().byMessageId("<2@x>")).containsExactly(moved);
        assertThat(ledger().between(T0, T0.plusSeconds(1))).isEmpty();
        assertThat(ledger().between(T0, T0.plusSeconds(3601))).containsExactly(moved);
    }

    @Test
    default void updateOutcomeShouldChangeOnlyThatRecipientOfThatMessage() {
        ledger().record(entry("a", "<1@x>", T0, "a@corp.test", "b@corp.test"));
        ledger().record(entry("b", "<2@x>", T0, "a@corp.test"));

        ledger().updateOutcome("1@x", "A@corp.test", DeliveryOutcome.RECALLED);

        assertThat(ledger().get("a").get().outcomes()).containsEntry("a@corp.test", DeliveryOutcome.RECALLED)
            .containsEntry("b@corp.test", DeliveryOutcome.DELIVERED);
        assertThat(ledger().get("b").get().outcome("a@corp.test")).contains(DeliveryOutcome.DELIVERED);
    }

    @Test
    default void updateOutcomesShouldChangeEveryEntryOfTheMessageAndIgnoreOtherRecipients() {
        ledger().record(entry("in", "<1@x>", T0, "a@corp.test", "b@corp.test", "c@corp.test"));
        ledger().record(entry("fwd", "<1@x>", T0.plusSeconds(5), "b@corp.test"));

        ledger().updateOutcomes("<1@x>", ImmutableSet.of("a@corp.test", "b@corp.test", "z@corp.test"),
            DeliveryOutcome.RECALLED);

        assertThat(ledger().get("in").get().outcomes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
            "a@corp.test", DeliveryOutcome.RECALLED, "b@corp.test", DeliveryOutcome.RECALLED,
            "c@corp.test", DeliveryOutcome.DELIVERED));
        assertThat(ledger().get("fwd").get().outcomes()).containsExactlyEntriesOf(java.util.Map.of(
            "b@corp.test", DeliveryOutcome.RECALLED));
        assertThat(ledger().byMessageId("<1@x>")).hasSize(2);
    }

    @Test
    default void concurrentOutcomeUpdatesFromTwoNodesShouldAllBeKept() throws Exception {
        String[] recipients = new String[40];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = "u" + i + "@corp.test";
        }
        ledger().record(entry("a", "<1@x>", T0, recipients));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < recipients.length; i++) {
                Ledger node = i % 2 == 0 ? ledger() : otherNode();
                String recipient = recipients[i];
                futures.add(pool.submit(() -> node.updateOutcome("<1@x>", recipient, DeliveryOutcome.RECALLED)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ledger().get("a").get().outcomes().values()).hasSize(40).containsOnly(DeliveryOutcome.RECALLED);
    }

    @Test
    default void pruneShouldDropOldEntriesFromEveryIndex() {
        ledger().record(entry("old", "<1@x>", T0, "a@corp.test"));
        ledger().record(entry("older", "<1@x>", T0.minusSeconds(60), "a@corp.test"));
        ledger().record(entry("new", "<2@x>", T0.plusSeconds(3600), "a@corp.test"));

        assertThat(ledger().prune(T0.plusSeconds(1))).isEqualTo(2);

        assertThat(ledger().get("old")).isEmpty();
        assertThat(ledger().byMessageId("<1@x>")).isEmpty();
        assertThat(ledger().byMessageId("<2@x>")).hasSize(1);
        assertThat(ledger().between(T0.minusSeconds(3600), T0.plusSeconds(7200))).extracting(LedgerEntry::id)
            .containsExactly("new");
        assertThat(ledger().prune(T0.plusSeconds(1))).isZero();
    }

    @Test
    default void pruneShouldKeepAnEntryOfTheSameMillisecondThatIsNotOlder() {
        ledger().record(entry("older", "<1@x>", T0.plusNanos(100), "a@corp.test"));
        ledger().record(entry("same", "<2@x>", T0.plusNanos(200), "a@corp.test"));

        assertThat(ledger().prune(T0.plusNanos(200))).isEqualTo(1);
        assertThat(ledger().get("same")).isPresent();
        assertThat(ledger().get("older")).isEmpty();
    }

    @Test
    default void pruneShouldCountEveryEntryOfALargeLedger() {
        for (int i = 0; i < 1234; i++) {
            ledger().record(entry("e" + i, "<" + (i % 10) + "@x>", T0.plusSeconds(i), "a@corp.test"));
        }

        assertThat(ledger().prune(T0.plusSeconds(1200))).isEqualTo(1200);
        assertThat(ledger().between(T0, T0.plusSeconds(2000))).hasSize(34);
        assertThat(ledger().byMessageId("<0@x>")).extracting(LedgerEntry::id).containsExactly("e1200", "e1210", "e1220",
            "e1230");
    }

    @Test
    default void anotherNodeShouldSeeWhatOneNodeRecordedAndUpdated() {
        ledger().record(entry("a", "<1@x>", T0, "a@corp.test"));

        assertThat(otherNode().byMessageId("<1@x>")).extracting(LedgerEntry::id).containsExactly("a");
        otherNode().updateOutcome("<1@x>", "a@corp.test", DeliveryOutcome.RECALLED);
        assertThat(ledger().get("a").get().outcome("a@corp.test")).contains(DeliveryOutcome.RECALLED);
        assertThat(otherNode().prune(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(ledger().between(T0, T0.plusSeconds(1))).isEmpty();
    }
}
