package io.rampart.webadmin.recall;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.webadmin.intel.IntelFeeds;
import io.rampart.webadmin.intel.IntelRoutes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The request handling of the recall and intel routes: bad input is a 400 naming every problem. */
class RecallRoutesTest {
    private WebAdminServer server;
    private MailboxRecaller recaller;
    private Rampart rampart;

    @BeforeEach
    void setUp() {
        rampart = Rampart.start(RampartConfiguration.defaults());
        recaller = mock(MailboxRecaller.class);
        server = WebAdminUtils.createWebAdminServer(new RecallRoutes(rampart, recaller),
            new IntelRoutes(rampart, new IntelFeeds(rampart))).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(server).build();
    }

    @AfterEach
    void tearDown() {
        server.destroy();
    }

    @Test
    void previewWithBadCriteriaShouldAnswer400WithEveryProblem() {
        given().contentType(ContentType.JSON)
            .body("{\"since\":\"yesterday\",\"colour\":\"red\",\"attachmentSha256\":\"abc\"}")
            .post("/rampart/recalls?action=preview")
        .then()
            .statusCode(400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("message", equalTo("Invalid arguments supplied in the user request"))
            .body("details", equalTo("Invalid recall criteria: unknown field 'colour' (expected any of [messageId, sender,"
                + " subjectContains, since, until, url, domain, attachmentSha256, scope]); 'since' must be an ISO-8601"
                + " instant such as 2026-01-31T09:00:00Z, got 'yesterday'; 'attachmentSha256' must be 64 hexadecimal"
                + " characters, got 'abc'; give at least one of messageId, sender, subjectContains, url, domain,"
                + " attachmentSha256 (a time window alone would select all mail)"));
        verifyNoInteractions(recaller);
    }

    @Test
    void recallWithoutReasonShouldAnswer400() {
        given().contentType(ContentType.JSON).body("{\"sender\":\"ceo@evil.test\"}")
            .post("/rampart/recalls?action=recall")
        .then()
            .statusCode(400)
            .body("details", equalTo("Invalid recall: 'reason' is required (it goes in the record and the report)"));
    }

    @Test
    void unknownActionAndEmptyBodyShouldAnswer400() {
        given().body("{\"sender\":\"ceo@evil.test\"}").post("/rampart/recalls?action=delete")
            .then().statusCode(400).body("details", equalTo("'action' must be preview or recall, got 'delete'"));
        given().post("/rampart/recalls?action=preview")
            .then().statusCode(400).body("details", containsString("the body must be a JSON object"));
        given().body("not json").post("/rampart/recalls?action=preview")
            .then().statusCode(400).body("details", containsString("the body is not JSON"));
    }

    @Test
    void unknownRecallShouldAnswer404() {
        given().get("/rampart/recalls/nope").then().statusCode(404).body("type", equalTo("notFound"))
            .body("message", equalTo("No recall with id 'nope'"));
        given().post("/rampart/recalls/nope?action=undo").then().statusCode(404);
    }

    @Test
    void undoingARecallWhoseUndoWindowEndedShouldAnswer409SayingSo() {
        io.rampart.core.recall.RecallRecord record = rampart.recalls().create(
            io.rampart.core.recall.RecallCriteria.builder().messageId("<1@evil.test>").build(),
            io.rampart.core.recall.RecallTrigger.admin("admin", "phish"), io.rampart.core.recall.RecallStatus.COMPLETED);
        rampart.recalls().expireUndos(java.time.Instant.now().plus(java.time.Duration.ofDays(31)));

        given().post("/rampart/recalls/" + record.id() + "?action=undo")
        .then()
            .statusCode(409)
            .body("message", equalTo("Recall " + record.id() + " is undo-expired: its undo window (recall.undoWindow)"
                + " ended and its saved copies were deleted"));
        given().get("/rampart/recalls/" + record.id()).then().statusCode(200).body("status", equalTo("undo-expired"));
        verifyNoInteractions(recaller);
    }

    @Test
    void recallsShouldBeListedNewestFirstByStatusAndPage() {
        io.rampart.core.recall.RecallRecord proposed = rampart.recalls().create(
            io.rampart.core.recall.RecallCriteria.builder().messageId("<1@evil.test>").build(),
            io.rampart.core.recall.RecallTrigger.admin("admin", "phish"), io.rampart.core.recall.RecallStatus.PROPOSED);
        io.rampart.core.recall.RecallRecord completed = rampart.recalls().create(
            io.rampart.core.recall.RecallCriteria.builder().messageId("<2@evil.test>").build(),
            io.rampart.core.recall.RecallTrigger.admin("admin", "phish"), io.rampart.core.recall.RecallStatus.COMPLETED);

        given().get("/rampart/recalls?status=completed").then().statusCode(200)
            .body("size()", equalTo(1)).body("[0].id", equalTo(completed.id()));
        given().get("/rampart/recalls?status=proposed").then().statusCode(200)
            .body("size()", equalTo(1)).body("[0].id", equalTo(proposed.id()));
        given().get("/rampart/recalls?status=undo-expired").then().statusCode(200).body("size()", equalTo(0));
        given().get("/rampart/recalls").then().statusCode(200).body("size()", equalTo(2));
        given().get("/rampart/recalls?offset=1&limit=1").then().statusCode(200).body("size()", equalTo(1));
        given().get("/rampart/recalls?status=done").then().statusCode(400)
            .body("details", containsString("'status' must be one of [proposed, pending-approval, running"));
        given().get("/rampart/recalls?limit=5000").then().statusCode(400)
            .body("details", equalTo("'limit' must be an integer between 1 and 1000, got '5000'"));
        given().get("/rampart/recalls?colour=red").then().statusCode(400)
            .body("details", containsString("Unknown query parameter(s) [colour]"));
    }

    @Test
    void indicatorsShouldBeFilteredAndPaged() {
        given().contentType(ContentType.JSON)
            .body("[{\"type\":\"domain\",\"value\":\"evil-one.test\",\"source\":\"isac\"},"
                + "{\"type\":\"domain\",\"value\":\"evil-two.test\",\"source\":\"urlhaus\"},"
                + "{\"type\":\"url\",\"value\":\"https://login.evil-one.test/o365\",\"source\":\"isac\"}]")
            .post("/rampart/intel/indicators").then().statusCode(201);

        given().get("/rampart/intel/indicators").then().statusCode(200).body("size()", equalTo(3));
        given().get("/rampart/intel/indicators?type=domain").then().statusCode(200).body("size()", equalTo(2));
        given().get("/rampart/intel/indicators?source=ISAC").then().statusCode(200).body("size()", equalTo(2));
        given().get("/rampart/intel/indicators?value=EVIL-ONE&type=url").then().statusCode(200)
            .body("size()", equalTo(1)).body("[0].value", equalTo("https://login.evil-one.test/o365"));
        given().get("/rampart/intel/indicators?offset=2&limit=1").then().statusCode(200).body("size()", equalTo(1));
        given().get("/rampart/intel/indicators?type=hash").then().statusCode(400)
            .body("details", containsString("'type' must be one of url, domain, sha256, sender, messageId, got 'hash'"));
        given().get("/rampart/intel/indicators?active=maybe").then().statusCode(400)
            .body("details", equalTo("'active' must be true or false, got 'maybe'"));
        given().get("/rampart/intel/indicators?colour=red").then().statusCode(400)
            .body("details", containsString("Unknown query parameter(s) [colour]"));
    }

    @Test
    void badIndicatorsShouldAnswer400NamingEachOne() {
        given().contentType(ContentType.JSON)
            .body("[{\"type\":\"url\",\"value\":\"https://ok.test/x\"},{\"type\":\"hash\",\"value\":\"x\"}]")
            .post("/rampart/intel/indicators")
        .then()
            .statusCode(400)
            .body("details", equalTo("[1] Invalid indicator: 'type' must be one of url, domain, sha256, sender,"
                + " messageId, got 'hash'"));
        given().get("/rampart/intel/indicators").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void indicatorsShouldBeListedAndRevoked() {
        String id = given().contentType(ContentType.JSON)
            .body("{\"type\":\"domain\",\"value\":\"Evil.TEST\",\"source\":\"unit\",\"confidence\":70}")
            .post("/rampart/intel/indicators")
        .then()
            .statusCode(201)
            .body("indicators[0].value", equalTo("evil.test"))
            .extract().path("indicators[0].id");

        given().get("/rampart/intel/indicators?active=true").then().statusCode(200).body("[0].id", equalTo(id));
        given().delete("/rampart/intel/indicators/" + id).then().statusCode(200).body("id", equalTo(id));
        given().get("/rampart/intel/indicators?active=true").then().statusCode(200).body("size()", equalTo(0));
        given().delete("/rampart/intel/indicators/unknown").then().statusCode(404);
    }
}
