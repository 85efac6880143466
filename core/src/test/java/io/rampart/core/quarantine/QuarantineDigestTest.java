package io.rampart.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QuarantineDigestTest {
    private static final Instant SINCE = Instant.parse("2026-11-25T10:00:00Z");

    private static QuarantineEntry entry(String id, Instant time, List<String> recipients) {
        return QuarantineEntry.builder().id(id).time(time).sender(Optional.of("x@evil.test")).recipients(recipients)
            .subject("Subject " + id).verdictClass("spam").flow("inbound").reason("spam (score 9.00 >= 5.00)").build();
    }

    @Test
    void byRecipientShouldKeepRecentEntriesOfCoveredRecipientsOldestFirst() {
        QuarantineEntry old = entry("old", SINCE.minusSeconds(1), List.of("bob@acme.test"));
        QuarantineEntry late = entry("late", SINCE.plusSeconds(7200), List.of("Bob@acme.test", "partner@else.test"));
        QuarantineEntry early = entry("early", SINCE, List.of("bob@acme.test", "carol@acme.test"));

        Map<String, List<QuarantineEntry>> digest = QuarantineDigest.byRecipient(List.of(old, late, early), SINCE,
            recipient -> recipient.endsWith("@acme.test"));

        assertThat(digest.keySet()).containsExactly("bob@acme.test", "carol@acme.test");
        assertThat(digest.get("bob@acme.test")).containsExactly(early, late);
        assertThat(digest.get("carol@acme.test")).containsExactly(early);
    }

    @Test
    void bodyShouldListSenderSubjectDateReasonAndId() {
        String body = QuarantineDigest.body("bob@acme.test", List.of(entry("m1", SINCE, List.of("bob@acme.test"))));

        assertThat(body).contains("addressed to bob@acme.test")
            .contains("Date:    2026-11-25 10:00 UTC")
            .contains("From:    x@evil.test")
            .contains("Subject: Subject m1")
            .contains("Reason:  spam (score 9.00 >= 5.00)")
            .contains("Id:      m1");
        assertThat(QuarantineDigest.subject(1)).isEqualTo("[Rampart] 1 message was quarantined for you");
        assertThat(QuarantineDigest.subject(2)).isEqualTo("[Rampart] 2 messages were quarantined for you");
    }
}
