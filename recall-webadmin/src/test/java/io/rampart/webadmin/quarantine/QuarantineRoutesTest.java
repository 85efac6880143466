package io.rampart.webadmin.quarantine;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.server.core.MailImpl;
import org.apache.james.task.Hostname;
import org.apache.james.task.MemoryTaskManager;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.feedback.RecordingLearner;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.state.StateStore;
import io.rampart.mailets.Notifier;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

class QuarantineRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant STOPPED = Instant.parse("2026-11-26T09:00:00Z");
    private static final String VERDICT_JSON = "{\"verdict\":\"spam\",\"score\":100.0,\"findings\":[{\"rule\":\"gtube\",\"score\":100.0,"
        + "\"category\":\"spam\",\"detail\":\"GTUBE test string in part 1\"}]}";

    private WebAdminServer webAdminServer;
    private MemoryMailRepository repository;
    private MailetContext mailetContext;
    private Rampart rampart;
    private MemoryTaskManager taskManager;

    @BeforeEach
    void setUp() throws Exception {
        StateStore state = new MemoryStateStore();
        rampart = Rampart.start(RampartConfiguration.defaults(), state, FeedbackStores.over(state), Optional.empty(),
            Clock.systemUTC());
        repository = new MemoryMailRepository();
        MailRepositoryStore store = mock(MailRepositoryStore.class);
        when(store.select(any())).thenReturn(repository);
        mailetContext = mock(MailetContext.class);
        QuarantineService service = new QuarantineService(rampart, store, mailetContext, Clock.fixed(NOW, ZoneOffset.UTC));
        QuarantineDigestService digest = new QuarantineDigestService(rampart, service, mock(Notifier.class), mailetContext);
        taskManager = new MemoryTaskManager(new Hostname("localhost"));
        webAdminServer = WebAdminUtils.createWebAdminServer(new QuarantineRoutes(rampart, service, digest, taskManager)).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
        taskManager.stop();
    }

    private void quarantine(String name, String sender, String recipient, String subject, String flow, Instant stoppedAt)
        throws Exception {
        repository.store(MailImpl.builder()
            .name(name)
            .sender(sender)
            .addRecipient(recipient)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addFrom(sender)
                .addToRecipient(recipient)
                .setSubject(subject)
                .setText("Buy now")
                .build())
            .addAttribute(attribute(MailMarks.VERDICT_ATTRIBUTE, "spam"))
            .addAttribute(new Attribute(AttributeName.of(MailMarks.SCORE_ATTRIBUTE), AttributeValue.of(100.0)))
            .addAttribute(attribute(MailMarks.RULES_ATTRIBUTE, "gtube"))
            .addAttribute(attribute(MailMarks.REASON_ATTRIBUTE, "spam (score 100.00 >= 5.00): gtube"))
            .addAttribute(attribute(MailMarks.VERDICT_JSON_ATTRIBUTE, VERDICT_JSON))
            .addAttribute(attribute(MailMarks.FLOW_ATTRIBUTE, flow))
            .addAttribute(attribute(MailMarks.ACTION_ATTRIBUTE, "quarantine"))
            .addAttribute(attribute(MailMarks.STOPPED_AT_ATTRIBUTE, stoppedAt.toString()))
            .build());
    }

    private static Attribute attribute(String name, String value) {
        return new Attribute(AttributeName.of(name), AttributeValue.of(value));
    }

    @Test
    void listShouldDescribeEachQuarantinedMail() throws Exception {
        quarantine("m1", "spammer@example.net", "bob@acme.test", "Offer", "inbound", STOPPED);

        when().get("/rampart/quarantine")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("", hasSize(1))
            .body("[0].id", is("m1"))
            .body("[0].time", is("2026-11-26T09:00:00Z"))
            .body("[0].sender", is("spammer@example.net"))
            .body("[0].recipients", contains("bob@acme.test"))
            .body("[0].subject", is("Offer"))
            .body("[0].class", is("spam"))
            .body("[0].score", is(100.0f))
            .body("[0].rules", contains("gtube"))
            .body("[0].flow", is("inbound"));
    }

    @Test
    void listShouldFilterAndPageNewestFirst() throws Exception {
        quarantine("old", "a@example.net", "bob@acme.test", "Old", "inbound", STOPPED.minusSeconds(3600));
        quarantine("new", "b@example.net", "bob@acme.test", "New", "internal", STOPPED);
        quarantine("mid", "c@example.net", "carol@acme.test", "Mid", "inbound", STOPPED.minusSeconds(60));

        when().get("/rampart/quarantine").then().body("id", contains("new", "mid", "old"));
        when().get("/rampart/quarantine?offset=1&limit=1").then().body("id", contains("mid"));
        when().get("/rampart/quarantine?flow=inbound&recipient=bob@acme.test").then().body("id", contains("old"));
        when().get("/rampart/quarantine?since=2026-11-26T08:30:00Z").then().body("id", contains("new", "mid"));
    }

    @Test
    void badFilterShouldBe400WithTheWholeErrorBody() {
        when().get("/rampart/quarantine?since=yesterday")
            .then()
            .statusCode(400)
            .body("statusCode", is(400))
            .body("type", is("InvalidArgument"))
            .body("message", is("Invalid arguments supplied in the user request"))
            .body("details", is("'since' must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got 'yesterday'"));
        when().get("/rampart/quarantine?limit=0")
            .then()
            .statusCode(400)
            .body("details", is("'limit' must be an integer between 1 and 1000, got '0'"));
        when().get("/rampart/quarantine?klass=spam")
            .then()
            .statusCode(400)
            .body("details", is("Unknown query parameter(s) [klass]; expected some of [class, flow, limit, offset, recipient, rule, sender, since, until]"));
    }

    @Test
    void unknownIdShouldBe404WithTheWholeErrorBody() {
        when().get("/rampart/quarantine/missing")
            .then()
            .statusCode(404)
            .body("statusCode", is(404))
            .body("type", is("notFound"))
            .body("message", is("No quarantined mail with id 'missing'"))
            .body("details", nullValue());
        when().post("/rampart/quarantine/missing?action=delete").then().statusCode(404);
    }

    @Test
    void detailShouldIncludeVerdictAndHeaders() throws Exception {
        quarantine("m1", "spammer@example.net", "bob@acme.test", "Offer", "inbound", STOPPED);

        when().get("/rampart/quarantine/m1")
            .then()
            .statusCode(200)
            .body("id", is("m1"))
            .body("reason", is("spam (score 100.00 >= 5.00): gtube"))
            .body("action", is("quarantine"))
            .body("verdict.findings[0].rule", is("gtube"))
            .body("headers.Subject", contains("Offer"));
    }

    @Test
    void rawShouldReturnTheMessage() throws Exception {
        quarantine("m1", "spammer@example.net", "bob@acme.test", "Offer", "inbound", STOPPED);

        String raw = when().get("/rampart/quarantine/m1?raw=true")
            .then()
            .statusCode(200)
            .contentType("message/rfc822")
            .extract().asString();

        assertThat(raw).contains("Subject: Offer").contains("Buy now");
    }

    @Test
    void releaseShouldReinjectIntoTransportKeepingTheFlowMark() throws Exception {
        quarantine("m1", "spammer@example.net", "bob@acme.test", "Offer", "inbound", STOPPED);

        when().post("/rampart/quarantine/m1?action=release")
            .then()
            .statusCode(200)
            .body("id", is("m1"))
            .body("action", is("release"));

        ArgumentCaptor<Mail> sent = ArgumentCaptor.forClass(Mail.class);
        verify(mailetContext).sendMail(sent.capture(), eq(Mail.TRANSPORT));
        assertThat(sent.getValue().getRecipients()).containsExactly(new MailAddress("bob@acme.test"));
        assertThat(sent.getValue().getAttribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE)))
            .map(a -> String.valueOf(a.getValue().value())).contains("inbound");
        assertThat(repository.size()).isZero();
        assertThat(rampart.feedback().allowList().all()).isEmpty();
        assertThat(((RecordingLearner) rampart.feedback().learner()).examples()).isEmpty();
    }

    @Test
    void releaseWithAllowSenderAndLearnShouldTeachRampart() throws Exception {
        quarantine("m1", "Friend@Example.net", "bob@acme.test", "Offer", "inbound", STOPPED);

        when().post("/rampart/quarantine/m1?action=release&allowSender=true&learn=true").then().statusCode(200);

        assertThat(rampart.feedback().allowList().isAllowed("friend@example.net")).isTrue();
        assertThat(((RecordingLearner) rampart.feedback().learner()).examples())
            .singleElement().satisfies(example -> assertThat(example.unwanted()).isFalse());
    }

    @Test
    void badReleaseOptionsShouldBe400() throws Exception {
        quarantine("m1", "spammer@example.net", "bob@acme.test", "Offer", "inbound", STOPPED);

        when().post("/rampart/quarantine/m1?action=release&learn=maybe")
            .then().statusCode(400).body("details", is("'learn' must be true or false, got 'maybe'"));
        when().post("/rampart/quarantine/m1?action=delete&learn=true")
            .then().statusCode(400).body("details", is("'allowSender' and 'learn' apply to action=release only"));
        when().post("/rampart/quarantine/m1")
            .then().statusCode(400).body("details", is("'action' must be one of [delete, release], it is missing"));
        verifyNoInteractions(mailetContext);
        assertThat(repository.size()).isEqualTo(1);
    }

    @Test
    void bulkReleaseShouldReleaseMatchingMailOnly() throws Exception {
        quarantine("m1", "a@example.net", "bob@acme.test", "One", "inbound", STOPPED);
        quarantine("m2", "b@example.net", "bob@acme.test", "Two", "internal", STOPPED);

        when().post("/rampart/quarantine?action=release&flow=internal")
            .then()
            .statusCode(200)
            .body("action", is("release"))
            .body("matched", is(1))
            .body("done", is(1))
            .body("ids", contains("m2"));
        assertThat(repository.size()).isEqualTo(1);
    }

    @Test
    void bulkActionWithoutFilterShouldBe400() {
        when().post("/rampart/quarantine?action=release")
            .then()
            .statusCode(400)
            .body("details", is("A bulk release needs at least one filter among [class, flow, sender, recipient, rule, since, until]"));
    }

    @Test
    void purgeShouldRemoveMailOlderThanTheRetentionInATask() throws Exception {
        quarantine("ancient", "a@example.net", "bob@acme.test", "Ancient", "inbound", NOW.minusSeconds(31L * 24 * 3600));
        quarantine("recent", "b@example.net", "bob@acme.test", "Recent", "inbound", STOPPED);

        String taskId = when().post("/rampart/quarantine?action=purge")
            .then()
            .statusCode(201)
            .header("Location", org.hamcrest.Matchers.startsWith("/tasks/"))
            .extract().jsonPath().getString("taskId");

        org.apache.james.task.TaskExecutionDetails details = taskManager.await(org.apache.james.task.TaskId.fromString(taskId),
            java.time.Duration.ofSeconds(10));
        assertThat(details.getStatus()).isEqualTo(org.apache.james.task.TaskManager.Status.COMPLETED);
        assertThat(details.getType()).isEqualTo(QuarantinePurgeTask.TYPE);
        QuarantinePurgeTask.AdditionalInformation information =
            (QuarantinePurgeTask.AdditionalInformation) details.getAdditionalInformation().orElseThrow();
        assertThat(information.getPurged()).isEqualTo(1);
        assertThat(information.getOlderThan()).isEqualTo(NOW.minus(java.time.Duration.ofDays(30)));
        assertThat(repository.size()).isEqualTo(1);
    }

    @Test
    void purgeShouldTakeNoOtherParameter() {
        when().post("/rampart/quarantine?action=purge&class=spam")
            .then()
            .statusCode(400)
            .body("details", is("action=purge takes no other parameter (it uses quarantine.retention)"));
    }

    @Test
    void digestShouldAnswerWhatItSent() {
        given().post("/rampart/quarantine/digest?action=send")
            .then()
            .statusCode(200)
            .body("recipients", equalTo(0))
            .body("messages", equalTo(0));
        when().post("/rampart/quarantine/digest?action=later")
            .then().statusCode(400).body("details", is("'action' must be one of [send], got 'later'"));
    }
}
