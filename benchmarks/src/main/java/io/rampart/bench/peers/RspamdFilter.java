package io.rampart.bench.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rspamd's normal worker: {@code POST /checkv2} with the raw message; flagged when the action is
 * anything but {@code no action} or {@code greylist} (add header, rewrite subject, soft/hard reject).
 * Only the message is sent, no {@code IP}/{@code Helo} headers: offline, a client IP makes Rspamd's
 * reverse-DNS and hostname rules fire on every message (RDNS_NONE, HFILTER_HOSTNAME_UNKNOWN), which
 * flagged three quarters of the ham in a trial run. That would be an artefact of the sandbox, not
 * Rspamd's real behaviour.
 */
public final class RspamdFilter implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    public RspamdFilter(String hostPort) {
        this.uri = URI.create("http://" + hostPort + "/checkv2");
    }

    @Override
    public String name() {
        return "rspamd";
    }

    @Override
    public boolean flags(byte[] message) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(message))
            .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("rspamd answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode action = JSON.readTree(response.body()).path("action");
        if (action.isMissingNode()) {
            throw new IOException("rspamd gave no action: " + response.body());
        }
        String value = action.asText().toLowerCase(Locale.ROOT);
        return !value.equals("no action") && !value.equals("greylist");
    }
}
