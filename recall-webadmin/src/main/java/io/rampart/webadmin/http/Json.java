package io.rampart.webadmin.http;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;
import spark.Response;

/** JSON in and out for Rampart's routes: a bad body is a 400 naming the problem. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The request's JSON body. A body sent as an HTML form (what {@code curl -d} does without a
     * Content-Type) is read by the web server as form fields before any route sees it: that is a 400
     * saying how to send JSON, instead of a puzzling "missing body" or "unknown query parameter".
     */
    public static String body(Request request) {
        rejectForm(request);
        return request.body();
    }

    /** IllegalArgumentException (400) when the body came as an HTML form rather than JSON. */
    public static void rejectForm(Request request) {
        String type = Optional.ofNullable(request.contentType()).orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("The body was sent as a form (Content-Type: " + type
                + ", what curl -d sends by default): send the JSON with the header 'Content-Type: application/json'");
        }
    }

    /** Reads the body; IllegalArgumentException (400) with the validation message or the JSON error. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A JSON body is required");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            Optional<IllegalArgumentException> invalid = validationError(e);
            if (invalid.isPresent()) {
                throw new IllegalArgumentException(invalid.get().getMessage(), e);
            }
            throw new IllegalArgumentException("Invalid JSON body: " + e.getOriginalMessage(), e);
        }
    }

    /** 204 with no body. */
    public static String noContent(Response response) {
        response.status(org.eclipse.jetty.http.HttpStatus.NO_CONTENT_204);
        return "";
    }

    public static String write(Response response, Object value) {
        response.type("application/json");
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Optional<IllegalArgumentException> validationError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return Optional.of((IllegalArgumentException) cause);
            }
        }
        return Optional.empty();
    }
}
