package io.rampart.webadmin.recall;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rampart.core.Rampart;
import io.rampart.webadmin.http.Json;
import io.rampart.webadmin.http.Params;
import io.rampart.core.config.RecallSettings;
import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;
import io.rampart.core.recall.RecallTrigger;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Recall over WebAdmin.
 * <ul>
 *   <li>{@code POST /rampart/recalls?action=preview} with JSON criteria: what a recall would remove, at once.</li>
 *   <li>{@code POST /rampart/recalls?action=recall} with criteria and a {@code reason}: starts a task
 *       (201 {@code {"taskId","recallId"}}), or 202 when a second admin must approve.</li>
 *   <li>{@code GET /rampart/recalls[?status=&offset=0&limit=100]} (newest first), {@code GET /rampart/recalls/{id}}: the records.</li>
 *   <li>{@code POST /rampart/recalls/{id}?action=undo}: starts a task putting the copies back (201
 *       {@code {"taskId","recallId"}}; 200 with the record when it is already undone; 409 while it runs).
 *       {@code &again=true} reruns an undo left "undoing" whose task is no longer running (James restarted).</li>
 *   <li>{@code POST /rampart/recalls/{id}?action=approve|dismiss}.</li>
 * </ul>
 */
public class RecallRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/recalls";
    private static final Set<String> LIST_PARAMETERS = Params.withPage(Set.of("status"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Rampart rampart;
    private final MailboxRecaller recaller;

    @Inject
    public RecallRoutes(Rampart rampart, MailboxRecaller recaller) {
        this.rampart = rampart;
        this.recaller = recaller;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, this::createOrPreview);
        service.get(BASE_PATH, this::list);
        service.get(BASE_PATH + "/:id", (request, response) -> Json.write(response, record(request).toJson()));
        service.post(BASE_PATH + "/:id", this::act);
    }

    /** Newest first; {@code status} keeps one status, {@code offset}/{@code limit} page (100 by default, 1,000 at most). */
    private Object list(Request request, Response response) {
        Map<String, String> params = Params.of(request, LIST_PARAMETERS);
        Optional<RecallStatus> status = Optional.ofNullable(params.get("status")).map(value -> Arrays.stream(RecallStatus.values())
            .filter(candidate -> candidate.asString().equals(value.trim()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("'status' must be one of " + Arrays.stream(RecallStatus.values())
                .map(RecallStatus::asString).collect(Collectors.toList()) + ", got '" + value + "'")));
        Params.Page page = Params.page(params);
        ArrayNode list = MAPPER.createArrayNode();
        page.of(rampart.recalls().list().stream()
            .filter(record -> status.map(wanted -> record.status() == wanted).orElse(true)))
            .forEach(record -> list.add(record.summaryJson()));
        return Json.write(response, list);
    }

    private Object createOrPreview(Request request, Response response) throws JsonProcessingException {
        String action = Optional.ofNullable(request.queryParams("action")).orElse("");
        JsonNode body = body(request);
        switch (action) {
            case "preview":
                return Json.write(response, preview(RecallCriteria.fromJson(body)));
            case "recall":
                return recall(request, response, body);
            default:
                throw new IllegalArgumentException("'action' must be preview or recall, got '" + action + "'");
        }
    }

    private static JsonNode body(Request request) {
        String body = io.rampart.webadmin.http.Json.body(request);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Invalid recall criteria: the body must be a JSON object with any of "
                + RecallCriteria.FIELDS);
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid recall criteria: the body is not JSON: " + e.getOriginalMessage());
        }
    }

    ObjectNode preview(RecallCriteria criteria) {
        MailboxRecaller.Plan plan = recaller.plan(criteria);
        List<MailboxRecaller.Copy> copies = recaller.locate(plan);
        RecallSettings settings = rampart.configuration().recall();
        ObjectNode node = MAPPER.createObjectNode();
        node.set("criteria", criteria.toJson());
        node.put("scope", plan.searchAll() ? "all" : "ledger");
        node.put("messages", copies.size());
        node.put("distinctMessages", copies.stream().map(c -> c.messageId() + "\u0000" + c.subject()).distinct().count());
        node.put("mailboxes", copies.stream().map(c -> c.user().asString()).distinct().count());
        node.put("read", copies.stream().filter(MailboxRecaller.Copy::seen).count());
        node.put("unread", copies.stream().filter(c -> !c.seen()).count());
        ObjectNode folders = node.putObject("folders");
        copies.stream().collect(Collectors.groupingBy(MailboxRecaller.Copy::folder, LinkedHashMap::new,
            Collectors.counting())).forEach(folders::put);
        node.put("ledgerEntries", plan.ledgerEntries().size());
        ObjectNode reach = node.putObject("internalReach");
        java.time.Instant[] window = rampart.recalls().reachWindow(criteria);
        copies.stream().map(MailboxRecaller.Copy::sender).filter(s -> !s.isEmpty()).distinct().limit(50)
            .forEach(sender -> reach.put(sender, rampart.recalls().internalReach(sender, window[0], window[1])));
        node.put("needsSecondApproval", settings.requireSecondApproval() && copies.size() > settings.approvalThreshold());
        ArrayNode items = node.putArray("items");
        copies.stream().limit(settings.previewLimit()).forEach(copy -> {
            ObjectNode item = items.addObject();
            item.put("user", copy.user().asString());
            item.put("folder", copy.folder());
            item.put("seen", copy.seen());
            item.put("subject", copy.subject());
            item.put("sender", copy.sender());
            item.put("messageId", copy.messageId());
            item.put("internalDate", copy.internalDate().toInstant().toString());
        });
        node.put("truncated", copies.size() > settings.previewLimit());
        return node;
    }

    private Object recall(Request request, Response response, JsonNode body) throws JsonProcessingException {
        RecallCriteria criteria = RecallCriteria.fromJson(body);
        String reason = Optional.ofNullable(body.get("reason")).map(JsonNode::asText).map(String::trim).orElse("");
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("Invalid recall: 'reason' is required (it goes in the record and the report)");
        }
        String actor = Admins.actor(request);
        RecallSettings settings = rampart.configuration().recall();
        RecallRecord record = rampart.recalls().create(criteria, RecallTrigger.admin(actor, reason), RecallStatus.PROPOSED);
        if (settings.requireSecondApproval()) {
            int copies = recaller.locate(recaller.plan(criteria)).size();
            record.planned(copies);
            if (copies > settings.approvalThreshold()) {
                record.status(RecallStatus.PENDING_APPROVAL);
                record.note("needs a second admin: " + copies + " messages > recall.approvalThreshold="
                    + settings.approvalThreshold());
                rampart.recalls().store().save(record);
                response.status(202);
                ObjectNode node = MAPPER.createObjectNode();
                node.put("recallId", record.id());
                node.put("status", record.status().asString());
                node.put("messages", copies);
                node.put("details", "More than " + settings.approvalThreshold() + " messages: another admin must"
                    + " approve with POST " + BASE_PATH + "/" + record.id() + "?action=approve");
                return Json.write(response, node);
            }
        }
        return launched(response, record);
    }

    private Object launched(Response response, RecallRecord record) throws JsonProcessingException {
        String taskId;
        try {
            taskId = rampart.recalls().launch(record);
        } catch (io.rampart.core.recall.RecallConflict raced) {
            throw conflict(raced.getMessage());
        }
        response.status(201);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("taskId", taskId);
        node.put("recallId", record.id());
        return Json.write(response, node);
    }

    private Object act(Request request, Response response) throws JsonProcessingException {
        RecallRecord record = record(request);
        String action = Optional.ofNullable(request.queryParams("action")).orElse("");
        String actor = Admins.actor(request);
        switch (action) {
            case "undo":
                String again = Optional.ofNullable(request.queryParams("again")).orElse("false");
                if (!again.equals("true") && !again.equals("false")) {
                    throw new IllegalArgumentException("'again' must be true or false, got '" + again + "'");
                }
                if (record.status() == RecallStatus.UNDONE) {
                    return Json.write(response, record.toJson());
                }
                if (!record.status().undoable() && record.status() != RecallStatus.UNDOING) {
                    throw conflict("Recall " + record.id() + " is " + record.status().asString()
                        + io.rampart.core.recall.RecallService.notUndoable(record.status()));
                }
                String undoTask;
                try {
                    undoTask = rampart.recalls().undo(record, actor, again.equals("true"));
                } catch (io.rampart.core.recall.RecallConflict raced) {
                    throw conflict(raced.getMessage());
                }
                response.status(201);
                ObjectNode started = MAPPER.createObjectNode();
                started.put("taskId", undoTask);
                started.put("recallId", record.id());
                return Json.write(response, started);
            case "approve":
                if (!record.status().launchable()) {
                    throw conflict("Recall " + record.id() + " is " + record.status().asString() + ": nothing to approve");
                }
                if (record.status() == RecallStatus.PENDING_APPROVAL && record.trigger().actor().equals(actor)) {
                    throw conflict("Recall " + record.id() + " was requested by " + actor
                        + ": a different admin must approve it");
                }
                record.approvedBy(actor);
                return launched(response, record);
            case "dismiss":
                if (!record.status().launchable()) {
                    throw conflict("Recall " + record.id() + " is " + record.status().asString() + ": nothing to dismiss");
                }
                record.status(RecallStatus.DISMISSED);
                record.note("dismissed by " + actor);
                rampart.recalls().store().save(record);
                return Json.write(response, record.toJson());
            default:
                throw new IllegalArgumentException("'action' must be undo, approve or dismiss, got '" + action + "'");
        }
    }

    private RecallRecord record(Request request) {
        String id = request.params("id");
        return rampart.recalls().get(id).orElseThrow(() -> ErrorResponder.builder()
            .statusCode(404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("No recall with id '%s'", id)
            .haltError());
    }

    private static spark.HaltException conflict(String message) {
        return ErrorResponder.builder()
            .statusCode(409)
            .type(ErrorResponder.ErrorType.WRONG_STATE)
            .message(message)
            .haltError();
    }
}
