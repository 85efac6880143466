package io.rampart.it;

import static io.rampart.it.RampartJames.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.mail.SendFailedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rampart.it.Imap.ImapMessage;
import io.rampart.launcher.DemoData;

/**
 * Other actions, configured in rampart.properties: junk, drop with notices, reject during SMTP; newly seen link
 * domains judged from the first mail (no warm-up); and a mail bomb measured at four outside domains, its finding
 * weighed to the spam threshold.
 */
class ActionsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static RampartJames james = RampartJames.withRampartProperties(
        "flow.inbound.action.spam=junk\n"
            + "flow.inbound.action.malware=quarantine\n"
            + "flow.inbound.rejectScore=150\n"
            + "flow.internal.action.spam=drop\n"
            + "detection.newDomains.warmUp=0\n"
            + "detection.flood.senders=4\n"
            + "detection.score.inbound.mail-flood=5.0\n");

    @Test
    void aLinkToADomainNeverSeenBeforeShouldBeNamedOnTheDeliveredMail() throws Exception {
        String subject = "Menu " + UUID.randomUUID();
        String domain = "bistro-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        james.smtp().sendFromOutside("friend@example.net", address("alice"),
            Messages.plain("friend@example.net", address("alice"), subject,
                "Lunch tomorrow? The menu is at https://menu." + domain + "/today"));

        ImapMessage delivered = awaitMessage("alice", "INBOX", subject);
        assertThat(delivered.verdictHeader()).contains("link.newly-seen");
    }

    @Test
    void aMailBombShouldSendTheFloodToJunkAndSayWhy() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String sender = "welcome@news" + i + "-" + run + ".test";
            String subject = "Welcome " + i + " " + run;
            subjects.add(subject);
            james.smtp().sendFromOutside(sender, address("carol"), Messages.plain(sender, address("carol"), subject,
                "Thanks for signing up! Confirm your subscription in the app."));
        }

        for (int i = 0; i < 3; i++) {
            assertThat(awaitMessage("carol", "INBOX", subjects.get(i)).verdictHeader())
                .as("below the measure").doesNotContain("inbound.mail-flood");
        }
        ImapMessage fourth = awaitMessage("carol", "Junk", subjects.get(3));
        assertThat(fourth.verdictHeader()).startsWith("spam; score=").contains("inbound.mail-flood");
        assertThat(await().atMost(WAIT).until(() -> james.securityImap().messages("INBOX").stream()
            .filter(message -> message.subject().contains("Mail bomb: " + address("carol"))).count(), count -> count > 0))
            .as("the security mailbox is told once").isEqualTo(1);
    }

    @Test
    void inboundSpamShouldLandInTheRecipientsJunkFolder() throws Exception {
        String subject = "Junk " + UUID.randomUUID();
        james.smtp().sendFromOutside("spammer@example.net", address("alice"),
            Messages.plain("spammer@example.net", address("alice"), subject, Messages.GTUBE));

        ImapMessage junk = awaitMessage("alice", "Junk", subject);
        assertThat(junk.verdictHeader()).startsWith("spam; score=").contains("gtube");
        assertThat(subjects("alice", "INBOX")).doesNotContain(subject);
    }

    @Test
    void inboundMailAboveRejectScoreShouldBeRefusedDuringSmtp() {
        String subject = "Reject " + UUID.randomUUID();
        byte[] message = Messages.withAttachment("spammer@example.net", address("bob"), subject + " " + Messages.GTUBE,
            "tool.com", Messages.eicar());

        assertThatThrownBy(() -> james.smtp().sendFromOutside("spammer@example.net", address("bob"), message))
            .isInstanceOf(SendFailedException.class)
            .hasMessageContaining("550")
            .hasMessageContaining("5.7.1 Rejected by Rampart: malware (score ");
    }

    @Test
    void droppedInternalMailShouldNotifySecurityAndSenderAndTheNoticesShouldNotBeScanned() throws Exception {
        // The GTUBE string in the subject is repeated in both notices: scanned, they would be dropped too.
        String subject = "Drop " + UUID.randomUUID() + " " + Messages.GTUBE;
        james.smtp().sendAs(address("carol"), DemoData.password("carol"), address("carol"),
            new String[] {address("bob")}, Messages.plain(address("carol"), address("bob"), subject, "hello"));

        ImapMessage securityNotice = await().atMost(WAIT).until(() -> james.securityImap().messages("INBOX").stream()
            .filter(message -> message.subject().contains(subject)).findFirst(), Optional::isPresent).get();
        assertThat(securityNotice.subject()).startsWith("[Rampart] Dropped internal mail");
        assertThat(securityNotice.raw()).contains("From: " + address("carol")).contains("gtube");
        assertThat(securityNotice.verdictHeader()).isNull();
        assertThat(securityNotice.directionHeader()).isNull();

        ImapMessage senderNotice = awaitMessage("carol", "INBOX", "Your message was not delivered: " + subject);
        assertThat(senderNotice.verdictHeader()).isNull();
        assertThat(subjects("bob", "INBOX")).doesNotContain(subject);
    }

    private ImapMessage awaitMessage(String user, String folder, String subject) {
        return await().atMost(WAIT).until(() -> james.imap(user).messages(folder).stream()
            .filter(message -> subject.equals(message.subject())).findFirst(), Optional::isPresent).get();
    }

    private List<String> subjects(String user, String folder) throws Exception {
        return james.imap(user).messages(folder).stream().map(ImapMessage::subject).collect(Collectors.toList());
    }
}
