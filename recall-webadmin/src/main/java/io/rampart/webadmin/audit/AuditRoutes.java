package io.rampart.webadmin.audit;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.audit.AuditDecision;
import io.rampart.core.audit.AuditRecord;
import io.rampart.core.audit.AuditStatus;
import io.rampart.webadmin.http.Json;
import io.rampart.webadmin.http.Params;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The audit hold.
 * <ul>
 *   <li>{@code GET /rampart/audit[?status=held|approved|rejected&offset=0&limit=100]}: records, oldest first</li>
 *   <li>{@code GET /rampart/audit/{id}}</li>
 *   <li>{@code POST /rampart/audit/{id}?action=approve|reject}: approve delivers the mail unchanged,
 *       reject drops it and tells the sender (404 unknown id, 409 already decided)</li>
 *   <li>{@code POST /rampart/audit?action=expire}: applies {@code audit.expiryAction} to expired records now</li>
 * </ul>
 */
public class AuditRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/audit";
    public static final String ACTOR = "webadmin";

    private final AuditService service;

    @Inject
    public AuditRoutes(AuditService service) {
        this.service = service;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH, this::list);
        http.post(BASE_PATH, this::expire);
        http.get(BASE_PATH + "/:id", this::get);
        http.post(BASE_PATH + "/:id", this::decide);
    }

    /** {@code status} keeps one status; {@code offset}/{@code limit} page the list (100 by default, 1,000 at most). */
    private Object list(Request request, Response response) {
        Map<String, String> params = Params.of(request, Params.withPage(ImmutableSet.of("status")));
        Optional<AuditStatus> status = Optional.ofNullable(params.get("status")).map(AuditStatus::parse);
        Params.Page page = Params.page(params);
        return Json.write(response, page.of(service.list(status).stream())
            .collect(ImmutableList.toImmutableList()));
    }

    private Object get(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        String id = request.params("id");
        return Json.write(response, service.get(id).orElseThrow(() -> notFound(id)));
    }

    private Object decide(Request request, Response response) throws MessagingException {
        Map<String, String> params = Params.of(request, ImmutableSet.of("action"));
        AuditDecision decision = AuditDecision.parse(Params.required(params, "action", ImmutableSet.of("approve", "reject")));
        String id = request.params("id");
        try {
            AuditRecord record = service.decide(id, decision, ACTOR).orElseThrow(() -> notFound(id));
            return Json.write(response, record);
        } catch (IllegalStateException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.CONFLICT_409)
                .type(ErrorResponder.ErrorType.WRONG_STATE)
                .message(e.getMessage())
                .haltError();
        }
    }

    private Object expire(Request request, Response response) throws MessagingException {
        Map<String, String> params = Params.of(request, ImmutableSet.of("action"));
        Params.required(params, "action", ImmutableSet.of("expire"));
        ImmutableList<AuditRecord> decided = service.expireDue();
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("decided", decided.size());
        ArrayNode ids = result.putArray("ids");
        decided.forEach(record -> ids.add(record.id()));
        response.type("application/json");
        return result.toString();
    }

    private static spark.HaltException notFound(String id) {
        return Params.notFound("No held mail with id '" + id + "'");
    }
}
