package io.rampart.it;

import static io.rampart.it.RampartJames.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.rampart.it.Imap.ImapMessage;
import io.rampart.launcher.DemoData;

/** The shipped configuration, end to end: each flow is sorted, scanned, tagged and acted on. */
class FlowsIntegrationTest {
    private static final String QUARANTINE = "var/mail/rampart-quarantine";
    private static final String OUTBOUND_SINK = "var/mail/outbound-sink";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static RampartJames james = RampartJames.withDefaults();

    @Test
    void cleanInboundMailShouldBeDeliveredWithVerdictAndDirectionHeaders() throws Exception {
        String subject = "Lunch " + UUID.randomUUID();
        james.smtp().sendFromOutside("friend@example.net", address("alice"),
            Messages.plain("friend@example.net", address("alice"), subject, "Lunch tomorrow at noon?"));

        ImapMessage delivered = awaitMessage("alice", "INBOX", subject);
        assertThat(delivered.verdictHeader()).startsWith("clean; score=").contains("rules=");
        assertThat(delivered.directionHeader()).isEqualTo("inbound");
    }

    @Test
    void gtubeInboundShouldBeQuarantinedAndNotDelivered() throws Exception {
        String subject = "Offer " + UUID.randomUUID();
        james.smtp().sendFromOutside("spammer@example.net", address("bob"),
            Messages.plain("spammer@example.net", address("bob"), subject, "Buy now " + Messages.GTUBE));

        JsonNode stored = awaitRepositoryMail(QUARANTINE, subject);
        assertThat(attribute(stored, "rampart.verdict")).isEqualTo("spam");
        assertThat(attribute(stored, "rampart.flow")).isEqualTo("inbound");
        assertThat(attribute(stored, "rampart.rules")).contains("gtube");
        assertThat(attribute(stored, "rampart.action")).isEqualTo("quarantine");
        assertThat(subjects("bob", "INBOX")).doesNotContain(subject);
    }

    @Test
    void internalMailWithEicarAttachmentShouldBeQuarantined() throws Exception {
        String subject = "Report " + UUID.randomUUID();
        james.smtp().sendAs(address("alice"), DemoData.password("alice"), address("alice"),
            new String[] {address("carol")},
            Messages.withAttachment(address("alice"), address("carol"), subject, "report.com", Messages.eicar()));

        JsonNode stored = awaitRepositoryMail(QUARANTINE, subject);
        assertThat(attribute(stored, "rampart.verdict")).isEqualTo("malware");
        assertThat(attribute(stored, "rampart.flow")).isEqualTo("internal");
        assertThat(subjects("carol", "INBOX")).doesNotContain(subject);
    }

    @Test
    void internalMailWithEicarInsideZipShouldBeQuarantined() throws Exception {
        String subject = "Archive " + UUID.randomUUID();
        james.smtp().sendAs(address("bob"), DemoData.password("bob"), address("bob"),
            new String[] {address("alice")},
            Messages.withAttachment(address("bob"), address("alice"), subject, "files.zip",
                Messages.zip("readme.txt", Messages.eicar())));

        JsonNode stored = awaitRepositoryMail(QUARANTINE, subject);
        assertThat(attribute(stored, "rampart.verdict")).isEqualTo("malware");
        assertThat(attribute(stored, "rampart.reason")).contains("files.zip").contains("readme.txt");
        assertThat(subjects("alice", "INBOX")).doesNotContain(subject);
    }

    @Test
    void outboundGtubeShouldBeHeldAndNotRelayed() throws Exception {
        String subject = "Outbound " + UUID.randomUUID();
        james.smtp().sendAs(address("alice"), DemoData.password("alice"), address("alice"),
            new String[] {"partner@example.org"},
            Messages.plain(address("alice"), "partner@example.org", subject, Messages.GTUBE));

        JsonNode stored = awaitRepositoryMail(QUARANTINE, subject);
        assertThat(attribute(stored, "rampart.flow")).isEqualTo("outbound");
        assertThat(attribute(stored, "rampart.verdict")).isEqualTo("spam");
        assertThat(repositorySubjects(OUTBOUND_SINK)).doesNotContain(subject);
    }

    @Test
    void mailToLocalAndRemoteRecipientsShouldBeSplitIntoInternalAndOutbound() throws Exception {
        String subject = "Split " + UUID.randomUUID();
        james.smtp().sendAs(address("carol"), DemoData.password("carol"), address("carol"),
            new String[] {address("bob"), "customer@example.com"},
            Messages.plain(address("carol"), address("bob") + ", customer@example.com", subject, "Minutes attached."));

        ImapMessage internal = awaitMessage("bob", "INBOX", subject);
        assertThat(internal.directionHeader()).isEqualTo("internal");
        JsonNode relayed = awaitRepositoryMail(OUTBOUND_SINK, subject);
        assertThat(attribute(relayed, "rampart.flow")).isEqualTo("outbound");
        assertThat(attribute(relayed, "rampart.verdict")).isEqualTo("clean");
    }

    @Test
    void forgedRampartHeadersFromOutsideShouldBeReplaced() throws Exception {
        String subject = "Forged " + UUID.randomUUID();
        byte[] message = ("X-Rampart-Verdict: clean; score=0.00; rules=none\r\nX-Rampart-Direction: internal\r\n"
            + new String(Messages.plain("boss@example.net", address("carol"), subject, "Trust me"),
            java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        james.smtp().sendFromOutside("boss@example.net", address("carol"), message);

        ImapMessage delivered = awaitMessage("carol", "INBOX", subject);
        assertThat(delivered.directionHeader()).isEqualTo("inbound");
        assertThat(delivered.raw()).containsOnlyOnce("X-Rampart-Direction:");
    }

    /**
     * CEO fraud: Alice's own mail teaches Rampart the name she sends under; an outsider then writing
     * under that name from free mail, asking for gift cards, is quarantined for it.
     */
    @Test
    void anOutsiderWritingUnderAColleaguesLearntNameShouldBeQuarantined() throws Exception {
        String hello = "Minutes " + UUID.randomUUID();
        james.smtp().sendAs(address("alice"), DemoData.password("alice"), address("alice"),
            new String[] {address("bob")},
            Messages.plain("\"Alice Chen\" <" + address("alice") + ">", address("bob"), hello, "Minutes of today attached."));
        awaitMessage("bob", "INBOX", hello);
        JsonNode people = WebAdmin.json(james.webAdmin().client().get("/rampart/people?name=" + WebAdmin.encode("Chen, Alice")));
        assertThat(people).hasSize(1);
        assertThat(people.get(0).path("source").asText()).isEqualTo("learnt");
        assertThat(people.get(0).path("address").asText()).isEqualTo(address("alice"));

        String favour = "Quick favour " + UUID.randomUUID();
        james.smtp().sendFromOutside("alice.chen.office@gmail.com", address("bob"),
            Messages.plain("\"Alice Chen\" <alice.chen.office@gmail.com>", address("bob"), favour,
                "Hi Bob, are you at your desk? I need you to buy some gift cards for a client today, I will "
                    + "reimburse you. Reply with the codes as soon as you can.\r\nAlice\r\nSent from my iPhone"));

        JsonNode stored = awaitRepositoryMail(QUARANTINE, favour);
        assertThat(attribute(stored, "rampart.rules")).contains("sender.impersonates-person");
        assertThat(attribute(stored, "rampart.reason")).contains("alice.chen.office@gmail.com");
        assertThat(subjects("bob", "INBOX")).contains(hello).doesNotContain(favour);
    }

    /** BEC from a name Rampart has never seen: the request itself, from a personal address, is what stops it. */
    @Test
    void aBossWritingFromFreeMailWithAPretextAndARequestShouldBeQuarantined() throws Exception {
        String subject = "Urgent: quick request " + UUID.randomUUID();
        james.smtp().sendFromOutside("dana.boss.ceo@gmail.com", address("carol"),
            Messages.plain("\"Dana Boss\" <dana.boss.ceo@gmail.com>", address("carol"), subject,
                "Carol, I am in a meeting and can't talk. I need you to handle a quick task for me before noon. "
                    + "Reply as soon as you get this.\r\nDana\r\nSent from my iPhone"));

        JsonNode stored = awaitRepositoryMail(QUARANTINE, subject);
        assertThat(attribute(stored, "rampart.verdict")).isEqualTo("phish");
        assertThat(attribute(stored, "rampart.rules")).contains("text.bec-request").doesNotContain("sender.impersonates-person");
        assertThat(subjects("carol", "INBOX")).doesNotContain(subject);
    }

    @Test
    void aRawUtf8DisplayNameFromOutsideShouldBeReadAsSent() throws Exception {
        // RFC 6532 header bytes, as bulk tools and some Chinese mail programs send them. James 3.8.1 rewrites
        // touched header lines as US-ASCII in its queue ("?????????"), so Rampart reads them at the SMTP hook.
        String subject = "Salary adjustment " + UUID.randomUUID();
        String sender = "caiwu@lakeside-foods.example";
        james.smtp().sendFromOutside(sender, address("alice"), Messages.plain("\u8d22\u52a1\u90e8 <" + sender + ">",
            address("alice"), subject, "Please review the salary adjustment table before Friday."));

        String rules = await().atMost(WAIT).until(() -> {
            java.util.Optional<String> delivered = james.imap("alice").messages("INBOX").stream()
                .filter(message -> subject.equals(message.subject()) && message.verdictHeader() != null)
                .map(ImapMessage::verdictHeader).findFirst();
            return delivered.isPresent() ? delivered
                : findInRepository(QUARANTINE, subject).map(mail -> attribute(mail, "rampart.rules"));
        }, java.util.Optional::isPresent).get();
        assertThat(rules).contains("sender.department");
    }

    @Test
    void rawUtf8HeadersShouldReachTheMailboxAsSentNotAsQuestionMarks() throws Exception {
        // James writes header lines back as US-ASCII once a header changed (Rampart adds its verdict to every
        // message): the hook writes such fields as RFC 2047 words first. From outside and from a logged-in user.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String outsideSubject = "\u5468\u4e94\u7684\u4f1a\u8bae\u6539\u5230\u4e09\u697c " + tag;
        james.smtp().sendFromOutside("wanglei@partner-co.example", address("alice"), Messages.plain(
            "\"\u738b\u78ca\" <wanglei@partner-co.example>", address("alice"), outsideSubject,
            "\u8001\u5f20\uff0c\u5468\u4e94\u7684\u8bc4\u5ba1\u4f1a\u6539\u5230\u4e09\u697c\u4f1a\u8bae\u5ba4\u3002"));
        String ownSubject = "\u62a5\u4ef7\u5355\u5df2\u66f4\u65b0 " + tag;
        james.smtp().sendAs(address("bob"), DemoData.password("bob"), address("bob"), new String[] {address("alice")},
            Messages.plain("\u9c8d\u52c3 <" + address("bob") + ">", address("alice"), ownSubject, "See the shared folder."));

        ImapMessage fromOutside = awaitMessage("alice", "INBOX", outsideSubject);
        ImapMessage fromBob = awaitMessage("alice", "INBOX", ownSubject);

        assertThat(from(fromOutside)).isEqualTo("\u738b\u78ca");
        assertThat(from(fromBob)).isEqualTo("\u9c8d\u52c3");
        assertThat(fromOutside.raw()).doesNotContain("??");
    }

    /** The display name of the delivered message's From, decoded as a mail program decodes it. */
    private static String from(ImapMessage message) throws Exception {
        javax.mail.internet.MimeMessage parsed = new javax.mail.internet.MimeMessage(
            javax.mail.Session.getInstance(new java.util.Properties()),
            new java.io.ByteArrayInputStream(message.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return ((javax.mail.internet.InternetAddress) parsed.getFrom()[0]).getPersonal();
    }

    /**
     * The message with {@code subject}, once an IMAP read shows it with Rampart's headers. Once in a CI
     * run (2026-11-27) the first read of a just-delivered message had its subject but no X-Rampart
     * headers, though James's log shows it was scanned before delivery; a message stored without them
     * still fails, when the wait ends.
     */
    private ImapMessage awaitMessage(String user, String folder, String subject) {
        return await().atMost(WAIT).until(() -> james.imap(user).messages(folder).stream()
            .filter(message -> subject.equals(message.subject()) && message.verdictHeader() != null
                && message.directionHeader() != null).findFirst(), java.util.Optional::isPresent).get();
    }

    private List<String> subjects(String user, String folder) throws Exception {
        return james.imap(user).messages(folder).stream().map(ImapMessage::subject).collect(Collectors.toList());
    }

    private JsonNode awaitRepositoryMail(String repository, String subject) {
        return await().atMost(WAIT).until(() -> findInRepository(repository, subject), java.util.Optional::isPresent).get();
    }

    private List<String> repositorySubjects(String repository) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (String key : james.webAdmin().repositoryKeys(repository)) {
            JsonNode mail = james.webAdmin().repositoryMail(repository, key);
            subjects.add(header(mail, "Subject"));
        }
        return subjects;
    }

    private java.util.Optional<JsonNode> findInRepository(String repository, String subject) throws Exception {
        for (String key : james.webAdmin().repositoryKeys(repository)) {
            JsonNode mail = james.webAdmin().repositoryMail(repository, key);
            if (subject.equals(header(mail, "Subject"))) {
                return java.util.Optional.of(mail);
            }
        }
        return java.util.Optional.empty();
    }

    static String header(JsonNode mail, String name) {
        JsonNode headers = mail.path("headers");
        JsonNode values = headers.path(name);
        if (values.isMissingNode()) {
            java.util.Iterator<String> names = headers.fieldNames();
            while (names.hasNext()) {
                String candidate = names.next();
                if (candidate.equalsIgnoreCase(name)) {
                    values = headers.path(candidate);
                }
            }
        }
        return values.isArray() && values.size() > 0 ? values.get(0).asText() : values.asText(null);
    }

    static String attribute(JsonNode mail, String name) {
        JsonNode value = mail.path("attributes").path(name);
        return value.isMissingNode() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
