package io.rampart.webadmin.limits;

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
 * Senders Rampart blocked (refused at SMTP MAIL FROM).
 * <ul>
 *   <li>{@code GET /rampart/senders/blocked}: {@code [{"address","rule","reason","blockedAt","until"}]}</li>
 *   <li>{@code DELETE /rampart/senders/blocked/{address}}: lifts the block (204; 404 when not blocked)</li>
 * </ul>
 */
public class BlockedSenderRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/senders/blocked";

    private final Rampart rampart;

    @Inject
    public BlockedSenderRoutes(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH, this::list);
        http.delete(BASE_PATH + "/:address", this::unblock);
    }

    private Object list(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        return Json.write(response, rampart.blocks().list());
    }

    private Object unblock(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        String address = Addresses.parse(request.params("address"));
        if (!rampart.blocks().unblock(address)) {
            throw Params.notFound("'" + address + "' is not blocked");
        }
        return Json.noContent(response);
    }
}
