package io.rampart.webadmin.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;

/** Strict query-parameter parsing shared by Rampart's routes: unknown names and bad values are 400s naming them. */
public final class Params {
    private Params() {
    }

    /** The query parameters, after checking every name is one of {@code allowed}. */
    public static Map<String, String> of(Request request, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(request.queryParams());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            // A JSON body sent as a form reads as one odd "query parameter": say what happened instead.
            Json.rejectForm(request);
            throw new IllegalArgumentException("Unknown query parameter(s) " + unknown + "; expected some of "
                + new TreeSet<>(allowed));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : request.queryParams()) {
            values.put(name, request.queryParams(name));
        }
        return values;
    }

    /** The paging parameters every list route takes. */
    public static final Set<String> PAGE_PARAMETERS = Set.of("offset", "limit");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** A page of a list: {@code offset} (from 0) and {@code limit} (100 by default, 1,000 at most). */
    public static final class Page {
        private final int offset;
        private final int limit;

        private Page(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
        }

        public int offset() {
            return offset;
        }

        public int limit() {
            return limit;
        }

        public <T> java.util.stream.Stream<T> of(java.util.stream.Stream<T> items) {
            return items.skip(offset).limit(limit);
        }
    }

    /** {@code offset} and {@code limit} from the parameters (400 when out of range). */
    public static Page page(Map<String, String> params) {
        return new Page(integer(params, "offset", 0, 0, Integer.MAX_VALUE),
            integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /** {@code names} and the paging parameters. */
    public static Set<String> withPage(Set<String> names) {
        return com.google.common.collect.ImmutableSet.<String>builder().addAll(names).addAll(PAGE_PARAMETERS).build();
    }

    public static boolean bool(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("'" + name + "' must be true or false, got '" + value + "'");
    }

    public static int integer(Map<String, String> params, String name, int defaultValue, int min, int max) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be an integer between " + min + " and " + max
                + ", got '" + value + "'");
        }
    }

    public static String required(Map<String, String> params, String name, Set<String> allowedValues) {
        String value = Optional.ofNullable(params.get(name)).map(String::trim).orElse("");
        if (!allowedValues.contains(value)) {
            throw new IllegalArgumentException("'" + name + "' must be one of " + new TreeSet<>(allowedValues)
                + (value.isEmpty() ? ", it is missing" : ", got '" + value + "'"));
        }
        return value;
    }

    public static spark.HaltException notFound(String message) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message(message)
            .haltError();
    }
}
