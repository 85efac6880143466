package io.rampart.webadmin.reports;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.feedback.Indicator;
import io.rampart.mailets.Notifier;
import io.rampart.mailets.reports.ReportNotifications;
import io.rampart.webadmin.quarantine.QuarantineService;
import io.restassured.RestAssured;

class ReportRoutesTest {
    private static final String SECURITY = "security@acme.test";
    private static final String URL = "http://evil.example/login";
    private static final byte[] MESSAGE = ("From: IT <it@phish.example>\r\n"
        + "To: alice@acme.test\r\n"
        + "Subject: Verify your account\r\n"
        + "Message-ID: <m1@phish.example>\r\n"
        + "\r\n"
        + "Click " + URL + " now\r\n").getBytes(StandardCharsets.US_ASCII);

    private WebAdminServer webAdminServer;
    private Rampart rampart;
    private Notifier notifier;
    private QuarantineService quarantine;

    @BeforeEach
    void setUp() throws Exception {
        rampart = Rampart.start(RampartConfiguration.defaults());
        notifier = mock(Notifier.class);
        when(notifier.securityMailbox()).thenReturn(new MailAddress(SECURITY));
        quarantine = mock(QuarantineService.class);
        when(quarantine.findByMessageId(anyString())).thenReturn(Optional.empty());
        webAdminServer = WebAdminUtils.createWebAdminServer(new ReportRoutes(rampart, quarantine,
            new ReportNotifications(rampart, notifier), notifier)).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
    }

    private String postRaw(String reporter) {
        return given().contentType("message/rfc822").body(MESSAGE)
            .post("/rampart/reports?reporter=" + reporter)
            .then().statusCode(201)
            .extract().jsonPath().getString("id");
    }

    @Test
    void rawMessageReportShouldBeFingerprintedAndTheSecurityMailboxTold() throws Exception {
        given().contentType("message/rfc822").body(MESSAGE)
            .post("/rampart/reports?reporter=alice@acme.test")
            .then()
            .statusCode(201)
            .body("reporter", is("alice@acme.test"))
            .body("kind", is("phish"))
            .body("source", is("admin"))
            .body("status", is("new"))
            .body("messageId", is("<m1@phish.example>"))
            .body("sender", is("it@phish.example"))
            .body("subject", is("Verify your account"))
            .body("urls", contains(URL))
            .body("sha256", hasSize(0))
            .body("duplicate", is(false));

        verify(notifier).toSecurity(eq("[Rampart] New phish report: Verify your account"), anyString());
    }

    @Test
    void jsonReportByMessageIdShouldUseTheQuarantinedCopyWhenThereIsOne() throws Exception {
        when(quarantine.findByMessageId("<m1@phish.example>")).thenReturn(Optional.of(MESSAGE));

        given().contentType("application/json").body("{\"messageId\":\"<m1@phish.example>\"}")
            .post("/rampart/reports")
            .then()
            .statusCode(201)
            .body("reporter", is(SECURITY))
            .body("sender", is("it@phish.example"))
            .body("urls", contains(URL));
    }

    @Test
    void jsonReportShouldAcceptADescribedFingerprint() {
        given().contentType("application/json")
            .body("{\"sender\":\"ceo@fake.example\",\"subject\":\"Wire\",\"urls\":[\"http://x.example/a\"],\"kind\":\"junk\"}")
            .post("/rampart/reports")
            .then()
            .statusCode(201)
            .body("kind", is("junk"))
            .body("messageId", nullValue())
            .body("urls", contains("http://x.example/a"));
    }

    @Test
    void badReportsShouldBe400WithTheWholeErrorBody() {
        given().contentType("application/json").body("{}")
            .post("/rampart/reports")
            .then()
            .statusCode(400)
            .body("statusCode", is(400))
            .body("type", is("InvalidArgument"))
            .body("message", is("Invalid arguments supplied in the user request"))
            .body("details", is("A JSON report needs 'messageId' or at least one of 'sender', 'subject', 'urls', 'sha256'"));
        given().contentType("application/json").body("{\"urls\":\"http://x\"}")
            .post("/rampart/reports")
            .then().statusCode(400).body("details", is("'urls' must be an array of strings"));
        given().contentType("application/json").body("not json")
            .post("/rampart/reports")
            .then().statusCode(400).body("details", org.hamcrest.Matchers.startsWith("The body is neither a raw message"));
        given().contentType("message/rfc822").body(MESSAGE)
            .post("/rampart/reports?kind=awful")
            .then().statusCode(400).body("details", is("Unknown report kind 'awful' (phish, junk or not-junk)"));
    }

    @Test
    void listShouldGroupReportsByCampaign() {
        String first = postRaw("alice@acme.test");
        postRaw("bob@acme.test");

        when().get("/rampart/reports")
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].campaign", is(first))
            .body("[0].reportCount", is(2))
            .body("[0].reporters", contains("alice@acme.test", "bob@acme.test"))
            .body("[0].urls", contains(URL))
            .body("[0].reports.id[0]", is(first));
        when().get("/rampart/reports?reporter=carol@acme.test").then().body("", hasSize(0));
        when().get("/rampart/reports?offset=1").then().statusCode(200).body("", hasSize(0));
        when().get("/rampart/reports?limit=1&reporter=bob@acme.test").then().statusCode(200).body("", hasSize(1));
        when().get("/rampart/reports?limit=1001").then().statusCode(400)
            .body("details", is("'limit' must be an integer between 1 and 1000, got '1001'"));
    }

    @Test
    void thirdDistinctReporterShouldRaiseARecallCandidate() throws Exception {
        postRaw("alice@acme.test");
        postRaw("bob@acme.test");

        String candidate = given().contentType("message/rfc822").body(MESSAGE)
            .post("/rampart/reports?reporter=carol@acme.test")
            .then().statusCode(201)
            .extract().jsonPath().getString("recallCandidate");

        when().get("/rampart/reports/candidates")
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].id", is(candidate))
            .body("[0].reporters", contains("alice@acme.test", "bob@acme.test", "carol@acme.test"))
            .body("[0].messageIds", contains("<m1@phish.example>"));
        verify(notifier).toSecurity(startsWith("[Rampart] Recall candidate: reported by 3 users"), anyString());
    }

    @Test
    void confirmShouldMakeIndicators() {
        String id = postRaw("alice@acme.test");

        when().post("/rampart/reports/" + id + "?action=confirm")
            .then()
            .statusCode(200)
            .body("status", is("confirmed"));

        assertThat(rampart.feedback().indicators().contains(Indicator.url(URL))).isTrue();
        assertThat(rampart.feedback().indicators().contains(Indicator.sender("it@phish.example"))).isTrue();
        when().get("/rampart/reports/" + id).then().body("status", is("confirmed")).body("campaign", is(id));
    }

    @Test
    void unknownReportShouldBe404WithTheWholeErrorBody() {
        when().post("/rampart/reports/nope?action=dismiss")
            .then()
            .statusCode(404)
            .body("statusCode", is(404))
            .body("type", is("notFound"))
            .body("message", is("No report with id 'nope'"))
            .body("details", nullValue());
    }

    @Test
    void badDecisionShouldBe400() {
        String id = postRaw("alice@acme.test");

        when().post("/rampart/reports/" + id + "?action=approve")
            .then().statusCode(400).body("details", is("'action' must be one of [confirm, dismiss], got 'approve'"));
    }

    @Test
    void reporterShouldNotBeToldUnlessConfigured() throws Exception {
        String id = postRaw("alice@acme.test");

        when().post("/rampart/reports/" + id + "?action=dismiss").then().statusCode(200);

        verify(notifier, org.mockito.Mockito.never()).send(any(), anyString(), anyString());
    }
}
