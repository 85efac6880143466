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
 * {@code GET /rampart/alerts?user=&offset=0&limit=100}: send-limit, abnormal-sending and mail-bomb alerts, newest
 * first: {@code [{"id","user","rule","evidence","colleaguesReached","time","action","flow"}]}.
 */
public class AlertRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/alerts";

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
        Map<String, String> params = Params.of(request, Params.withPage(ImmutableSet.of("user")));
        Params.Page page = Params.page(params);
        Optional<String> user = Optional.ofNullable(params.get("user")).map(Addresses::parse);
        if (user.isPresent()) {
            return Json.write(response, rampart.alerts().listForUser(user.get(), page.offset() + page.limit()).stream().skip(page.offset())
                .collect(com.google.common.collect.ImmutableList.toImmutableList()));
        }
        return Json.write(response, rampart.alerts().list(page.offset(), page.limit()));
    }
}
