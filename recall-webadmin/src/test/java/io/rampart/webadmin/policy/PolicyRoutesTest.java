package io.rampart.webadmin.policy;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.restassured.RestAssured;

class PolicyRoutesTest {
    private static final String SALARY = "policy.rule.salary.flow=internal\npolicy.rule.salary.action=quarantine\n"
        + "policy.rule.salary.match.keywords=工资单\n";

    @TempDir
    Path directory;

    private Path file;
    private WebAdminServer webAdminServer;

    @BeforeEach
    void setUp() throws Exception {
        file = directory.resolve("rampart.properties");
        Files.writeString(file, SALARY, StandardCharsets.UTF_8);
        Rampart rampart = Rampart.start(RampartConfiguration.load(file), Optional.of(file),
            Clock.systemUTC());
        webAdminServer = WebAdminUtils.createWebAdminServer(new PolicyRoutes(rampart)).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
    }

    @Test
    void policyShouldListTheRulesInForce() {
        when().get("/rampart/policy").then().statusCode(200)
            .body("count", is(1))
            .body("rules[0].name", is("salary"))
            .body("rules[0].keywords", contains("工资单"));
    }

    @Test
    void reloadShouldApplyTheEditedFileWithoutRestart() throws Exception {
        Files.writeString(file, SALARY + "policy.rule.competitor.flow=outbound\npolicy.rule.competitor.action=hold\n"
            + "policy.rule.competitor.match.recipientDomain=rival.example\n", StandardCharsets.UTF_8);

        when().post("/rampart/policy?action=reload").then().statusCode(200).body("count", is(2));
        when().get("/rampart/policy").then().body("rules.name", contains("competitor", "salary"));
    }

    @Test
    void badFileShouldBe400AndKeepTheRunningRules() throws Exception {
        Files.writeString(file, SALARY + "policy.rule.broken.flow=sideways\n", StandardCharsets.UTF_8);

        when().post("/rampart/policy?action=reload").then().statusCode(400)
            .body("type", is("InvalidArgument"))
            .body("details", startsWith("Policy not reloaded, the running rules stay: "));
        when().get("/rampart/policy").then().body("count", is(1));
    }

    @Test
    void unknownActionShouldBe400() {
        when().post("/rampart/policy?action=explode").then().statusCode(400)
            .body("details", is("'action' must be one of [reload], got 'explode'"));
    }
}
