package io.rampart.webadmin.limits;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.limits.SendAttempt;
import io.rampart.core.flow.Flow;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

class LimitRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String CAROL = "carol@acme-corp.com";

    private WebAdminServer webAdminServer;
    private Rampart rampart;

    @BeforeEach
    void setUp() {
        rampart = Rampart.start(RampartConfiguration.defaults(), Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
        webAdminServer = WebAdminUtils.createWebAdminServer(new LimitRoutes(rampart), new BlockedSenderRoutes(rampart),
            new AlertRoutes(rampart)).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
    }

    @Test
    void defaultLimitsShouldComeFromTheConfiguration() {
        when().get("/rampart/limits/default").then().statusCode(200)
            .body("externalRecipientsPerHour", is(200))
            .body("internalRecipientsPerHour", is(500))
            .body("recipientsPerDay", is(2000))
            .body("messagesPerMinute", is(30))
            .body("recipientsPerMessage", is(100))
            .body("action", is("hold"));
    }

    @Test
    void putDefaultShouldReplaceItAndDeleteShouldRestoreTheConfiguredOne() {
        given().contentType(ContentType.JSON).body("{\"externalRecipientsPerHour\":10,\"internalRecipientsPerHour\":20,"
            + "\"recipientsPerDay\":30,\"messagesPerMinute\":5,\"recipientsPerMessage\":4,\"action\":\"block\"}")
            .put("/rampart/limits/default").then().statusCode(204);
        when().get("/rampart/limits/default").then().body("recipientsPerDay", is(30)).body("action", is("block"));

        when().delete("/rampart/limits/default").then().statusCode(204);
        when().get("/rampart/limits/default").then().body("recipientsPerDay", is(2000));
    }

    @Test
    void jsonSentAsAFormShouldBe400SayingHowToSendIt() {
        given().contentType("application/x-www-form-urlencoded").body("{\"internalRecipientsPerHour\":50,\"action\":\"block\"}")
            .put("/rampart/limits/users/carol@acme-corp.test").then().statusCode(400)
            .body("details", containsString("sent as a form"))
            .body("details", containsString("'Content-Type: application/json'"));
    }

    @Test
    void incompleteDefaultShouldBe400NamingTheMissingField() {
        given().contentType(ContentType.JSON).body("{\"externalRecipientsPerHour\":10}")
            .put("/rampart/limits/default").then().statusCode(400)
            .body("statusCode", is(400))
            .body("type", is("InvalidArgument"))
            .body("message", is("Invalid arguments supplied in the user request"))
            .body("details", is("'internalRecipientsPerHour' is required for the default limits"));
    }

    @Test
    void badValuesAndBadJsonShouldBe400() {
        given().body("{\"recipientsPerDay\":-3}").put("/rampart/limits/users/" + CAROL).then().statusCode(400)
            .body("details", is("'recipientsPerDay' must be between 0 (no limit) and 10000000, got -3"));
        given().body("{\"action\":\"explode\"}").put("/rampart/limits/users/" + CAROL).then().statusCode(400)
            .body("details", is("'explode' is not a limit action; expected one of alert, hold, block"));
        given().body("{}").put("/rampart/limits/users/" + CAROL).then().statusCode(400)
            .body("details", is("at least one limit or the action is required; fields: externalRecipientsPerHour, "
                + "internalRecipientsPerHour, recipientsPerDay, messagesPerMinute, recipientsPerMessage, action"));
        given().body("not json").put("/rampart/limits/users/" + CAROL).then().statusCode(400);
        given().body("{\"colour\":1}").put("/rampart/limits/users/" + CAROL).then().statusCode(400);
        given().body("").put("/rampart/limits/users/" + CAROL).then().statusCode(400)
            .body("details", is("A JSON body is required"));
        given().body("{\"recipientsPerDay\":3}").put("/rampart/limits/users/not-an-address").then().statusCode(400)
            .body("details", is("'not-an-address' is not a mail address"));
    }

    @Test
    void userOverrideShouldBeSetReadEffectiveAndDeleted() {
        given().body("{\"internalRecipientsPerHour\":3,\"action\":\"block\"}").put("/rampart/limits/users/" + CAROL)
            .then().statusCode(204);

        when().get("/rampart/limits/users/" + CAROL).then().statusCode(200)
            .body("internalRecipientsPerHour", is(3)).body("action", is("block")).body("recipientsPerDay", equalTo(null));
        when().get("/rampart/limits/users/" + CAROL + "?effective=true").then().statusCode(200)
            .body("internalRecipientsPerHour", is(3)).body("recipientsPerDay", is(2000));

        when().delete("/rampart/limits/users/" + CAROL).then().statusCode(204);
        when().get("/rampart/limits/users/" + CAROL).then().statusCode(404)
            .body("statusCode", is(404))
            .body("type", is("notFound"))
            .body("message", is("No send limits override for 'carol@acme-corp.com' (GET /rampart/limits/users/"
                + "carol@acme-corp.com?effective=true shows the limits that apply)"));
        when().delete("/rampart/limits/users/" + CAROL).then().statusCode(404)
            .body("message", is("No send limits override for 'carol@acme-corp.com'"));
    }

    @Test
    void blockedSendersShouldBeListedAndLifted() {
        rampart.blocks().block(CAROL, "limit.recipientsPerDay", "recipientsPerDay: 2001 > 2000", Optional.empty());

        when().get("/rampart/senders/blocked").then().statusCode(200)
            .body("", hasSize(1))
            .body("[0].address", is(CAROL))
            .body("[0].rule", is("limit.recipientsPerDay"))
            .body("[0].reason", is("recipientsPerDay: 2001 > 2000"))
            .body("[0].blockedAt", is("2026-11-26T10:00:00Z"));

        when().delete("/rampart/senders/blocked/" + CAROL).then().statusCode(204);
        when().get("/rampart/senders/blocked").then().body("", hasSize(0));
        when().delete("/rampart/senders/blocked/" + CAROL).then().statusCode(404)
            .body("type", is("notFound")).body("message", is("'carol@acme-corp.com' is not blocked"));
    }

    @Test
    void alertsShouldBeListedNewestFirstAndFilteredByUser() {
        rampart.limits().setUserOverride(CAROL, io.rampart.core.limits.SendLimits.fromJson(null, null, null, null, 1, "alert"));
        rampart.limits().checkAndRecord(SendAttempt.forFlow(CAROL, "m1", Flow.INTERNAL,
            List.of("a@acme-corp.com", "b@acme-corp.com"), Optional.empty(), NOW));

        when().get("/rampart/alerts").then().statusCode(200)
            .body("", hasSize(1))
            .body("[0].user", is(CAROL))
            .body("[0].rule", is("limit.recipientsPerMessage"))
            .body("[0].colleaguesReached", is(2))
            .body("[0].action", is("alert"))
            .body("[0].flow", is("internal"));
        when().get("/rampart/alerts?user=alice@acme-corp.com").then().body("", hasSize(0));
        when().get("/rampart/alerts?limit=0").then().statusCode(400)
            .body("details", is("'limit' must be an integer between 1 and 1000, got '0'"));
        when().get("/rampart/alerts?colour=red").then().statusCode(400);
    }
}
