package io.rampart.webadmin.recall;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.recall.RecallLauncher;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** A recall above {@code recall.approvalThreshold} waits for a second, different admin. */
class RecallApprovalRoutesTest {
    private static final String CRITERIA = "{\"sender\":\"ceo@evil.test\",\"reason\":\"wire fraud\"}";

    private WebAdminServer server;
    private final List<String> launched = new ArrayList<>();
    private final List<String> undos = new ArrayList<>();
    private Rampart rampart;

    private static String bearer(String subject) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
            + encoder.encodeToString(("{\"sub\":\"" + subject + "\",\"admin\":true}").getBytes(StandardCharsets.UTF_8))
            + ".c2ln";
    }

    @BeforeEach
    void setUp() {
        Properties properties = new Properties();
        properties.setProperty("recall.requireSecondApproval", "true");
        properties.setProperty("recall.approvalThreshold", "2");
        rampart = Rampart.start(RampartConfiguration.parse("test", properties));
        rampart.recalls().launcher(new RecallLauncher() {
            @Override
            public String launch(RecallRecord record) {
                launched.add(record.id());
                return "task-" + launched.size();
            }

            @Override
            public String undo(RecallRecord record, String actor) {
                undos.add(record.id() + " by " + actor);
                return "undo-task-" + undos.size();
            }
        });
        MailboxRecaller recaller = mock(MailboxRecaller.class);
        List<MailboxRecaller.Copy> copies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            copies.add(new MailboxRecaller.Copy(Username.of("u" + i + "@corp.test"), null, null, "INBOX", new Flags(),
                new Date(0), "<1@evil.test>", "Pay", "ceo@evil.test"));
        }
        when(recaller.plan(any())).thenReturn(null);
        when(recaller.locate(org.mockito.ArgumentMatchers.<MailboxRecaller.Plan>any())).thenReturn(copies);
        server = WebAdminUtils.createWebAdminServer(new RecallRoutes(rampart, recaller)).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(server).build();
    }

    @AfterEach
    void tearDown() {
        server.destroy();
        rampart.close();
    }

    @Test
    void undoShouldStartATaskOnceAndOnlyForAFinishedRecall() {
        RecallRecord record = rampart.recalls().create(io.rampart.core.recall.RecallCriteria.builder()
            .messageId("<1@evil.test>").build(), io.rampart.core.recall.RecallTrigger.admin("alice-soc", "phish"),
            RecallStatus.RUNNING);
        given().header("Authorization", bearer("bob-soc")).post("/rampart/recalls/" + record.id() + "?action=undo")
        .then()
            .statusCode(409)
            .body("message", equalTo("Recall " + record.id() + " is running: only a finished recall can be undone"));

        rampart.recalls().store().update(record.id(), stored -> stored.status(RecallStatus.COMPLETED));
        given().header("Authorization", bearer("bob-soc")).post("/rampart/recalls/" + record.id() + "?action=undo")
        .then()
            .statusCode(201)
            .body("taskId", equalTo("undo-task-1"))
            .body("recallId", equalTo(record.id()));
        given().header("Authorization", bearer("carol-soc")).post("/rampart/recalls/" + record.id() + "?action=undo")
        .then()
            .statusCode(409)
            .body("message", equalTo("Recall " + record.id() + " is undoing: its undo was started already"
                + " (again=true reruns an undo whose task is no longer running)"));

        given().header("Authorization", bearer("carol-soc")).post("/rampart/recalls/" + record.id() + "?action=undo&again=maybe")
        .then()
            .statusCode(400)
            .body("details", equalTo("'again' must be true or false, got 'maybe'"));

        assertThat(undos).containsExactly(record.id() + " by bob-soc");
        given().get("/rampart/recalls/" + record.id()).then().statusCode(200).body("status", equalTo("undoing"));
    }

    @Test
    void aLargeRecallShouldWaitForASecondAdmin() {
        String recallId = given().header("Authorization", bearer("alice-soc")).contentType(ContentType.JSON).body(CRITERIA)
            .post("/rampart/recalls?action=recall")
        .then()
            .statusCode(202)
            .body("status", equalTo("pending-approval"))
            .body("messages", equalTo(3))
            .extract().path("recallId");
        assertThat(launched).isEmpty();

        given().header("Authorization", bearer("alice-soc")).post("/rampart/recalls/" + recallId + "?action=approve")
        .then()
            .statusCode(409)
            .body("message", equalTo("Recall " + recallId + " was requested by alice-soc: a different admin must approve it"));
        assertThat(launched).isEmpty();

        given().header("Authorization", bearer("bob-soc")).post("/rampart/recalls/" + recallId + "?action=approve")
        .then()
            .statusCode(201)
            .body("taskId", equalTo("task-1"))
            .body("recallId", equalTo(recallId));
        assertThat(launched).containsExactly(recallId);

        given().get("/rampart/recalls/" + recallId)
        .then()
            .statusCode(200)
            .body("requestedBy", equalTo("alice-soc"))
            .body("approvedBy", equalTo("bob-soc"))
            .body("status", equalTo("running"));
    }
}
