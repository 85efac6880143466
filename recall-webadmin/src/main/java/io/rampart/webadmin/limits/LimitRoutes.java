package io.rampart.webadmin.limits;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.limits.SendLimits;
import io.rampart.webadmin.http.Json;
import io.rampart.webadmin.http.Params;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Send limits. Body (every field optional for a user, all required for the default):
 * {@code {"externalRecipientsPerHour":200,"internalRecipientsPerHour":500,"recipientsPerDay":2000,
 * "messagesPerMinute":30,"recipientsPerMessage":100,"action":"alert|hold|block"}}, {@code 0} = no limit.
 * <ul>
 *   <li>{@code GET /rampart/limits/default}, {@code PUT /rampart/limits/default},
 *       {@code DELETE /rampart/limits/default} (back to rampart.properties)</li>
 *   <li>{@code GET /rampart/limits/users/{address}} (the override; {@code ?effective=true}: what applies),
 *       {@code PUT}, {@code DELETE}</li>
 * </ul>
 */
public class LimitRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/limits";

    private final Rampart rampart;

    @Inject
    public LimitRoutes(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH + "/default", this::getDefault);
        http.put(BASE_PATH + "/default", this::putDefault);
        http.delete(BASE_PATH + "/default", this::deleteDefault);
        http.get(BASE_PATH + "/users/:address", this::getUser);
        http.put(BASE_PATH + "/users/:address", this::putUser);
        http.delete(BASE_PATH + "/users/:address", this::deleteUser);
    }

    private Object getDefault(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        return Json.write(response, rampart.limits().defaultLimits());
    }

    private Object putDefault(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        rampart.limits().setDefaultLimits(Json.read(Json.body(request), SendLimits.class));
        return Json.noContent(response);
    }

    private Object deleteDefault(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        rampart.limits().resetDefaultLimits();
        return Json.noContent(response);
    }

    private Object getUser(Request request, Response response) {
        boolean effective = Params.bool(Params.of(request, ImmutableSet.of("effective")), "effective");
        String address = Addresses.parse(request.params("address"));
        if (effective) {
            return Json.write(response, rampart.limits().effectiveLimits(address));
        }
        SendLimits limits = rampart.limits().userOverride(address)
            .orElseThrow(() -> Params.notFound("No send limits override for '" + address + "' (GET "
                + BASE_PATH + "/users/" + address + "?effective=true shows the limits that apply)"));
        return Json.write(response, limits);
    }

    private Object putUser(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        String address = Addresses.parse(request.params("address"));
        rampart.limits().setUserOverride(address, Json.read(Json.body(request), SendLimits.class));
        return Json.noContent(response);
    }

    private Object deleteUser(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        String address = Addresses.parse(request.params("address"));
        if (!rampart.limits().deleteUserOverride(address)) {
            throw Params.notFound("No send limits override for '" + address + "'");
        }
        return Json.noContent(response);
    }
}
