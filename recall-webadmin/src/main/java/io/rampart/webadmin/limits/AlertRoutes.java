package io.rampart.webadmin.limits;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.webadmin.http.Json;
import io.rampart.webadmin.http.Params;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /rampart/alerts?user=&offset=0&limit=100}: send-limit and abnormal-sending alerts, newest
 * first: {@code [{"id","user","rule","evidence","colleaguesReached","time","action","flow"}]}.
 */
public class AlertRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/alerts";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final Rampart rampart;

    @Inject
    public AlertRoutes(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH, this::list);
    }

    private Object list(Request request, Response response) {
        Map<String, String> params = Params.of(request, ImmutableSet.of("user", "offset", "limit"));
        int offset = Params.integer(params, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> user = Optional.ofNullable(params.get("user")).map(Addresses::parse);
        if (user.isPresent()) {
            return Json.write(response, rampart.alerts().listForUser(user.get(), offset + limit).stream().skip(offset)
                .collect(com.google.common.collect.ImmutableList.toImmutableList()));
        }
        return Json.write(response, rampart.alerts().list(offset, limit));
    }
}
