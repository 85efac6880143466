package io.rampart.webadmin.people;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Properties;

import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.restassured.RestAssured;

class PeopleRoutesTest {
    private WebAdminServer webAdminServer;
    private Rampart rampart;

    @BeforeEach
    void setUp() {
        Properties properties = new Properties();
        properties.setProperty("detection.people", "Dana Boss, 张伟");
        properties.setProperty("detection.model", "off");
        rampart = Rampart.start(RampartConfiguration.parse("test", properties));
        rampart.people().learn("bob@acme-corp.com", "bob@acme-corp.com", "Bob Smith");
        webAdminServer = WebAdminUtils.createWebAdminServer(new PeopleRoutes(rampart)).start();
        RestAssured.requestSpecification = WebAdminUtils.buildRequestSpecification(webAdminServer).build();
    }

    @AfterEach
    void tearDown() {
        webAdminServer.destroy();
        rampart.close();
    }

    @Test
    void listsConfiguredThenLearntNames() {
        when().get("/rampart/people").then().statusCode(200)
            .body("", hasSize(3))
            .body("[0].name", equalTo("Dana Boss")).body("[0].source", equalTo("configured"))
            .body("[1].name", equalTo("张伟"))
            .body("[2].name", equalTo("Bob Smith")).body("[2].source", equalTo("learnt"))
            .body("[2].address", equalTo("bob@acme-corp.com"));
        given().queryParam("offset", 1).queryParam("limit", 1).get("/rampart/people").then()
            .body("", hasSize(1)).body("[0].name", equalTo("张伟"));
    }

    @Test
    void nameFindsTheEntryWhateverTheSpelling() {
        given().queryParam("name", "SMITH, Bob").get("/rampart/people").then().statusCode(200)
            .body("", hasSize(1)).body("[0].name", equalTo("Bob Smith"));
        given().queryParam("name", "Eve Stranger").get("/rampart/people").then().statusCode(200).body("", hasSize(0));
        given().queryParam("name", "Bob").get("/rampart/people").then().statusCode(400)
            .body("details", containsString("'name'"));
        given().queryParam("nmae", "x").get("/rampart/people").then().statusCode(400);
    }

    @Test
    void deleteForgetsALearntNameOnly() {
        when().delete("/rampart/people/Bob%20Smith").then().statusCode(204);
        given().queryParam("name", "Bob Smith").get("/rampart/people").then().body("", hasSize(0));
        when().delete("/rampart/people/Bob%20Smith").then().statusCode(404);
        when().delete("/rampart/people/Dana%20Boss").then().statusCode(400)
            .body("details", containsString("detection.people"));
        when().delete("/rampart/people/Bob").then().statusCode(400);
    }

    @Test
    void aConfiguredNameShowsAndForgetsTheAddressLearntForIt() {
        rampart.people().learn("dana@acme-corp.com", "dana@acme-corp.com", "Dana Boss");
        given().queryParam("name", "Dana Boss").get("/rampart/people").then().statusCode(200)
            .body("", hasSize(1)).body("[0].source", equalTo("configured")).body("[0].address", equalTo("dana@acme-corp.com"));

        when().delete("/rampart/people/Dana%20Boss").then().statusCode(204);

        given().queryParam("name", "Dana Boss").get("/rampart/people").then()
            .body("", hasSize(1)).body("[0].source", equalTo("configured")).body("[0].address", equalTo(null));
    }
}
