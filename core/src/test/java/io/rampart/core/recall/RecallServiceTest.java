package io.rampart.core.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.config.IntelSettings;
import io.rampart.core.config.RecallSettings;
import io.rampart.core.intel.Indicator;
import io.rampart.core.intel.IndicatorType;
import io.rampart.core.intel.IntelService;
import io.rampart.core.intel.StateIndicatorStore;
import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.ledger.StateLedger;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.verdict.VerdictClass;

class RecallServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String URL = "https://evil.test/login";
    private static final IntelSettings INTEL = new IntelSettings(true, 50, 10.0, ImmutableList.of());

    /** Records what the James side would be asked to do. */
    static final class RecordingLauncher implements RecallLauncher {
        final List<String> launched = new ArrayList<>();
        final List<String> undone = new ArrayList<>();

        @Override
        public String launch(RecallRecord record) {
            launched.add(record.id());
            return "task-" + launched.size();
        }

        @Override
        public String undo(RecallRecord record, String actor) {
            undone.add(record.id());
            record.status(RecallStatus.UNDONE);
            record.undone(actor);
            return "undo-task-" + undone.size();
        }
    }

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private StateLedger ledger;
    private RecallService recalls;
    private RecordingLauncher launcher;

    private MemoryStateStore state;

    private static RecallSettings settings() {
        return new RecallSettings(RecallSettings.DEFAULT_REPOSITORY, Duration.ofHours(72),
            Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(30), 500, false, false, 4, 100);
    }

    @BeforeEach
    void setUp() {
        state = new MemoryStateStore();
        ledger = new StateLedger(state);
        recalls = new RecallService(settings(), ledger, new StateRecallStore(state, CLOCK), CLOCK);
        launcher = new RecordingLauncher();
        recalls.launcher(launcher);
    }

    private static LedgerEntry entry(String id, String messageId, String sender, String flow, Instant time,
                                     ImmutableSet<String> urls, ImmutableList<String> references, String... recipients) {
        LedgerEntry.Builder builder = LedgerEntry.builder().id(id).messageId(messageId).sender(sender).subject("s " + id)
            .time(time).flow(flow).verdict("clean").urls(urls).references(references);
        for (String recipient : recipients) {
            builder.recipient(recipient, DeliveryOutcome.DELIVERED);
        }
        return builder.build();
    }

    @Test
    void ledgerMatchesShouldFollowInternalForwardsByReferencesAndUrls() {
        ledger.record(entry("orig", "<1@evil.test>", "ceo@evil.test", "inbound", NOW.minusSeconds(600),
            ImmutableSet.of(URL), ImmutableList.of(), "alice@corp.test", "bob@corp.test"));
        ledger.record(entry("fwd", "<2@corp.test>", "alice@corp.test", "internal", NOW.minusSeconds(300),
            ImmutableSet.of(), ImmutableList.of("<1@evil.test>"), "carol@corp.test"));
        ledger.record(entry("fwd2", "<3@corp.test>", "carol@corp.test", "internal", NOW.minusSeconds(200),
            ImmutableSet.of(URL), ImmutableList.of(), "dave@corp.test"));
        ledger.record(entry("unrelated", "<4@corp.test>", "bob@corp.test", "internal", NOW.minusSeconds(100),
            ImmutableSet.of("https://intranet.corp.test/"), ImmutableList.of(), "erin@corp.test"));

        List<LedgerEntry> matches = recalls.ledgerMatches(RecallCriteria.builder().messageId("<1@evil.test>").build());

        assertThat(matches).extracting(LedgerEntry::id).containsExactly("orig", "fwd", "fwd2");
    }

    @Test
    void internalReachShouldCountDistinctRecipientsTheSenderReached() {
        ledger.record(entry("a", "<1@x>", "ceo@evil.test", "inbound", NOW.minusSeconds(60), ImmutableSet.of(),
            ImmutableList.of(), "alice@corp.test", "bob@corp.test"));
        ledger.record(entry("b", "<2@x>", "ceo@evil.test", "inbound", NOW.minusSeconds(30), ImmutableSet.of(),
            ImmutableList.of(), "bob@corp.test", "carol@corp.test"));

        assertThat(recalls.internalReach("ceo@evil.test", NOW.minusSeconds(3600), NOW)).isEqualTo(3);
    }

    @Test
    void anEnforcedIndicatorShouldLaunchARecallOnceAndItsRevocationShouldUndoIt() {
        ledger.record(entry("a", "<1@x>", "ceo@evil.test", "inbound", NOW.minusSeconds(60), ImmutableSet.of(URL),
            ImmutableList.of(), "alice@corp.test"));
        IntelService intel = new IntelService(INTEL, new StateIndicatorStore(state, CLOCK), recalls, Clock.fixed(NOW, ZoneOffset.UTC));
        Indicator indicator = Indicator.of(IndicatorType.URL, URL, VerdictClass.PHISH, "feed", 90, Optional.empty(), NOW);

        IntelService.Added added = intel.add(List.of(indicator), IntelSettings.Mode.ENFORCE).get(0);
        intel.add(List.of(indicator), IntelSettings.Mode.ENFORCE);

        assertThat(added.recall()).isPresent();
        assertThat(launcher.launched).containsExactly(added.recall().get().id());
        assertThat(added.recall().get().taskId()).contains("task-1");
        assertThat(added.recall().get().trigger().kind()).isEqualTo(RecallTrigger.Kind.INDICATOR);

        RecallRecord finished = recalls.get(added.recall().get().id()).orElseThrow();
        assertThat(finished.taskId()).contains("task-1");
        finished.status(RecallStatus.COMPLETED);
        recalls.store().save(finished);
        intel.revoke(added.indicator().id(), "admin");

        assertThat(launcher.undone).containsExactly(added.recall().get().id());
    }

    @Test
    void aFeedOfManyIndicatorsShouldReadTheLedgerWindowOnce() {
        ledger.record(entry("a", "<1@x>", "ceo@evil.test", "inbound", NOW.minusSeconds(60), ImmutableSet.of(URL),
            ImmutableList.of(), "alice@corp.test"));
        List<Instant[]> reads = new ArrayList<>();
        io.rampart.core.ledger.Ledger counting = new io.rampart.core.ledger.Ledger() {
            @Override
            public void record(LedgerEntry entry) {
                ledger.record(entry);
            }

            @Override
            public Optional<LedgerEntry> get(String id) {
                return ledger.get(id);
            }

            @Override
            public List<LedgerEntry> between(Instant from, Instant to) {
                reads.add(new Instant[] {from, to});
                return ledger.between(from, to);
            }

            @Override
            public List<LedgerEntry> byMessageId(String messageId) {
                return ledger.byMessageId(messageId);
            }

            @Override
            public void updateOutcomes(String messageId, java.util.Set<String> recipients, DeliveryOutcome outcome) {
                ledger.updateOutcomes(messageId, recipients, outcome);
            }

            @Override
            public int prune(Instant before) {
                return ledger.prune(before);
            }
        };
        RecallService service = new RecallService(settings(), counting, new StateRecallStore(state, CLOCK), CLOCK);
        IntelService intel = new IntelService(INTEL, new StateIndicatorStore(state, CLOCK), service, CLOCK);
        List<Indicator> feed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            feed.add(Indicator.of(IndicatorType.DOMAIN, "evil" + i + ".test", VerdictClass.PHISH, "feed", 90,
                Optional.empty(), NOW));
        }
        feed.add(Indicator.of(IndicatorType.URL, URL, VerdictClass.PHISH, "feed", 90, Optional.empty(), NOW));

        List<IntelService.Added> added = intel.add(feed, IntelSettings.Mode.SHADOW);

        assertThat(reads).hasSize(1);
        assertThat(added).hasSize(31);
        assertThat(added.subList(0, 30)).allSatisfy(a -> assertThat(a.recall()).isEmpty());
        assertThat(added.get(30).recall()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RecallStatus.PROPOSED));
    }

    @Test
    void aShadowIndicatorShouldOnlyProposeARecall() {
        ledger.record(entry("a", "<1@x>", "ceo@evil.test", "inbound", NOW.minusSeconds(60), ImmutableSet.of(URL),
            ImmutableList.of(), "alice@corp.test"));
        Indicator indicator = Indicator.of(IndicatorType.URL, URL, VerdictClass.PHISH, "feed", 90, Optional.empty(), NOW);

        Optional<RecallRecord> record = recalls.onIndicator(indicator, IntelSettings.Mode.SHADOW, INTEL);

        assertThat(record.get().status()).isEqualTo(RecallStatus.PROPOSED);
        assertThat(record.get().planned()).isEqualTo(1);
        assertThat(launcher.launched).isEmpty();
    }

    @Test
    void anIndicatorShouldIgnoreMailOlderThanTheAutoWindow() {
        ledger.record(entry("a", "<1@x>", "ceo@evil.test", "inbound", NOW.minus(Duration.ofHours(73)),
            ImmutableSet.of(URL), ImmutableList.of(), "alice@corp.test"));
        Indicator indicator = Indicator.of(IndicatorType.URL, URL, VerdictClass.PHISH, "feed", 90, Optional.empty(), NOW);

        assertThat(recalls.onIndicator(indicator, IntelSettings.Mode.ENFORCE, INTEL)).isEmpty();
    }

    @Test
    void anActiveRuleShouldCatchNewCopiesUntilUndone() {
        RecallRecord record = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.PROPOSED);
        recalls.launch(record);
        LedgerEntry late = entry("late", "<9@x>", "ceo@evil.test", "inbound", NOW, ImmutableSet.of(URL),
            ImmutableList.of(), "zoe@corp.test");

        assertThat(recalls.activeRuleMatching(late)).map(RecallRecord::id).contains(record.id());
        recalls.stoppedOnArrival(record, late);
        assertThat(record.count(RecalledItem.State.STOPPED)).isEqualTo(1);
        assertThat(recalls.get(record.id()).orElseThrow().count(RecalledItem.State.STOPPED)).isEqualTo(1);

        record.status(RecallStatus.COMPLETED);
        recalls.store().save(record);
        assertThat(recalls.undo(record, "admin")).isEqualTo("undo-task-1");
        assertThat(recalls.activeRuleMatching(late)).isEmpty();
        assertThat(recalls.get(record.id()).orElseThrow().status()).isEqualTo(RecallStatus.UNDOING);
    }

    @Test
    void anUndoShouldStartOnceAndOnlyForAFinishedRecall() {
        RecallRecord record = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.PROPOSED);
        recalls.launch(record);
        assertThatThrownBy(() -> recalls.undo(record, "admin")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is running");

        RecallRecord finished = recalls.get(record.id()).orElseThrow();
        finished.status(RecallStatus.COMPLETED);
        recalls.store().save(finished);
        // Two admins, each with the record as they read it: the second finds the undo under way.
        RecallRecord seenByFirst = recalls.get(record.id()).orElseThrow();
        RecallRecord seenBySecond = recalls.get(record.id()).orElseThrow();
        recalls.undo(seenByFirst, "alice");
        assertThatThrownBy(() -> recalls.undo(seenBySecond, "bob")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is undoing");

        assertThat(launcher.undone).containsExactly(record.id());
        assertThat(recalls.get(record.id()).orElseThrow().notes()).anyMatch(note -> note.contains("undo started by alice"));
    }

    @Test
    void anUndoWhoseTaskIsGoneShouldBeStartedAgainOnlyWhenAskedAndOnlyIfItsTaskIsNotRunning() {
        java.util.Set<String> running = new java.util.HashSet<>();
        recalls.launcher(new RecallLauncher() {
            @Override
            public String launch(RecallRecord launched) {
                return "recall-task";
            }

            @Override
            public String undo(RecallRecord undone, String actor) {
                String task = "undo-task-" + (running.size() + 1);
                running.add(task);
                return task;
            }

            @Override
            public boolean isRunning(String taskId) {
                return running.contains(taskId);
            }
        });
        RecallRecord record = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.COMPLETED);
        assertThat(recalls.undo(record, "alice")).isEqualTo("undo-task-1");
        assertThat(recalls.get(record.id()).orElseThrow().undoTaskId()).contains("undo-task-1");

        // Still running: neither a plain undo nor "again" starts another.
        assertThatThrownBy(() -> recalls.undo(record, "bob")).isInstanceOf(RecallConflict.class)
            .hasMessageContaining("again=true");
        assertThatThrownBy(() -> recalls.undo(record, "bob", true)).isInstanceOf(RecallConflict.class)
            .hasMessageContaining("is still running");

        // James restarted: the task manager no longer knows the task.
        running.clear();
        assertThatThrownBy(() -> recalls.undo(record, "bob")).isInstanceOf(RecallConflict.class);
        assertThat(recalls.undo(record, "bob", true)).isEqualTo("undo-task-1");
        RecallRecord stored = recalls.get(record.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecallStatus.UNDOING);
        assertThat(stored.notes()).anyMatch(note -> note.contains("undo started again by bob"));
        assertThat(RecallRecord.fromJson(stored.toJson()).undoTaskId()).contains("undo-task-1");
    }

    private RecallRecord finished(RecallStatus status, RecalledItem... items) {
        RecallRecord record = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), status);
        for (RecalledItem item : items) {
            record.put(item);
        }
        recalls.store().save(record);
        return record;
    }

    private static RecalledItem copy(String key, RecalledItem.State state) {
        RecalledItem recalled = RecalledItem.recalled(key, "alice@corp.test", "INBOX", ImmutableList.of(), NOW, "<1@x>",
            "s", "ceo@evil.test");
        return state == RecalledItem.State.RECALLED ? recalled : recalled.withState(state, Optional.empty());
    }

    @Test
    void theUndoWindowShouldEndForFinishedRecallsOnlyOnceItHasPassed() {
        RecallRecord completed = finished(RecallStatus.COMPLETED, copy("k1", RecalledItem.State.RECALLED),
            copy("k2", RecalledItem.State.RESTORE_FAILED), copy("k3", RecalledItem.State.RESTORED),
            copy("k4", RecalledItem.State.FAILED));
        RecallRecord proposed = finished(RecallStatus.PROPOSED);
        RecallRecord undone = finished(RecallStatus.UNDONE, copy("k5", RecalledItem.State.RESTORED));

        assertThat(recalls.expireUndos(NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isEmpty();
        List<RecallRecord> expired = recalls.expireUndos(NOW.plus(Duration.ofDays(30)));

        assertThat(expired).extracting(RecallRecord::id).containsExactly(completed.id());
        // The saved copies to delete: removed and not put back.
        assertThat(expired.get(0).savedCopies()).extracting(RecalledItem::key).containsExactly("k1", "k2");
        RecallRecord stored = recalls.get(completed.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecallStatus.UNDO_EXPIRED);
        assertThat(stored.notes()).anyMatch(note -> note.contains("undo window (recall.undoWindow 720h)") && note.contains("2 saved copies deleted"));
        assertThat(recalls.get(proposed.id()).orElseThrow().status()).isEqualTo(RecallStatus.PROPOSED);
        assertThat(recalls.get(undone.id()).orElseThrow().status()).isEqualTo(RecallStatus.UNDONE);
        // Once ended, it is not handed out again, and it cannot be undone.
        assertThat(recalls.expireUndos(NOW.plus(Duration.ofDays(40)))).isEmpty();
        assertThatThrownBy(() -> recalls.undo(stored, "admin")).isInstanceOf(RecallConflict.class)
            .hasMessageContaining("undo window (recall.undoWindow) ended");
    }

    @Test
    void aZeroUndoWindowShouldKeepEveryRecallUndoable() {
        recalls = new RecallService(new RecallSettings(RecallSettings.DEFAULT_REPOSITORY, Duration.ofHours(72),
            Duration.ofHours(24), Duration.ofDays(30), Duration.ZERO, 500, false, false, 4, 100), ledger,
            new StateRecallStore(state, CLOCK), CLOCK);
        RecallRecord completed = finished(RecallStatus.COMPLETED, copy("k1", RecalledItem.State.RECALLED));

        assertThat(recalls.expireUndos(NOW.plus(Duration.ofDays(3650)))).isEmpty();
        assertThat(recalls.get(completed.id()).orElseThrow().status()).isEqualTo(RecallStatus.COMPLETED);
    }

    @Test
    void aRecallShouldBeLaunchedOnceEvenWhenTwoAdminsApproveItAtOnce() {
        RecallRecord proposed = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("alice", "phish"), RecallStatus.PENDING_APPROVAL);
        RecallRecord seenByBob = recalls.get(proposed.id()).orElseThrow();
        RecallRecord seenByCarol = recalls.get(proposed.id()).orElseThrow();

        recalls.launch(seenByBob);
        assertThatThrownBy(() -> recalls.launch(seenByCarol)).isInstanceOf(RecallConflict.class)
            .hasMessageContaining("is running: it was launched or dismissed already");
        assertThat(launcher.launched).containsExactly(proposed.id());

        RecallRecord dismissed = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("alice", "phish"), RecallStatus.PROPOSED);
        RecallRecord stale = recalls.get(dismissed.id()).orElseThrow();
        recalls.store().update(dismissed.id(), stored -> stored.status(RecallStatus.DISMISSED));
        assertThatThrownBy(() -> recalls.launch(stale)).isInstanceOf(RecallConflict.class);
        assertThat(launcher.launched).containsExactly(proposed.id());
    }

    @Test
    void anActiveRuleLaunchedOnOneNodeShouldStopCopiesOnAnother() {
        RecallRecord record = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.PROPOSED);
        recalls.launch(record);
        RecallService otherNode = new RecallService(settings(), ledger, new StateRecallStore(state, CLOCK), CLOCK);
        LedgerEntry late = entry("late", "<9@x>", "ceo@evil.test", "inbound", NOW, ImmutableSet.of(URL),
            ImmutableList.of(), "zoe@corp.test");

        RecallRecord stopping = otherNode.activeRuleMatching(late).orElseThrow();
        otherNode.stoppedOnArrival(stopping, late);

        assertThat(stopping.id()).isEqualTo(record.id());
        assertThat(recalls.get(record.id()).orElseThrow().count(RecalledItem.State.STOPPED)).isEqualTo(1);
    }

    @Test
    void aRecallTaskThatFinishesBeforeLaunchReturnsShouldKeepItsWorkAndGetItsTaskId() {
        recalls.launcher(new RecallLauncher() {
            @Override
            public String launch(RecallRecord launched) {
                RecallRecord task = recalls.get(launched.id()).orElseThrow();
                task.put(RecalledItem.recalled("k1", "alice@corp.test", "INBOX", ImmutableList.of(), NOW, "<1@x>", "s",
                    "ceo@evil.test"));
                task.status(RecallStatus.COMPLETED);
                recalls.store().save(task);
                return "task-fast";
            }

            @Override
            public String undo(RecallRecord undone, String actor) {
                return "undo-task";
            }
        });
        RecallRecord record = recalls.create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.PROPOSED);

        assertThat(recalls.launch(record)).isEqualTo("task-fast");

        RecallRecord stored = recalls.get(record.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecallStatus.COMPLETED);
        assertThat(stored.count(RecalledItem.State.RECALLED)).isEqualTo(1);
        assertThat(stored.taskId()).contains("task-fast");
    }

    @Test
    void aCandidateFromReportsShouldBeProposedOnlyWhenMailWasDelivered() {
        ledger.record(entry("a", "<1@x>", "ceo@evil.test", "inbound", NOW.minusSeconds(60), ImmutableSet.of(),
            ImmutableList.of(), "alice@corp.test", "bob@corp.test"));

        Optional<RecallRecord> proposed = recalls.proposeFromCandidate(
            RecallCriteria.builder().sender("ceo@evil.test").build(), "user-reports", "3 users reported phishing");
        Optional<RecallRecord> nothing = recalls.proposeFromCandidate(
            RecallCriteria.builder().sender("other@evil.test").build(), "user-reports", "1 report");

        assertThat(proposed.get().status()).isEqualTo(RecallStatus.PROPOSED);
        assertThat(proposed.get().planned()).isEqualTo(2);
        assertThat(proposed.get().trigger().kind()).isEqualTo(RecallTrigger.Kind.REPORT);
        assertThat(nothing).isEmpty();
        assertThat(launcher.launched).isEmpty();
    }

    @Test
    void recordJsonShouldRoundTrip() {
        RecallRecord record = recalls.create(RecallCriteria.builder().sender("ceo@evil.test").build(),
            RecallTrigger.admin("soc-analyst", "phish"), RecallStatus.COMPLETED);
        record.put(RecalledItem.recalled("k1", "alice@corp.test", "Archive", List.of("\\Seen", "$Important"), NOW,
            "<1@x>", "Pay", "ceo@evil.test"));
        record.put(RecalledItem.failed("k2", "bob@corp.test", "INBOX", "<1@x>", "Pay", "ceo@evil.test", "boom"));
        record.internalReach("ceo@evil.test", 2);
        record.note("a note");

        RecallRecord back = RecallRecord.fromJson(record.toJson());

        assertThat(back.toJson()).isEqualTo(record.toJson());
        assertThat(back.items().get(0).seen()).isTrue();
    }
}
