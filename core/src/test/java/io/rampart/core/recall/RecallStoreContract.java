package io.rampart.core.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;

/** What the recall store must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface RecallStoreContract {
    Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    StateStore state();

    StateStore otherState();

    MutableClock clock();

    default RecallStore store() {
        return new StateRecallStore(state(), clock());
    }

    default RecallStore otherNode() {
        return new StateRecallStore(otherState(), clock());
    }

    static RecallRecord record(String id, Instant createdAt) {
        return new RecallRecord(id, createdAt, RecallTrigger.admin("admin@corp.test", "phish wave"),
            RecallCriteria.builder().sender("boss@evil.test").since(T0.minus(Duration.ofHours(1))).build(),
            RecallStatus.PROPOSED);
    }

    static RecalledItem recalled(String key, String user) {
        return RecalledItem.recalled(key, user, "INBOX", ImmutableList.of("\\Seen", "$Important"), T0.minusSeconds(30),
            "<m@evil.test>", "Pay now", "boss@evil.test");
    }

    @Test
    default void getShouldReturnEveryFieldOfASavedRecord() {
        RecallRecord record = new RecallRecord("r1", T0, RecallTrigger.indicator("i1", "url:http://evil.test/", "feed-a"),
            RecallCriteria.builder().url("http://evil.test/").scope(RecallCriteria.Scope.LEDGER).build(),
            RecallStatus.PENDING_APPROVAL);
        record.planned(3);
        record.taskId("task-1");
        record.approvedBy("second@corp.test");
        record.put(recalled("k1", "a@corp.test"));
        record.put(RecalledItem.failed("k2", "b@corp.test", "Archive", "<m@evil.test>", "Pay now", "boss@evil.test",
            "mailbox busy"));
        record.internalReach("boss@evil.test", 7);
        record.note("first note");
        record.status(RecallStatus.PARTIAL);
        record.undone("admin@corp.test");
        store().save(record);

        RecallRecord read = store().get("r1").orElseThrow();

        assertThat(read.toJson()).isEqualTo(record.toJson());
        assertThat(read.items()).containsExactlyElementsOf(record.items());
        assertThat(read.criteria()).isEqualTo(record.criteria());
        assertThat(read.trigger()).isEqualTo(record.trigger());
        assertThat(store().get("unknown")).isEmpty();
    }

    @Test
    default void listShouldBeNewestFirst() {
        store().save(record("old", T0));
        store().save(record("new", T0.plusSeconds(60)));

        assertThat(store().list()).extracting(RecallRecord::id).containsExactly("new", "old");
    }

    @Test
    default void savingAStaleCopyShouldKeepWhatAnotherWriterAdded() {
        store().save(record("r1", T0));
        RecallRecord task = store().get("r1").orElseThrow();
        RecallRecord mailet = otherNode().get("r1").orElseThrow();

        mailet.put(RecalledItem.stopped("stopped-1", "c@corp.test", "<m@evil.test>", "Pay now", "boss@evil.test"));
        mailet.note("stopped on arrival");
        otherNode().save(mailet);
        task.put(recalled("k1", "a@corp.test"));
        task.note("task note");
        task.status(RecallStatus.COMPLETED);
        store().save(task);

        RecallRecord stored = store().get("r1").orElseThrow();
        assertThat(stored.status()).isEqualTo(RecallStatus.COMPLETED);
        assertThat(stored.items()).extracting(RecalledItem::key).containsExactlyInAnyOrder("stopped-1", "k1");
        assertThat(stored.notes()).containsExactly("stopped on arrival", "task note");
        assertThat(task.items()).as("the saver's copy gets the other writer's work").hasSize(2);
    }

    @Test
    default void savingACopyReadBeforeTheTaskIdWasSetShouldKeepTheTaskId() {
        store().save(record("r1", T0));
        RecallRecord task = store().get("r1").orElseThrow();

        assertThat(otherNode().update("r1", stored -> stored.taskId("task-9"))).isPresent();
        task.status(RecallStatus.COMPLETED);
        store().save(task);

        assertThat(store().get("r1").orElseThrow().taskId()).contains("task-9");
        assertThat(store().get("r1").orElseThrow().status()).isEqualTo(RecallStatus.COMPLETED);
    }

    @Test
    default void anItemStateChangedByTheSaverShouldWin() {
        RecallRecord record = record("r1", T0);
        record.put(recalled("k1", "a@corp.test"));
        store().save(record);
        RecallRecord undo = store().get("r1").orElseThrow();

        undo.put(undo.items().get(0).withState(RecalledItem.State.RESTORED, Optional.empty()));
        undo.status(RecallStatus.UNDONE);
        undo.undone("admin@corp.test");
        store().save(undo);

        RecallRecord stored = store().get("r1").orElseThrow();
        assertThat(stored.items()).extracting(RecalledItem::state).containsExactly(RecalledItem.State.RESTORED);
        assertThat(stored.undoneAt()).isPresent();
    }

    @Test
    default void updateShouldChangeTheStoredRecordAndBeEmptyForAnUnknownOne() {
        store().save(record("r1", T0));

        Optional<RecallRecord> updated = store().update("r1", stored -> stored.note("n"));

        assertThat(updated).hasValueSatisfying(r -> assertThat(r.notes()).containsExactly("n"));
        assertThat(store().get("r1").orElseThrow().notes()).containsExactly("n");
        assertThat(store().update("unknown", stored -> stored.note("n"))).isEmpty();
        assertThat(store().get("unknown")).isEmpty();
    }

    @Test
    default void concurrentWritersOnTwoNodesShouldLoseNothing() throws Exception {
        store().save(record("r1", T0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                RecallStore node = t % 2 == 0 ? store() : otherNode();
                futures.add(pool.submit(() -> {
                    RecallRecord copy = node.get("r1").orElseThrow();
                    for (int i = 0; i < 15; i++) {
                        String key = "t" + thread + "-" + i;
                        if (thread < 2) {
                            copy.put(recalled(key, "u" + i + "@corp.test"));
                            node.save(copy);
                        } else {
                            node.update("r1", stored -> stored.put(RecalledItem.stopped(key, "u@corp.test", "<m@x>", "s",
                                "boss@evil.test")));
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store().get("r1").orElseThrow().items()).hasSize(60);
    }

    @Test
    default void triggeredByShouldFindTheRecordsOfOneIndicatorNewestFirst() {
        RecallCriteria criteria = RecallCriteria.builder().domain("evil.test").build();
        store().save(new RecallRecord("a", T0, RecallTrigger.indicator("i1", "domain:evil.test", "feed"), criteria,
            RecallStatus.PROPOSED));
        store().save(new RecallRecord("b", T0.plusSeconds(1), RecallTrigger.indicator("i1", "domain:evil.test", "feed"),
            criteria, RecallStatus.COMPLETED));
        store().save(new RecallRecord("c", T0, RecallTrigger.indicator("i2", "domain:evil.test", "feed"), criteria,
            RecallStatus.PROPOSED));
        store().save(record("d", T0));

        assertThat(store().triggeredBy("i1")).extracting(RecallRecord::id).containsExactly("b", "a");
        assertThat(otherNode().triggeredBy("i2")).extracting(RecallRecord::id).containsExactly("c");
        assertThat(store().triggeredBy("i3")).isEmpty();
    }

    @Test
    default void anActiveRuleShouldHoldUntilItExpiresOrIsDeactivated() {
        RecallCriteria senderRule = RecallCriteria.builder().sender("boss@evil.test").build();
        RecallCriteria domainRule = RecallCriteria.builder().domain("evil.test").build();
        store().activate("r1", senderRule, T0.plusSeconds(60));
        store().activate("r2", domainRule, T0.plusSeconds(120));

        assertThat(otherNode().activeRules(T0)).containsOnlyKeys("r1", "r2").containsEntry("r1", senderRule)
            .containsEntry("r2", domainRule);
        assertThat(store().activeRules(T0.plusSeconds(60))).containsOnlyKeys("r2");
        otherNode().deactivate("r2");
        assertThat(store().activeRules(T0)).containsOnlyKeys("r1");
    }

    @Test
    default void activatingShouldForgetExpiredRules() {
        store().activate("old", RecallCriteria.builder().sender("a@evil.test").build(), T0.plusSeconds(10));
        clock().advance(Duration.ofMinutes(1));
        store().activate("new", RecallCriteria.builder().sender("b@evil.test").build(), T0.plusSeconds(600));

        assertThat(state().sortedSets().size(StateRecallStore.RULES_KEY)).isEqualTo(1);
        assertThat(state().hashes().entries(StateRecallStore.RULE_CRITERIA_KEY)).containsOnlyKeys("new");
    }

    @Test
    default void aRuleShouldSelectWithItsCriteria() {
        store().activate("r1", RecallCriteria.builder().sender("boss@evil.test").since(T0).build(), T0.plusSeconds(60));
        LedgerEntry later = LedgerEntry.builder().id("e").sender("boss@evil.test").time(T0.plusSeconds(30)).flow("inbound")
            .verdict("clean").build();

        assertThat(store().activeRules(T0).get("r1").matches(later)).isTrue();
    }
}
