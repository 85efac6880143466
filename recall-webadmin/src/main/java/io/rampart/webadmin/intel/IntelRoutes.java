package io.rampart.webadmin.intel;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import io.rampart.core.config.IntelSettings;
import io.rampart.core.intel.Indicator;
import io.rampart.core.intel.IndicatorType;
import io.rampart.core.intel.IntelService;
import io.rampart.core.recall.RecallRecord;
import io.rampart.webadmin.recall.Admins;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Threat intelligence over WebAdmin.
 * <ul>
 *   <li>{@code POST /rampart/intel/indicators[?mode=enforce|shadow]} with one indicator object or a
 *       list: stored, used by live detection, and matched against the ledger's recent deliveries
 *       (automatic recall, or a proposal in shadow mode). 201 with each indicator and its recall.</li>
 *   <li>{@code GET /rampart/intel/indicators[?active=true&type=&source=&value=&offset=0&limit=100]}.</li>
 *   <li>{@code DELETE /rampart/intel/indicators/{id}}: revokes it and undoes its recalls.</li>
 *   <li>{@code POST /rampart/intel/feeds/{name}?action=poll}: polls a configured feed now.</li>
 * </ul>
 */
public class IntelRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/intel";
    private static final Set<String> LIST_PARAMETERS = Params.withPage(Set.of("active", "type", "source", "value"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Rampart rampart;
    private final IntelFeeds feeds;

    @Inject
    public IntelRoutes(Rampart rampart, IntelFeeds feeds) {
        this.rampart = rampart;
        this.feeds = feeds;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH + "/indicators", this::add);
        service.get(BASE_PATH + "/indicators", this::list);
        service.delete(BASE_PATH + "/indicators/:id", this::revoke);
        service.post(BASE_PATH + "/feeds/:name", this::poll);
    }

    /** Parses a body of one indicator or a list of them; all problems reported at once with their index. */
    static List<Indicator> parse(String body, Instant now) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Invalid indicators: the body must be an indicator object or a list of them");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid indicators: the body is not JSON: " + e.getOriginalMessage());
        }
        List<Indicator> indicators = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (node.isArray()) {
            if (node.size() == 0) {
                throw new IllegalArgumentException("Invalid indicators: the list is empty");
            }
            for (int i = 0; i < node.size(); i++) {
                try {
                    indicators.add(Indicator.fromJson(node.get(i), now));
                } catch (IllegalArgumentException e) {
                    problems.add("[" + i + "] " + e.getMessage());
                }
            }
        } else {
            indicators.add(Indicator.fromJson(node, now));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return indicators;
    }

    private Object add(Request request, Response response) throws JsonProcessingException {
        IntelSettings.Mode mode = Optional.ofNullable(request.queryParams("mode")).map(value -> {
            if (value.equalsIgnoreCase("enforce")) {
                return IntelSettings.Mode.ENFORCE;
            }
            if (value.equalsIgnoreCase("shadow")) {
                return IntelSettings.Mode.SHADOW;
            }
            throw new IllegalArgumentException("'mode' must be enforce or shadow, got '" + value + "'");
        }).orElse(IntelSettings.Mode.ENFORCE);
        List<Indicator> indicators = parse(io.rampart.webadmin.http.Json.body(request), rampart.recalls().now());
        List<IntelService.Added> added = rampart.intel().add(indicators, mode);
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("indicators");
        for (IntelService.Added one : added) {
            ObjectNode item = one.indicator().toJson();
            one.recall().ifPresent(recall -> {
                item.put("recallId", recall.id());
                item.put("recallStatus", recall.status().asString());
                item.put("recallMessages", recall.planned());
                recall.taskId().ifPresent(taskId -> item.put("taskId", taskId));
            });
            list.add(item);
        }
        response.status(201);
        return Json.write(response, node);
    }

    /**
     * Oldest first; {@code active=true} keeps live ones, {@code type}, {@code source} and {@code value}
     * (a part of it, any case) narrow the list, {@code offset}/{@code limit} page it (100 by default,
     * 1,000 at most: a feed brings tens of thousands).
     */
    private Object list(Request request, Response response) throws JsonProcessingException {
        Map<String, String> params = Params.of(request, LIST_PARAMETERS);
        boolean activeOnly = Params.bool(params, "active");
        Optional<IndicatorType> type = Optional.ofNullable(params.get("type")).map(IndicatorType::parse);
        Optional<String> source = Optional.ofNullable(params.get("source")).map(String::trim);
        Optional<String> value = Optional.ofNullable(params.get("value")).map(v -> v.trim().toLowerCase(Locale.ROOT));
        Params.Page page = Params.page(params);
        Instant now = rampart.recalls().now();
        ArrayNode list = MAPPER.createArrayNode();
        page.of(rampart.intel().store().list().stream()
            .filter(indicator -> !activeOnly || indicator.active(now))
            .filter(indicator -> type.map(wanted -> indicator.type() == wanted).orElse(true))
            .filter(indicator -> source.map(wanted -> indicator.source().equalsIgnoreCase(wanted)).orElse(true))
            .filter(indicator -> value.map(part -> indicator.value().toLowerCase(Locale.ROOT).contains(part)).orElse(true)))
            .forEach(indicator -> list.add(indicator.toJson()));
        return Json.write(response, list);
    }

    private Object revoke(Request request, Response response) throws JsonProcessingException {
        String id = request.params("id");
        Indicator revoked = rampart.intel().revoke(id, Admins.actor(request)).orElseThrow(() -> ErrorResponder.builder()
            .statusCode(404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("No indicator with id '%s'", id)
            .haltError());
        ObjectNode node = revoked.toJson();
        ArrayNode recalls = node.putArray("recalls");
        for (RecallRecord record : rampart.recalls().store().triggeredBy(id)) {
            recalls.add(record.summaryJson());
        }
        return Json.write(response, node);
    }

    private Object poll(Request request, Response response) throws IOException {
        if (!"poll".equals(request.queryParams("action"))) {
            throw new IllegalArgumentException("'action' must be poll");
        }
        int count = feeds.poll(request.params("name"));
        ObjectNode node = MAPPER.createObjectNode();
        node.put("feed", request.params("name"));
        node.put("indicators", count);
        return Json.write(response, node);
    }
}
