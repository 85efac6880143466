package io.rampart.webadmin.audit;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.server.core.MailImpl;
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
import io.rampart.core.flow.Flow;
import io.rampart.core.flow.MailMarks;
import io.rampart.mailets.Notifier;
import io.restassured.RestAssured;

class AuditRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String BOB = "bob@acme-corp.com";

    private WebAdminServer webAdminServer;
    private MemoryMailRepository repository;
    private MailetContext mailetContext;
    private Notifier notifier;
    private Rampart rampart;
    private MutableClock clock;

    /** A clock the test moves forward to reach the expiry. */
    static final class MutableClock extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        clock = new MutableClock();
        Properties properties = new Properties();
        properties.setProperty("audit.expiry", "1h");
        rampart = Rampart.start(RampartConfiguration.parse("test", properties), Optional.empty(), clock);
        repository = new MemoryMailRepository();
        MailRepositoryStore store = mock(MailRepositoryStore.class);
        when(store.select(any())).thenReturn(repository);
        mailetContext = mock(MailetContext.class);
        notifier = mock(Notifier.class);
        webAdminServer = WebAdminUtils.createWebAdminServer(new AuditRoutes(new AuditService(rampart, store, mailetContext, notifier)))
            .start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
    }

    private void hold(String id) throws Exception {
        MailImpl mail = MailImpl.builder().name(id).sender(BOB).addRecipient("someone@rival.example")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Roadmap").setText("the plan"))
            .addAttribute(new Attribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE), AttributeValue.of("outbound")))
            .build();
        repository.store(mail);
        rampart.audit().hold(id, Flow.OUTBOUND, Optional.of(BOB), List.of("someone@rival.example"), "policy.competitor",
            "hold: recipient domain rival.example");
    }

    @Test
    void heldMailShouldBeListed() throws Exception {
        hold("held-1");

        when().get("/rampart/audit").then().statusCode(200)
            .body("", hasSize(1))
            .body("[0].id", is("held-1"))
            .body("[0].flow", is("outbound"))
            .body("[0].sender", is(BOB))
            .body("[0].recipients", contains("someone@rival.example"))
            .body("[0].rule", is("policy.competitor"))
            .body("[0].status", is("held"))
            .body("[0].heldAt", is("2026-11-26T10:00:00Z"))
            .body("[0].expiresAt", is("2026-11-26T11:00:00Z"))
            .body("[0].expiryAction", is("reject"));
        when().get("/rampart/audit?status=approved").then().body("", hasSize(0));
        when().get("/rampart/audit/held-1").then().statusCode(200).body("rule", is("policy.competitor"));
    }

    @Test
    void theListShouldBePaged() throws Exception {
        hold("held-1");
        hold("held-2");
        hold("held-3");

        when().get("/rampart/audit?status=held&offset=1&limit=1").then().statusCode(200).body("", hasSize(1));
        when().get("/rampart/audit?offset=2").then().statusCode(200).body("", hasSize(1));
        when().get("/rampart/audit?limit=0").then().statusCode(400)
            .body("details", is("'limit' must be an integer between 1 and 1000, got '0'"));
    }

    @Test
    void approveShouldReinjectTheMailIntoTransportWithItsFlowMark() throws Exception {
        hold("held-2");

        when().post("/rampart/audit/held-2?action=approve").then().statusCode(200)
            .body("status", is("approved")).body("decidedBy", is("webadmin"));

        ArgumentCaptor<Mail> sent = ArgumentCaptor.forClass(Mail.class);
        verify(mailetContext).sendMail(sent.capture(), eq(Mail.TRANSPORT));
        assertThat(sent.getValue().getRecipients()).containsExactly(new MailAddress("someone@rival.example"));
        assertThat(sent.getValue().getAttribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE)))
            .hasValueSatisfying(attribute -> assertThat(attribute.getValue().value()).isEqualTo("outbound"));
        assertThat(repository.retrieve(new MailKey("held-2"))).isNull();
        verify(notifier, never()).send(any(), anyString(), anyString());
    }

    @Test
    void rejectShouldDeleteTheMailAndTellTheSender() throws Exception {
        hold("held-3");

        when().post("/rampart/audit/held-3?action=reject").then().statusCode(200).body("status", is("rejected"));

        assertThat(repository.retrieve(new MailKey("held-3"))).isNull();
        verify(mailetContext, never()).sendMail(any(Mail.class), anyString());
        verify(notifier).send(eq(List.of(new MailAddress(BOB))), eq("Your message was not delivered: Roadmap"),
            org.mockito.ArgumentMatchers.contains("policy.competitor"));
    }

    @Test
    void secondDecisionShouldBe409() throws Exception {
        hold("held-4");
        when().post("/rampart/audit/held-4?action=approve").then().statusCode(200);

        when().post("/rampart/audit/held-4?action=reject").then().statusCode(409)
            .body("statusCode", is(409))
            .body("type", is("WrongState"))
            .body("message", is("held mail 'held-4' was already decided: approved by webadmin"));
    }

    @Test
    void expiryShouldApplyTheExpiryAction() throws Exception {
        hold("held-5");
        when().post("/rampart/audit?action=expire").then().statusCode(200).body("decided", is(0));

        clock.advance(Duration.ofHours(2));

        when().post("/rampart/audit?action=expire").then().statusCode(200)
            .body("decided", is(1)).body("ids", contains("held-5"));
        when().get("/rampart/audit/held-5").then().body("status", is("rejected")).body("decidedBy", is("expiry"));
        assertThat(repository.retrieve(new MailKey("held-5"))).isNull();
        verify(notifier).send(eq(List.of(new MailAddress(BOB))), anyString(),
            org.mockito.ArgumentMatchers.contains("nobody reviewed it in time"));
    }

    @Test
    void unknownIdShouldBe404AndBadParameters400() {
        when().post("/rampart/audit/nope?action=approve").then().statusCode(404)
            .body("statusCode", is(404))
            .body("type", is("notFound"))
            .body("message", is("No held mail with id 'nope'"));
        when().get("/rampart/audit/nope").then().statusCode(404);
        when().post("/rampart/audit/nope?action=explode").then().statusCode(400)
            .body("statusCode", is(400))
            .body("type", is("InvalidArgument"))
            .body("details", is("'action' must be one of [approve, reject], got 'explode'"));
        when().post("/rampart/audit/nope").then().statusCode(400)
            .body("details", is("'action' must be one of [approve, reject], it is missing"));
        when().get("/rampart/audit?status=lost").then().statusCode(400)
            .body("details", is("'lost' is not an audit status; expected held, approved or rejected"));
        when().post("/rampart/audit?action=approve").then().statusCode(400)
            .body("details", is("'action' must be one of [expire], got 'approve'"));
    }
}
