package io.rampart.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** WebAdmin calls with any method and a status check, answers as JSON. */
public final class AdminHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A status and a JSON body. */
    public static final class Answer {
        private final int status;
        private final JsonNode json;
        private final String body;

        Answer(int status, String body) throws IOException {
            this.status = status;
            this.body = body;
            this.json = body == null || body.isBlank() ? MAPPER.nullNode() : MAPPER.readTree(body);
        }

        public int status() {
            return status;
        }

        public JsonNode json() {
            return json;
        }

        public String body() {
            return body;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public AdminHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, "application/json");
    }

    /** With another Content-Type (what {@code curl -d} sends without one: {@code application/x-www-form-urlencoded}). */
    public Answer send(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(30))
            .header("Content-Type", contentType)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    public Answer post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    public Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    public Answer put(String path, String body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    /** Waits for a task to finish and answers its details. */
    public JsonNode awaitTask(String taskId) throws IOException, InterruptedException {
        return get("/tasks/" + taskId + "/await").json();
    }
}
