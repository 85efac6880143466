package io.rampart.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rampart.launcher.WebAdminClient;

/** WebAdmin calls the tests make, with JSON answers parsed. */
public final class WebAdmin {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebAdminClient client;

    WebAdmin(WebAdminClient client) {
        this.client = client;
    }

    public WebAdminClient client() {
        return client;
    }

    /** Keys of the mails in a repository given by its path, e.g. {@code var/mail/rampart-quarantine}. */
    public List<String> repositoryKeys(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.get("/mailRepositories/" + encode(path) + "/mails");
        if (response.statusCode() == 404) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        json(response).forEach(node -> keys.add(node.asText()));
        return keys;
    }

    /** One repository mail's details (WebAdmin's own JSON, attributes included). */
    public JsonNode repositoryMail(String path, String key) throws IOException, InterruptedException {
        return json(client.get("/mailRepositories/" + encode(path) + "/mails/" + encode(key) + "?additionalFields=attributes,headers"));
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
