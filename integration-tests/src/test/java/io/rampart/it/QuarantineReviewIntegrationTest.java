package io.rampart.it;

import static io.rampart.it.RampartJames.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.rampart.it.Imap.ImapMessage;

/** Quarantine review end to end: list, read, release unchanged (not re-quarantined), delete, purge task, digest, errors. */
class QuarantineReviewIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static RampartJames james = RampartJames.withDefaults();

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(james.options().webadminPort());
    }

    @Test
    void quarantinedGtubeShouldBeListedWithItsVerdict() throws Exception {
        String subject = "Listed " + UUID.randomUUID();
        quarantineGtube("spammer@example.net", "bob", subject);

        JsonNode entry = awaitListed("?class=spam&recipient=" + address("bob"), subject);
        assertThat(entry.path("class").asText()).isEqualTo("spam");
        assertThat(entry.path("flow").asText()).isEqualTo("inbound");
        assertThat(entry.path("sender").asText()).isEqualTo("spammer@example.net");
        assertThat(entry.path("recipients").get(0).asText()).isEqualTo(address("bob"));
        assertThat(entry.path("score").asDouble()).isGreaterThanOrEqualTo(100);
        assertThat(texts(entry.path("rules"))).contains("gtube");

        JsonNode detail = Http.json(http.get("/rampart/quarantine/" + entry.path("id").asText()));
        assertThat(detail.path("verdict").path("verdict").asText()).isEqualTo("spam");
        assertThat(detail.path("verdict").path("findings").get(0).path("rule").asText()).isEqualTo("gtube");
        assertThat(detail.path("headers").path("Subject").get(0).asText()).isEqualTo(subject);
        assertThat(detail.path("reason").asText()).startsWith("spam");

        HttpResponse<String> raw = http.get("/rampart/quarantine/" + entry.path("id").asText() + "?raw=true");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("message/rfc822"));
        assertThat(raw.body()).contains("Subject: " + subject).contains(Messages.GTUBE);
    }

    @Test
    void filtersShouldNarrowTheList() throws Exception {
        String subject = "Filtered " + UUID.randomUUID();
        quarantineGtube("filtered@example.net", "carol", subject);
        awaitListed("", subject);

        assertThat(subjects(http.get("/rampart/quarantine?sender=filtered@example.net"))).contains(subject);
        assertThat(subjects(http.get("/rampart/quarantine?sender=@example.net&flow=inbound&rule=gtube"))).contains(subject);
        assertThat(subjects(http.get("/rampart/quarantine?class=malware"))).doesNotContain(subject);
        assertThat(subjects(http.get("/rampart/quarantine?recipient=" + address("alice")))).doesNotContain(subject);
        assertThat(subjects(http.get("/rampart/quarantine?until=2000-01-01T00:00:00Z"))).doesNotContain(subject);
        assertThat(subjects(http.get("/rampart/quarantine?since=2000-01-01T00:00:00Z&limit=1000"))).contains(subject);
        assertThat(Http.json(http.get("/rampart/quarantine?limit=1")).size()).isEqualTo(1);
    }

    @Test
    void releasedMailShouldReachTheInboxUnchangedAndNotBeQuarantinedAgain() throws Exception {
        String subject = "Release " + UUID.randomUUID();
        quarantineGtube("newsletter@example.net", "alice", subject);
        JsonNode entry = awaitListed("", subject);
        byte[] original = http.get("/rampart/quarantine/" + entry.path("id").asText() + "?raw=true").body()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> released = http.post("/rampart/quarantine/" + entry.path("id").asText() + "?action=release");

        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(Http.json(released).path("action").asText()).isEqualTo("release");
        ImapMessage delivered = await().atMost(WAIT).until(() -> find("alice", "INBOX", subject), Optional::isPresent).get();
        assertThat(delivered.raw()).contains(Messages.GTUBE);
        assertThat(bodyOf(delivered.raw())).isEqualTo(bodyOf(new String(original, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(delivered.verdictHeader()).startsWith("spam;");
        assertThat(subjects(http.get("/rampart/quarantine?limit=1000"))).doesNotContain(subject);
        assertThat(http.get("/rampart/quarantine/" + entry.path("id").asText()).statusCode()).isEqualTo(404);
    }

    @Test
    void bulkDeleteByFilterShouldRemoveOnlyMatchingMail() throws Exception {
        String doomed = "Doomed " + UUID.randomUUID();
        String kept = "Kept " + UUID.randomUUID();
        quarantineGtube("bulk-delete@example.org", "bob", doomed);
        quarantineGtube("someone-else@example.net", "bob", kept);
        awaitListed("", doomed);
        awaitListed("", kept);

        HttpResponse<String> response = http.post("/rampart/quarantine?action=delete&sender=bulk-delete@example.org");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("done").asInt()).isEqualTo(1);
        List<String> remaining = subjects(http.get("/rampart/quarantine?limit=1000"));
        assertThat(remaining).contains(kept).doesNotContain(doomed);
    }

    @Test
    void purgeShouldRunAsATaskWithItsDetails() throws Exception {
        HttpResponse<String> response = http.post("/rampart/quarantine?action=purge");

        assertThat(response.statusCode()).isEqualTo(201);
        String taskId = Http.json(response).path("taskId").asText();
        JsonNode task = Http.json(http.get("/tasks/" + taskId + "/await?timeout=30seconds"));
        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("type").asText()).isEqualTo("rampart-quarantine-purge");
        assertThat(task.path("additionalInformation").path("purged").asInt()).isZero();
        assertThat(task.path("additionalInformation").path("retentionSeconds").asLong()).isEqualTo(30L * 24 * 3600);
    }

    @Test
    void digestShouldTellEachRecipientWhatWasHeld() throws Exception {
        String subject = "Digest " + UUID.randomUUID();
        quarantineGtube("digest@example.net", "carol", subject);
        awaitListed("", subject);

        HttpResponse<String> response = http.post("/rampart/quarantine/digest?action=send");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("recipients").asInt()).isPositive();
        ImapMessage digest = await().atMost(WAIT).until(() -> james.imap("carol").messages("INBOX").stream()
            .filter(m -> m.subject() != null && m.subject().startsWith("[Rampart]") && m.raw().contains(subject))
            .findFirst(), Optional::isPresent).get();
        assertThat(digest.raw()).contains("digest@example.net").contains("spam");
    }

    @Test
    void unknownIdShouldBe404() throws Exception {
        HttpResponse<String> get = http.get("/rampart/quarantine/no-such-mail");
        HttpResponse<String> release = http.post("/rampart/quarantine/no-such-mail?action=release");

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(Http.json(get).path("message").asText()).isEqualTo("No quarantined mail with id 'no-such-mail'");
        assertThat(Http.json(get).path("type").asText()).isEqualTo("notFound");
        assertThat(release.statusCode()).isEqualTo(404);
    }

    @Test
    void badFiltersAndActionsShouldBe400WithDetails() throws Exception {
        HttpResponse<String> badClass = http.get("/rampart/quarantine?class=bogus");
        HttpResponse<String> badTime = http.get("/rampart/quarantine?since=yesterday");
        HttpResponse<String> unknown = http.get("/rampart/quarantine?colour=red");
        HttpResponse<String> badAction = http.post("/rampart/quarantine/x?action=explode");
        HttpResponse<String> unfiltered = http.post("/rampart/quarantine?action=delete");

        assertThat(List.of(badClass, badTime, unknown, badAction, unfiltered))
            .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(400));
        assertThat(Http.json(badClass).path("details").asText()).contains("'class'").contains("bogus");
        assertThat(Http.json(badTime).path("details").asText())
            .isEqualTo("'since' must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got 'yesterday'");
        assertThat(Http.json(unknown).path("details").asText()).startsWith("Unknown query parameter(s) [colour]");
        assertThat(Http.json(badAction).path("details").asText())
            .isEqualTo("'action' must be one of [delete, release], got 'explode'");
        assertThat(Http.json(unfiltered).path("details").asText()).startsWith("A bulk delete needs at least one filter");
    }

    private void quarantineGtube(String from, String user, String subject) throws Exception {
        james.smtp().sendFromOutside(from, address(user), Messages.plain(from, address(user), subject,
            "Cheap offer " + Messages.GTUBE));
    }

    private JsonNode awaitListed(String query, String subject) {
        return await().atMost(WAIT).until(() -> {
            for (JsonNode entry : Http.json(http.get("/rampart/quarantine" + (query.isEmpty() ? "?limit=1000" : query)))) {
                if (subject.equals(entry.path("subject").asText())) {
                    return Optional.of(entry);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).get();
    }

    private Optional<ImapMessage> find(String user, String folder, String subject) throws Exception {
        return james.imap(user).messages(folder).stream().filter(m -> subject.equals(m.subject())).findFirst();
    }

    private static List<String> subjects(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        Http.json(response).forEach(entry -> subjects.add(entry.path("subject").asText()));
        return subjects;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static String bodyOf(String raw) {
        int separator = raw.indexOf("\r\n\r\n");
        return separator < 0 ? raw : raw.substring(separator + 4).trim();
    }
}
