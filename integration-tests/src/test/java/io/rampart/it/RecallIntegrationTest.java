package io.rampart.it;

import static io.rampart.it.RampartJames.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.rampart.launcher.DemoData;

/**
 * Recall end to end in a real James: a message delivered to 50 users is previewed, recalled (gone
 * over IMAP for all of them), reported to the security mailbox and undone (back in the same
 * folders with the same Seen flags); an indicator recalls the mail carrying its URL and its
 * revocation restores it; bad criteria get 400 with details.
 */
class RecallIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int USERS = 50;
    private static final String OUTSIDER = "attacker@evil-sender.test";
    private static final String PHISHER = "phisher@bad-domain.test";

    @RegisterExtension
    static RampartJames james = RampartJames.withDefaults();

    private static AdminHttp admin;
    private static List<String> users;

    @BeforeAll
    static void createUsers() throws Exception {
        admin = new AdminHttp(james.options().webadminPort());
        users = IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%02d", i)).collect(Collectors.toList());
        for (String user : users) {
            AdminHttp.Answer answer = admin.put("/users/" + address(user),
                "{\"password\":\"" + DemoData.password(user) + "\"}");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        }
    }

    @Test
    void messageToFiftyUsersShouldBePreviewedRecalledReportedAndUndone() throws Exception {
        // A mail that got through (it must be delivered to be recalled): a lure such as "Invoice overdue, please pay
        // at ..." scored 4.35 to 5.31 depending on the random subject suffix, and was sometimes quarantined.
        String subject = "Quarterly figures " + UUID.randomUUID();
        String messageId = "<" + UUID.randomUUID() + "@evil-sender.test>";
        byte[] message = message(OUTSIDER, subject, messageId, "The quarterly figures are at https://files.evil-sender.test/q3"
            + " as promised.");
        List<String> recipients = users.stream().map(RampartJames::address).collect(Collectors.toList());
        sendToAll(recipients, message);
        awaitDelivered(subject, USERS);

        // users 1-10 read it, users 41-45 file it into Archive (user 41 also read it)
        for (String user : users.subList(0, 10)) {
            new MailboxActions(james, user).markSeen("INBOX", subject);
        }
        for (String user : users.subList(40, 45)) {
            new MailboxActions(james, user).moveTo(subject, "Archive");
        }
        new MailboxActions(james, users.get(40)).markSeen("Archive", subject);
        Map<String, List<String>> before = locations(subject);
        assertThat(before.values().stream().mapToInt(List::size).sum()).isEqualTo(USERS);

        AdminHttp.Answer preview = admin.post("/rampart/recalls?action=preview", "{\"messageId\":\"" + messageId + "\"}");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("messages").asInt()).isEqualTo(USERS);
        assertThat(preview.json().path("mailboxes").asInt()).isEqualTo(USERS);
        assertThat(preview.json().path("read").asInt()).isEqualTo(11);
        assertThat(preview.json().path("unread").asInt()).isEqualTo(39);
        assertThat(preview.json().path("folders").path("INBOX").asInt()).isEqualTo(45);
        assertThat(preview.json().path("folders").path("Archive").asInt()).isEqualTo(5);
        assertThat(preview.json().path("internalReach").path(OUTSIDER).asInt()).isEqualTo(USERS);

        AdminHttp.Answer started = admin.post("/rampart/recalls?action=recall",
            "{\"messageId\":\"" + messageId + "\",\"reason\":\"phishing campaign INC-42\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String recallId = started.json().path("recallId").asText();
        JsonNode task = admin.awaitTask(started.json().path("taskId").asText());
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(task.path("type").asText()).isEqualTo("rampart-recall");
        assertThat(task.path("additionalInformation").path("recalled").asInt()).as(task.toString()).isEqualTo(USERS);
        assertThat(task.path("additionalInformation").path("failed").asInt()).isZero();

        assertThat(locations(subject).values().stream().mapToInt(List::size).sum()).isZero();

        String report = awaitSecurityMail("[Rampart] Recall completed: " + USERS + " copies removed");
        assertThat(report).contains(subject).contains(OUTSIDER).contains("Recipients (" + USERS + ")")
            .contains("Read: 11, unread: 39").contains("phishing campaign INC-42")
            .contains("Internal recipients the sender reached: " + USERS);

        JsonNode record = admin.get("/rampart/recalls/" + recallId).json();
        assertThat(record.path("status").asText()).isEqualTo("completed");
        assertThat(record.path("requestedBy").asText()).isEqualTo("admin");
        assertThat(record.path("reason").asText()).isEqualTo("phishing campaign INC-42");
        assertThat(record.path("mailboxes")).hasSize(USERS);
        assertThat(admin.get("/rampart/recalls").json().toString()).contains(recallId);

        AdminHttp.Answer again = admin.post("/rampart/recalls?action=recall",
            "{\"messageId\":\"" + messageId + "\",\"reason\":\"again\"}");
        JsonNode idempotent = admin.awaitTask(again.json().path("taskId").asText());
        assertThat(idempotent.path("additionalInformation").path("recalled").asInt()).isZero();

        AdminHttp.Answer undo = admin.post("/rampart/recalls/" + recallId + "?action=undo", null);
        assertThat(undo.status()).as(undo.toString()).isEqualTo(201);
        assertThat(undo.json().path("recallId").asText()).isEqualTo(recallId);
        JsonNode undoTask = admin.awaitTask(undo.json().path("taskId").asText());
        assertThat(undoTask.path("type").asText()).isEqualTo("rampart-recall-undo");
        assertThat(undoTask.path("status").asText()).as(undoTask.toString()).isEqualTo("completed");
        assertThat(undoTask.path("additionalInformation").path("restored").asInt()).isEqualTo(USERS);
        JsonNode undone = admin.get("/rampart/recalls/" + recallId).json();
        assertThat(undone.path("status").asText()).isEqualTo("undone");
        assertThat(undone.path("counts").path("restored").asInt()).isEqualTo(USERS);
        assertThat(locations(subject)).isEqualTo(before);
        AdminHttp.Answer undoAgain = admin.post("/rampart/recalls/" + recallId + "?action=undo", null);
        assertThat(undoAgain.status()).as(undoAgain.toString()).isEqualTo(200);
        assertThat(undoAgain.json().path("status").asText()).isEqualTo("undone");

        JsonNode trace = admin.get("/rampart/trace?messageId=" + WebAdmin.encode(messageId)).json();
        assertThat(trace.path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(trace.toString()).contains("\"outcome\":\"restored\"").contains(recallId);
    }

    @Test
    void indicatorShouldRecallMailCarryingItsUrlAndItsRevocationShouldRestoreIt() throws Exception {
        String subject = "Shared document " + UUID.randomUUID();
        String url = "https://docs-share.bad-domain.test/" + UUID.randomUUID() + "/login";
        byte[] message = message(PHISHER, subject, "<" + UUID.randomUUID() + "@bad-domain.test>",
            "Open the document: " + url + " before Friday.");
        List<String> recipients = List.of(address("alice"), address("bob"), address("carol"));
        sendToAll(recipients, message);
        await().atMost(WAIT).until(() -> count(List.of("alice", "bob", "carol"), subject) == 3);
        new MailboxActions(james, "bob").markSeen("INBOX", subject);

        AdminHttp.Answer posted = admin.post("/rampart/intel/indicators",
            "{\"type\":\"url\",\"value\":\"" + url + "\",\"verdict\":\"phish\",\"source\":\"it-feed\",\"confidence\":90}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode indicator = posted.json().path("indicators").get(0);
        assertThat(indicator.path("recallId").asText()).isNotEmpty();
        JsonNode task = admin.awaitTask(indicator.path("taskId").asText());
        assertThat(task.path("additionalInformation").path("recalled").asInt()).as(task.toString()).isEqualTo(3);
        assertThat(count(List.of("alice", "bob", "carol"), subject)).isZero();
        awaitSecurityMail("[Rampart] Recall completed: 3 copies removed");

        // a new copy carrying the URL is caught on arrival
        String late = "Reminder " + UUID.randomUUID();
        sendToAll(List.of(address("carol")), message(PHISHER, late, "<" + UUID.randomUUID() + "@bad-domain.test>",
            "Reminder: " + url));
        await().atMost(WAIT).until(() -> admin.get("/rampart/trace?subject=" + WebAdmin.encode(late)).json()
            .path("count").asInt() == 1);
        assertThat(admin.get("/rampart/trace?subject=" + WebAdmin.encode(late)).json().toString())
            .doesNotContain("\"outcome\":\"delivered\"");
        assertThat(count(List.of("carol"), late)).isZero();

        AdminHttp.Answer revoked = admin.delete("/rampart/intel/indicators/" + indicator.path("id").asText());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("revokedAt").asText()).isNotEmpty();
        assertThat(revoked.json().path("recalls").get(0).path("id").asText()).isEqualTo(indicator.path("recallId").asText());
        // The undo runs as a task: wait for the record to say it is done.
        await().atMost(WAIT).until(() -> admin.get("/rampart/recalls/" + indicator.path("recallId").asText()).json()
            .path("status").asText().equals("undone"));
        assertThat(count(List.of("alice", "bob", "carol"), subject)).isEqualTo(3);
        assertThat(new MailboxActions(james, "bob").locations(subject)).containsExactly("INBOX:seen");
        assertThat(new MailboxActions(james, "alice").locations(subject)).containsExactly("INBOX:unseen");
    }

    @Test
    void badCriteriaShouldBeRejectedWithDetails() throws Exception {
        AdminHttp.Answer answer = admin.post("/rampart/recalls?action=preview",
            "{\"since\":\"yesterday\",\"colour\":\"red\",\"attachmentSha256\":\"abc\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("InvalidArgument");
        assertThat(answer.json().path("details").asText())
            .contains("unknown field 'colour'")
            .contains("'since' must be an ISO-8601 instant")
            .contains("'attachmentSha256' must be 64 hexadecimal characters");

        AdminHttp.Answer timeOnly = admin.post("/rampart/recalls?action=recall",
            "{\"since\":\"2026-01-01T00:00:00Z\",\"reason\":\"x\"}");
        assertThat(timeOnly.status()).isEqualTo(400);
        assertThat(timeOnly.json().path("details").asText()).contains("give at least one of messageId");

        AdminHttp.Answer noReason = admin.post("/rampart/recalls?action=recall", "{\"sender\":\"a@b.test\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("details").asText()).contains("'reason' is required");

        AdminHttp.Answer badIndicator = admin.post("/rampart/intel/indicators",
            "[{\"type\":\"hash\",\"value\":\"x\"},{\"type\":\"url\",\"value\":\"not a url\",\"confidence\":300}]");
        assertThat(badIndicator.status()).isEqualTo(400);
        assertThat(badIndicator.json().path("details").asText()).contains("[0]").contains("[1]")
            .contains("'type' must be one of").contains("'confidence' must be between 0 and 100");

        assertThat(admin.get("/rampart/recalls/does-not-exist").status()).isEqualTo(404);

        // JSON sent the way 'curl -d' sends it without a header (as a form): a 400 that says what to do.
        for (String[] call : new String[][] {{"POST", "/rampart/recalls?action=preview", "{\"messageId\":\"<a@b.test>\"}"},
            {"POST", "/rampart/intel/indicators", "{\"type\":\"domain\",\"value\":\"bad.test\"}"},
            {"PUT", "/rampart/limits/users/carol@" + RampartJames.DOMAIN, "{\"internalRecipientsPerHour\":50,\"action\":\"block\"}"}}) {
            AdminHttp.Answer form = admin.send(call[0], call[1], call[2], "application/x-www-form-urlencoded");
            assertThat(form.status()).as(call[1] + " " + form).isEqualTo(400);
            assertThat(form.json().path("details").asText()).as(call[1])
                .contains("sent as a form").contains("Content-Type: application/json");
        }
    }

    private static byte[] message(String from, String subject, String messageId, String body) {
        return ("From: " + from + "\r\n"
            + "To: staff@" + RampartJames.DOMAIN + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: " + messageId + "\r\n"
            + "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now()) + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void sendToAll(List<String> recipients, byte[] message) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(james.options().smtpPort()));
        properties.put("mail.smtp.from", OUTSIDER);
        javax.mail.Session session = javax.mail.Session.getInstance(properties);
        javax.mail.internet.MimeMessage mime = new javax.mail.internet.MimeMessage(session,
            new java.io.ByteArrayInputStream(message));
        javax.mail.Address[] to = new javax.mail.Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new javax.mail.internet.InternetAddress(recipients.get(i));
        }
        try (javax.mail.Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(mime, to);
        }
    }

    private void awaitDelivered(String subject, int expected) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> count(users, subject) == expected);
    }

    private static int count(List<String> localParts, String subject) throws Exception {
        int count = 0;
        for (String user : localParts) {
            count += new MailboxActions(james, user).locations(subject).size();
        }
        return count;
    }

    private static Map<String, List<String>> locations(String subject) throws Exception {
        Map<String, List<String>> all = new TreeMap<>();
        for (String user : users) {
            List<String> found = new ArrayList<>(new MailboxActions(james, user).locations(subject));
            if (!found.isEmpty()) {
                all.put(user, found);
            }
        }
        return all;
    }

    private static String awaitSecurityMail(String subjectPrefix) {
        return await().atMost(WAIT).until(() -> james.securityImap().messages("INBOX").stream()
            .filter(m -> m.subject() != null && m.subject().startsWith(subjectPrefix))
            .map(m -> text(m.raw()))
            .reduce((a, b) -> b), java.util.Optional::isPresent).get();
    }

    private static String text(String raw) {
        try {
            javax.mail.internet.MimeMessage parsed = new javax.mail.internet.MimeMessage(
                javax.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            return String.valueOf(parsed.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
