package io.rampart.webadmin.http;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Response;

/** JSON in and out for Rampart's routes: a bad body is a 400 naming the problem. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
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
