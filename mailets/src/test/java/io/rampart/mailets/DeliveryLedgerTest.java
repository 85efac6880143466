package io.rampart.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.Action;
import io.rampart.core.flow.Flow;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.recall.RecallLauncher;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;
import io.rampart.core.recall.RecallTrigger;
import io.rampart.core.recall.RecalledItem;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;
import io.rampart.core.verdict.VerdictJson;

class DeliveryLedgerTest {
    private static final String URL = "https://login.evil.test/o365";
    private static final String HASH = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private static FakeMail mail() throws Exception {
        FakeMail mail = FakeMail.builder()
            .name("mail-1")
            .sender("bounce@evil.test")
            .recipients("alice@corp.test", "bob@corp.test")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addFrom("CEO <CEO@Evil.test>")
                .addToRecipient("alice@corp.test")
                .setSubject("Wire transfer")
                .addHeader("Message-ID", "<m1@evil.test>")
                .addHeader("References", "<older@evil.test> <oldest@evil.test>")
                .setText("pay now"))
            .build();
        Verdict verdict = Verdict.of(VerdictClass.PHISH, 12, 5, List.of(), ImmutableSet.of(URL), ImmutableSet.of(HASH),
            List.of(), 3);
        mail.setAttribute(RampartScan.attribute(MailMarks.VERDICT_JSON_ATTRIBUTE, VerdictJson.toJsonString(verdict)));
        return mail;
    }

    @Test
    void entryShouldCarryIdentityVerdictArtefactsAndOutcomePerRecipient() throws Exception {
        LedgerEntry entry = DeliveryLedger.entry(mail(), Flow.INBOUND, DeliveryOutcome.QUARANTINED);

        assertThat(entry.messageId()).isEqualTo("<m1@evil.test>");
        assertThat(entry.sender()).isEqualTo("ceo@evil.test");
        assertThat(entry.subject()).isEqualTo("Wire transfer");
        assertThat(entry.flow()).isEqualTo("inbound");
        assertThat(entry.verdict()).isEqualTo("phish");
        assertThat(entry.urls()).containsExactly(URL);
        assertThat(entry.hashes()).containsExactly(HASH);
        assertThat(entry.references()).containsExactly("<older@evil.test>", "<oldest@evil.test>");
        assertThat(entry.outcomes()).containsEntry("alice@corp.test", DeliveryOutcome.QUARANTINED)
            .containsEntry("bob@corp.test", DeliveryOutcome.QUARANTINED);
    }

    @Test
    void recordShouldWriteTheActOutcomeAndAStopOnTheRecall() throws Exception {
        Rampart rampart = Rampart.start(RampartConfiguration.defaults());
        rampart.recalls().launcher(new RecallLauncher() {
            @Override
            public String launch(RecallRecord record) {
                return "task";
            }

            @Override
            public String undo(RecallRecord record, String actor) {
                return "undo-task";
            }
        });
        DeliveryLedger.record(rampart, mail(), Flow.INBOUND, Action.DELIVER, Optional.empty());
        assertThat(rampart.ledger().byMessageId("<m1@evil.test>").get(0).outcomes().values())
            .containsOnly(DeliveryOutcome.DELIVERED);

        RecallRecord recall = rampart.recalls().create(RecallCriteria.builder().url(URL).build(),
            RecallTrigger.admin("admin", "phish"), RecallStatus.PROPOSED);
        rampart.recalls().launch(recall);
        Optional<RecallRecord> active = DeliveryLedger.activeRecall(rampart, mail(), Flow.INBOUND);
        assertThat(active).map(RecallRecord::id).contains(recall.id());
        assertThat(DeliveryLedger.activeRecall(rampart, mail(), Flow.OUTBOUND)).isEmpty();

        DeliveryLedger.record(rampart, mail(), Flow.INBOUND, Action.QUARANTINE, active);
        assertThat(rampart.recalls().get(recall.id()).orElseThrow().count(RecalledItem.State.STOPPED)).isEqualTo(2);
        assertThat(rampart.ledger().byMessageId("<m1@evil.test>")).hasSize(2)
            .anySatisfy(entry -> assertThat(entry.outcomes().values()).containsOnly(DeliveryOutcome.RECALLED));
    }
}
