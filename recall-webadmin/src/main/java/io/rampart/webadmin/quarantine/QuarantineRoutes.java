package io.rampart.webadmin.quarantine;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.Header;
import javax.mail.MessagingException;

import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.webadmin.Routes;
import org.apache.mailet.Mail;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.quarantine.QuarantineEntry;
import io.rampart.core.quarantine.QuarantineFilter;
import io.rampart.mailets.MailBytes;
import io.rampart.webadmin.http.Params;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Quarantine review.
 * <ul>
 *   <li>{@code GET /rampart/quarantine?class=&flow=&sender=&recipient=&rule=&since=&until=&offset=0&limit=100}</li>
 *   <li>{@code GET /rampart/quarantine/{id}} (verdict, findings, headers); {@code ?raw=true}: the message itself</li>
 *   <li>{@code POST /rampart/quarantine/{id}?action=release|delete[&allowSender=true][&learn=true]}</li>
 *   <li>{@code POST /rampart/quarantine?action=release|delete&<filters>} (at least one filter)</li>
 *   <li>{@code POST /rampart/quarantine?action=purge}: a task removing mail older than {@code quarantine.retention}</li>
 *   <li>{@code POST /rampart/quarantine/digest?action=send}: sends the digest now</li>
 * </ul>
 */
public class QuarantineRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/quarantine";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LIST_PARAMETERS = Params.withPage(QuarantineFilter.PARAMETERS);
    private static final Set<String> BULK_PARAMETERS = ImmutableSet.<String>builder()
        .addAll(QuarantineFilter.PARAMETERS).add("action", "allowSender", "learn").build();
    private static final Set<String> ACTION_PARAMETERS = ImmutableSet.of("action", "allowSender", "learn");

    private final Rampart rampart;
    private final QuarantineService service;
    private final QuarantineDigestService digest;
    private final TaskManager taskManager;

    @Inject
    public QuarantineRoutes(Rampart rampart, QuarantineService service, QuarantineDigestService digest,
                            TaskManager taskManager) {
        this.rampart = rampart;
        this.service = service;
        this.digest = digest;
        this.taskManager = taskManager;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.get(BASE_PATH, this::list);
        http.post(BASE_PATH, this::bulk);
        http.post(BASE_PATH + "/digest", this::digest);
        http.get(BASE_PATH + "/:id", this::get);
        http.post(BASE_PATH + "/:id", this::act);
    }

    private Object list(Request request, Response response) throws MessagingException {
        Map<String, String> params = Params.of(request, LIST_PARAMETERS);
        QuarantineFilter filter = QuarantineFilter.parse(params);
        Params.Page page = Params.page(params);
        ArrayNode items = MAPPER.createArrayNode();
        page.of(service.list(filter).stream()).forEach(entry -> items.add(summary(entry)));
        response.type("application/json");
        return items.toString();
    }

    private Object get(Request request, Response response) throws MessagingException, IOException {
        Map<String, String> params = Params.of(request, ImmutableSet.of("raw"));
        String id = request.params("id");
        Mail mail = service.mail(id).orElseThrow(() -> notFound(id));
        if (Params.bool(params, "raw")) {
            response.type("message/rfc822");
            response.raw().getOutputStream().write(MailBytes.of(mail.getMessage()));
            return "";
        }
        QuarantineEntry entry = service.entry(id).orElseThrow(() -> notFound(id));
        ObjectNode node = summary(entry);
        node.put("reason", entry.reason());
        QuarantineService.attribute(mail, MailMarks.ACTION_ATTRIBUTE).ifPresent(action -> node.put("action", action));
        Optional<String> verdictJson = QuarantineService.attribute(mail, MailMarks.VERDICT_JSON_ATTRIBUTE);
        if (verdictJson.isPresent()) {
            node.set("verdict", MAPPER.readTree(verdictJson.get()));
        } else {
            node.putNull("verdict");
        }
        ObjectNode headers = node.putObject("headers");
        Enumeration<Header> all = mail.getMessage().getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            ArrayNode values = headers.has(header.getName()) ? (ArrayNode) headers.get(header.getName())
                : headers.putArray(header.getName());
            values.add(header.getValue());
        }
        response.type("application/json");
        return node.toString();
    }

    private Object act(Request request, Response response) throws MessagingException {
        Map<String, String> params = Params.of(request, ACTION_PARAMETERS);
        String action = Params.required(params, "action", ImmutableSet.of("release", "delete"));
        QuarantineService.ReleaseOptions options = releaseOptions(action, params);
        String id = request.params("id");
        boolean done = action.equals("release") ? service.release(id, options) : service.delete(id);
        if (!done) {
            throw notFound(id);
        }
        response.type("application/json");
        ObjectNode result = MAPPER.createObjectNode();
        result.put("id", id);
        result.put("action", action);
        return result.toString();
    }

    private Object bulk(Request request, Response response) throws Exception {
        Map<String, String> params = Params.of(request, BULK_PARAMETERS);
        String action = Params.required(params, "action", ImmutableSet.of("release", "delete", "purge"));
        if (action.equals("purge")) {
            if (params.size() > 1) {
                throw new IllegalArgumentException("action=purge takes no other parameter (it uses quarantine.retention)");
            }
            TaskId taskId = taskManager.submit(new QuarantinePurgeTask(service, rampart.configuration().review().retention()));
            response.status(HttpStatus.CREATED_201);
            response.header("Location", "/tasks/" + taskId.asString());
            response.type("application/json");
            return MAPPER.createObjectNode().put("taskId", taskId.asString()).toString();
        }
        QuarantineService.ReleaseOptions options = releaseOptions(action, params);
        QuarantineFilter filter = QuarantineFilter.parse(params);
        if (filter.isEmpty()) {
            throw new IllegalArgumentException("A bulk " + action + " needs at least one filter among "
                + QuarantineFilter.PARAMETERS);
        }
        List<QuarantineEntry> entries = service.list(filter);
        ArrayNode ids = MAPPER.createArrayNode();
        for (QuarantineEntry entry : entries) {
            boolean done = action.equals("release") ? service.release(entry.id(), options) : service.delete(entry.id());
            if (done) {
                ids.add(entry.id());
            }
        }
        ObjectNode result = MAPPER.createObjectNode();
        result.put("action", action);
        result.put("matched", entries.size());
        result.put("done", ids.size());
        result.set("ids", ids);
        response.type("application/json");
        return result.toString();
    }

    private Object digest(Request request, Response response) throws MessagingException {
        Map<String, String> params = Params.of(request, ImmutableSet.of("action"));
        Params.required(params, "action", ImmutableSet.of("send"));
        QuarantineDigestService.Result result = digest.send();
        response.type("application/json");
        return MAPPER.createObjectNode()
            .put("recipients", result.recipients())
            .put("messages", result.messages())
            .toString();
    }

    private static QuarantineService.ReleaseOptions releaseOptions(String action, Map<String, String> params) {
        boolean allowSender = Params.bool(params, "allowSender");
        boolean learn = Params.bool(params, "learn");
        if (!action.equals("release") && (params.containsKey("allowSender") || params.containsKey("learn"))) {
            throw new IllegalArgumentException("'allowSender' and 'learn' apply to action=release only");
        }
        return new QuarantineService.ReleaseOptions(allowSender, learn);
    }

    static ObjectNode summary(QuarantineEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", entry.id());
        node.put("time", entry.time().toString());
        if (entry.sender().isPresent()) {
            node.put("sender", entry.sender().get());
        } else {
            node.putNull("sender");
        }
        ArrayNode recipients = node.putArray("recipients");
        entry.recipients().forEach(recipients::add);
        node.put("subject", entry.subject());
        node.put("class", entry.verdictClass());
        node.put("score", entry.score());
        ArrayNode rules = node.putArray("rules");
        entry.rules().forEach(rules::add);
        node.put("flow", entry.flow());
        return node;
    }

    private static spark.HaltException notFound(String id) {
        return Params.notFound("No quarantined mail with id '" + id + "'");
    }
}
