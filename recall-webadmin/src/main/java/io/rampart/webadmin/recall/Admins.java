package io.rampart.webadmin.recall;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;

/**
 * Who made a WebAdmin request: the JWT subject when WebAdmin runs with JWT (the token was already
 * verified by James's authentication filter), else {@code admin}.
 */
public final class Admins {
    public static final String ANONYMOUS = "admin";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Admins() {
    }

    public static String actor(Request request) {
        return subject(request.headers("Authorization")).orElse(ANONYMOUS);
    }

    static Optional<String> subject(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode payload = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return Optional.ofNullable(payload.get("sub")).map(JsonNode::asText).filter(s -> !s.isBlank());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
