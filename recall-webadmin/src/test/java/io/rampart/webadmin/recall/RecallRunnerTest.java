package io.rampart.webadmin.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;
import io.rampart.core.recall.RecallTrigger;
import io.rampart.core.recall.RecalledItem;

/** What {@code GET /tasks/{id}} shows while a recall or an undo runs: the task's live counts, not the stored record's. */
class RecallRunnerTest {
    private Rampart rampart;
    private MailboxRecaller recaller;
    private RecallRunner runner;
    private RecallRecord record;

    @BeforeEach
    void setUp() {
        rampart = Rampart.start(RampartConfiguration.defaults());
        recaller = mock(MailboxRecaller.class);
        when(recaller.rampart()).thenReturn(rampart);
        runner = new RecallRunner(recaller, mock(RecallReporter.class));
        record = rampart.recalls().create(RecallCriteria.builder().messageId("<1@evil.test>").build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.RUNNING);
    }

    @AfterEach
    void tearDown() {
        rampart.close();
    }

    private static RecalledItem recalled(String user) {
        return RecalledItem.recalled("key-" + user, user, "INBOX", ImmutableList.of(), Instant.EPOCH, "<1@evil.test>",
            "Pay now", "ceo@evil.test");
    }

    @Test
    void aRunningRecallShouldShowTheCopiesRemovedSoFar() {
        AtomicReference<RecallTask.AdditionalInformation> midway = new AtomicReference<>();
        when(recaller.execute(any())).thenAnswer(invocation -> {
            RecallRecord working = invocation.getArgument(0);
            working.put(recalled("alice@corp.test"));
            working.put(recalled("bob@corp.test"));
            midway.set((RecallTask.AdditionalInformation) new RecallTask(record.id(), runner).details().orElseThrow());
            return true;
        });

        assertThat(runner.run(record.id())).isTrue();

        assertThat(midway.get().getRecalled()).isEqualTo(2);
        assertThat(midway.get().getMailboxes()).isEqualTo(2);
        // The stored record was not written midway: the live counts came from the task's own copy.
        assertThat(rampart.recalls().get(record.id()).orElseThrow().count(RecalledItem.State.RECALLED)).isZero();
        // Once the task is over, the stored record is what is shown again.
        assertThat(runner.record(record.id()).orElseThrow().count(RecalledItem.State.RECALLED)).isZero();
    }

    @Test
    void anUndoThatFailsShouldLeaveTheRecordUndoableAgain() {
        rampart.recalls().store().update(record.id(), stored -> stored.status(RecallStatus.UNDOING));
        when(recaller.undo(any(), anyString())).thenThrow(new IllegalStateException("mailbox store down"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.undo(record.id(), "admin"))
            .hasMessageContaining("mailbox store down");

        RecallRecord stored = rampart.recalls().get(record.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecallStatus.UNDO_PARTIAL);
        assertThat(stored.status().undoable()).isTrue();
        assertThat(stored.notes()).anyMatch(note -> note.contains("undo failed") && note.contains("mailbox store down"));
    }
}
