package io.rampart.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.links.DomainHistory;
import io.rampart.core.signatures.TestSignatureAnalyzer;
import io.rampart.mailets.LocalDomains;
import io.restassured.RestAssured;

class ScanRoutesTest {
    private static final byte[] GTUBE_MAIL = ("From: a@example.net\r\nTo: alice@acme.test\r\nSubject: test\r\n\r\n"
        + TestSignatureAnalyzer.GTUBE + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private WebAdminServer webAdminServer;
    private Rampart rampart;

    @BeforeEach
    void setUp() throws Exception {
        DomainList domainList = mock(DomainList.class);
        when(domainList.getDomains()).thenReturn(List.of(Domain.of("acme.test")));
        rampart = Rampart.start(RampartConfiguration.defaults());
        webAdminServer = WebAdminUtils.createWebAdminServer(new ScanRoutes(rampart, new LocalDomains(domainList))).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
        rampart.close();
    }

    @Test
    void aTrialScanLeavesNoTraceInTheLinkHistory() {
        byte[] mail = "From: a@example.net\r\nTo: alice@acme.test\r\nSubject: hi\r\n\r\nhttps://sso.brand-new.net/login\r\n"
            .getBytes(StandardCharsets.US_ASCII);
        given().contentType("message/rfc822").body(mail).post("/rampart/scan").then().statusCode(200);

        assertThat(rampart.state().hashes().size(DomainHistory.FIRST_SEEN_KEY)).isZero();
        rampart.engine().scan(mail, ScanContext.builder().build());
        assertThat(rampart.state().hashes().size(DomainHistory.FIRST_SEEN_KEY)).as("mail passing through is recorded").isOne();
    }

    @Test
    void rawMessageShouldGetTheVerdict() {
        given().contentType("message/rfc822").body(GTUBE_MAIL)
            .post("/rampart/scan?flow=inbound")
            .then()
            .statusCode(200)
            .body("verdict", is("spam"))
            .body("findings.rule", hasItem("gtube"));
    }

    @Test
    void messageSentAsAFormShouldBeRefusedNamingTheContentTypeToUse() {
        given().contentType("application/x-www-form-urlencoded").body("From: a@example.net\r\n\r\nhello\r\n")
            .post("/rampart/scan?flow=inbound")
            .then()
            .statusCode(400)
            .body("details", containsString("Content-Type: message/rfc822"));
    }

    @Test
    void emptyBodyShouldBeRefused() {
        given().contentType("message/rfc822").body(new byte[0])
            .post("/rampart/scan")
            .then()
            .statusCode(400)
            .body("details", containsString("must be a raw RFC 5322 message"));
    }
}
