package io.rampart.it;

import static io.rampart.it.RampartJames.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.rampart.launcher.DemoData;

/**
 * User and admin reports end to end: the report folder exists, an IMAP MOVE into it and a forward
 * as attachment to report-phish@ each record a report, three users raise a recall candidate, a
 * confirmed report makes its URL a local indicator that stops the next copy, errors are 400/404.
 */
class ReportsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FOLDER = "Report Phishing";

    @RegisterExtension
    static RampartJames james = RampartJames.withDefaults();

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(james.options().webadminPort());
    }

    @Test
    void everyUserShouldGetTheReportFolder() throws Exception {
        String subject = "Welcome " + UUID.randomUUID();
        deliver("hr@example.net", "bob", subject, "Welcome aboard");

        await().atMost(WAIT).untilAsserted(() -> assertThat(james.imap("bob").folders()).contains(FOLDER));
    }

    /**
     * Regression: the folder used to be created from inside the mailbox event listener, which
     * deadlocked James's delivery when many users got their first mail at the same time (every Reactor
     * thread waiting for a nested MailboxAdded dispatch; seen with 200 users under load).
     */
    @Test
    void manyNewUsersGettingTheirFirstMailAtOnceShouldAllReceiveItAndGetTheFolder() throws Exception {
        AdminHttp admin = new AdminHttp(james.options().webadminPort());
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            String user = "newcomer" + i;
            AdminHttp.Answer answer = admin.put("/users/" + address(user),
                "{\"password\":\"" + DemoData.password(user) + "\"}");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
            users.add(user);
        }
        String subject = "First day " + UUID.randomUUID();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String user : users) {
                sent.add(senders.submit(() -> {
                    james.smtp().sendFromOutside("hr@example.net", address(user),
                        Messages.plain("hr@example.net", address(user), subject, "Welcome aboard"));
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
            Http.json(http.get("/mailQueues/spool")).path("size").asInt()).isZero());
        for (String user : users) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(james.imap(user).messages("INBOX")).extracting(Imap.ImapMessage::subject).contains(subject);
                assertThat(james.imap(user).folders()).contains(FOLDER);
            });
        }
    }

    @Test
    void movingIntoTheReportFolderAndForwardingShouldRecordReportsOfOneCampaignAndRaiseARecallCandidate() throws Exception {
        // A lure plain enough to pass the filter (the engine would quarantine an obvious one): users
        // are the last line of defence, and their reports are what this test is about.
        String url = "http://photos-" + UUID.randomUUID() + ".example.com/album";
        String subject = "Team photos " + UUID.randomUUID();
        String sender = "events@partner.example.net";
        for (String user : List.of("alice", "bob", "carol")) {
            deliver(sender, user, subject, "The team photos from Friday are here: " + url);
        }

        move("alice", subject, FOLDER);
        JsonNode first = awaitCampaign(url, 1);
        assertThat(texts(first.path("reporters"))).containsExactly(address("alice"));
        assertThat(texts(first.path("senders"))).containsExactly(sender);
        assertThat(first.path("reports").get(0).path("source").asText()).isEqualTo("folder");
        assertThat(first.path("reports").get(0).path("kind").asText()).isEqualTo("phish");

        forwardAsAttachment("bob", subject);
        JsonNode second = awaitCampaign(url, 2);
        assertThat(texts(second.path("reporters"))).containsExactlyInAnyOrder(address("alice"), address("bob"));
        assertThat(texts(Http.json(http.get("/rampart/reports/candidates")).findValues("id"))).doesNotContain(second.path("campaign").asText());

        move("carol", subject, "Junk");
        JsonNode third = awaitCampaign(url, 3);
        JsonNode candidates = Http.json(http.get("/rampart/reports/candidates"));
        JsonNode candidate = find(candidates, "id", third.path("campaign").asText());
        assertThat(texts(candidate.path("reporters"))).containsExactlyInAnyOrder(address("alice"), address("bob"), address("carol"));
        assertThat(texts(candidate.path("urls"))).contains(url);
        await().atMost(WAIT).untilAsserted(() -> assertThat(james.securityImap().messages("INBOX"))
            .anySatisfy(message -> assertThat(message.subject()).startsWith("[Rampart] Recall candidate")));
        assertThat(james.securityImap().messages("INBOX"))
            .anySatisfy(message -> assertThat(message.subject()).isEqualTo("[Rampart] New phish report: " + subject));
    }

    @Test
    void confirmedReportShouldTeachDetectionItsUrl() throws Exception {
        String url = "https://payroll-" + UUID.randomUUID() + ".example.org/update";
        String subject = "Payroll update " + UUID.randomUUID();
        HttpResponse<String> created = http.post("/rampart/reports?reporter=" + address("alice"), "message/rfc822",
            Messages.plain("payroll@example.org", address("alice"), subject, "Update your bank details at " + url));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Http.json(created).path("id").asText();
        assertThat(texts(Http.json(created).path("urls"))).containsExactly(url);

        HttpResponse<String> confirmed = http.post("/rampart/reports/" + id + "?action=confirm");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(Http.json(confirmed).path("status").asText()).isEqualTo("confirmed");

        String next = "Payroll again " + UUID.randomUUID();
        james.smtp().sendFromOutside("other@example.net", address("carol"),
            Messages.plain("other@example.net", address("carol"), next, "Last reminder: " + url));
        JsonNode quarantined = await().atMost(WAIT).until(() -> {
            for (JsonNode entry : Http.json(http.get("/rampart/quarantine?limit=1000"))) {
                if (next.equals(entry.path("subject").asText())) {
                    return Optional.of(entry);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).get();
        assertThat(texts(quarantined.path("rules"))).contains("local.indicator.url");
        assertThat(quarantined.path("class").asText()).isEqualTo("phish");
    }

    @Test
    void adminReportByJsonShouldBeListedAndDismissable() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.net>";
        HttpResponse<String> created = http.post("/rampart/reports", "application/json",
            ("{\"messageId\":\"" + messageId + "\",\"sender\":\"ceo@fake.example\",\"subject\":\"Wire transfer\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode report = Http.json(created);
        assertThat(report.path("reporter").asText()).isEqualTo(james.options().securityMailbox());
        assertThat(report.path("messageId").asText()).isEqualTo(messageId);

        HttpResponse<String> dismissed = http.post("/rampart/reports/" + report.path("id").asText() + "?action=dismiss");

        assertThat(Http.json(dismissed).path("status").asText()).isEqualTo("dismissed");
        JsonNode listed = Http.json(http.get("/rampart/reports?status=dismissed&sender=ceo@fake.example"));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("reports").get(0).path("id").asText()).isEqualTo(report.path("id").asText());
    }

    @Test
    void theSameReportTwiceShouldBeKeptOnceAndAnsweredAsADuplicate() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@example.net>";
        byte[] body = ("{\"messageId\":\"" + messageId + "\",\"sender\":\"twice@fake.example\",\"subject\":\"Gift cards\"}")
            .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = http.post("/rampart/reports", "application/json", body);
        HttpResponse<String> second = http.post("/rampart/reports", "application/json", body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(Http.json(first).path("duplicate").asBoolean()).isFalse();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Http.json(second).path("duplicate").asBoolean()).isTrue();
        assertThat(Http.json(second).path("id").asText()).isEqualTo(Http.json(first).path("id").asText());
        JsonNode listed = Http.json(http.get("/rampart/reports?sender=twice@fake.example"));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("reports").size()).isEqualTo(1);
    }

    @Test
    void badReportRequestsShouldBe400Or404WithDetails() throws Exception {
        HttpResponse<String> unknown = http.get("/rampart/reports/nope");
        HttpResponse<String> unknownDecision = http.post("/rampart/reports/nope?action=confirm");
        HttpResponse<String> badStatus = http.get("/rampart/reports?status=maybe");
        HttpResponse<String> badJson = http.post("/rampart/reports", "application/json", "{\"colour\":1}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> empty = http.post("/rampart/reports", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).path("message").asText()).isEqualTo("No report with id 'nope'");
        assertThat(unknownDecision.statusCode()).isEqualTo(404);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(Http.json(badStatus).path("details").asText())
            .isEqualTo("Unknown report status 'maybe' (new, confirmed or dismissed)");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(Http.json(badJson).path("details").asText()).startsWith("Unknown field 'colour' in the JSON report");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Http.json(empty).path("details").asText())
            .isEqualTo("A JSON report needs 'messageId' or at least one of 'sender', 'subject', 'urls', 'sha256'");
    }

    private void deliver(String from, String user, String subject, String body) throws Exception {
        james.smtp().sendFromOutside(from, address(user), Messages.plain(from, address(user), subject, body));
        await().atMost(WAIT).until(() -> james.imap(user).messages("INBOX").stream()
            .anyMatch(message -> subject.equals(message.subject())));
    }

    private void move(String user, String subject, String folder) throws Exception {
        await().atMost(WAIT).untilAsserted(() -> assertThat(james.imap(user).folders()).contains(FOLDER));
        ImapActions imap = new ImapActions(james.options().imapPort(), address(user), DemoData.password(user));
        assertThat(imap.move("INBOX", subject, folder)).isEqualTo(1);
    }

    private void forwardAsAttachment(String user, String subject) throws Exception {
        Imap.ImapMessage original = james.imap(user).messages("INBOX").stream()
            .filter(message -> subject.equals(message.subject())).findFirst().orElseThrow();
        String boundary = "fwd-" + UUID.randomUUID();
        String reportAddress = "report-phish@" + RampartJames.DOMAIN;
        byte[] forward = ("From: " + address(user) + "\r\n"
            + "To: " + reportAddress + "\r\n"
            + "Subject: Fwd: " + subject + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
            + "\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "This looks like phishing.\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "Content-Disposition: attachment; filename=\"reported.eml\"\r\n"
            + "\r\n"
            + original.raw().replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n"
            + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        james.smtp().sendAs(address(user), DemoData.password(user), address(user), new String[] {reportAddress}, forward);
    }

    private JsonNode awaitCampaign(String url, int reports) {
        return await().atMost(WAIT).until(() -> {
            for (JsonNode campaign : Http.json(http.get("/rampart/reports"))) {
                if (texts(campaign.path("urls")).contains(url) && campaign.path("reportCount").asInt() == reports) {
                    return Optional.of(campaign);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).get();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("No element with " + field + "=" + value + " in " + array);
    }

    private static List<String> texts(Object nodes) {
        List<String> values = new ArrayList<>();
        if (nodes instanceof JsonNode) {
            ((JsonNode) nodes).forEach(node -> values.add(node.asText()));
        } else {
            for (Object node : (List<?>) nodes) {
                values.add(((JsonNode) node).asText());
            }
        }
        return values;
    }
}
