package io.rampart.webadmin.reports;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.reports.Campaign;
import io.rampart.core.reports.Fingerprint;
import io.rampart.core.reports.Fingerprints;
import io.rampart.core.reports.RecallCandidate;
import io.rampart.core.reports.Report;
import io.rampart.core.reports.ReportFilter;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportService;
import io.rampart.core.reports.ReportSource;
import io.rampart.mailets.Notifier;
import io.rampart.mailets.reports.ReportNotifications;
import io.rampart.webadmin.http.Params;
import io.rampart.webadmin.quarantine.QuarantineService;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Reports and triage.
 * <ul>
 *   <li>{@code POST /rampart/reports[?reporter=&kind=phish|junk|not-junk]}: a raw message
 *       ({@code Content-Type: message/rfc822}) or JSON {@code {"messageId":"<id>"}} (fingerprinted from the
 *       quarantine when found there) or {@code {"sender":..,"subject":..,"urls":[..],"sha256":[..]}}</li>
 *   <li>{@code GET /rampart/reports?status=&kind=&reporter=&sender=&since=&until=&offset=0&limit=100}: campaigns
 *       with their reports, newest activity first</li>
 *   <li>{@code GET /rampart/reports/candidates}: recall candidates</li>
 *   <li>{@code GET /rampart/reports/{id}}, {@code POST /rampart/reports/{id}?action=confirm|dismiss}</li>
 * </ul>
 */
public class ReportRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/reports";
    private static final Set<String> LIST_PARAMETERS = Params.withPage(ReportFilter.PARAMETERS);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> JSON_FIELDS = ImmutableSet.of("messageId", "reporter", "kind", "sender", "subject",
        "urls", "sha256");

    private final Rampart rampart;
    private final QuarantineService quarantine;
    private final ReportNotifications notifications;
    private final Notifier notifier;

    @Inject
    public ReportRoutes(Rampart rampart, QuarantineService quarantine, ReportNotifications notifications, Notifier notifier) {
        this.rampart = rampart;
        this.quarantine = quarantine;
        this.notifications = notifications;
        this.notifier = notifier;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service http) {
        http.post(BASE_PATH, this::create);
        http.get(BASE_PATH, this::list);
        http.get(BASE_PATH + "/candidates", this::candidates);
        http.get(BASE_PATH + "/:id", this::get);
        http.post(BASE_PATH + "/:id", this::decide);
    }

    private Object create(Request request, Response response) throws MessagingException, IOException {
        Map<String, String> params = Params.of(request, ImmutableSet.of("reporter", "kind"));
        String contentType = Optional.ofNullable(request.contentType()).orElse("").toLowerCase(java.util.Locale.ROOT);
        byte[] body = Optional.ofNullable(request.bodyAsBytes()).orElse(new byte[0]);
        if (body.length == 0) {
            throw new IllegalArgumentException("The body must be a raw message (Content-Type: message/rfc822) or a JSON report");
        }
        Optional<String> reporter = Optional.ofNullable(params.get("reporter"));
        Optional<String> kind = Optional.ofNullable(params.get("kind"));
        Fingerprint fingerprint;
        Optional<byte[]> raw;
        if (contentType.startsWith("message/rfc822") || contentType.startsWith("text/plain")) {
            raw = Optional.of(body);
            fingerprint = Fingerprints.of(body);
        } else {
            JsonNode json = parseJson(body);
            reporter = reporter.or(() -> text(json, "reporter"));
            kind = kind.or(() -> text(json, "kind"));
            Optional<String> messageId = text(json, "messageId");
            boolean described = json.has("sender") || json.has("subject") || json.has("urls") || json.has("sha256");
            raw = messageId.isPresent() && !described ? quarantine.findByMessageId(messageId.get()) : Optional.empty();
            if (raw.isPresent()) {
                fingerprint = Fingerprints.of(raw.get());
            } else if (messageId.isPresent() || described) {
                fingerprint = Fingerprint.of(messageId, text(json, "sender"), text(json, "subject").orElse(""),
                    strings(json, "urls"), strings(json, "sha256"));
            } else {
                throw new IllegalArgumentException("A JSON report needs 'messageId' or at least one of 'sender', 'subject',"
                    + " 'urls', 'sha256'");
            }
        }
        ReportKind reportKind = kind.map(ReportKind::parse).orElse(ReportKind.PHISH);
        String reporterAddress = reporter.orElseGet(this::securityMailbox);
        ReportService.Recorded recorded = rampart.reports().record(reporterAddress, reportKind, ReportSource.ADMIN,
            fingerprint, raw);
        notifications.recorded(recorded);
        ObjectNode result = reportJson(recorded.report());
        result.put("duplicate", recorded.duplicate());
        rampart.reports().campaignOf(recorded.report().id()).ifPresent(c -> result.put("campaign", c.id()));
        if (recorded.newCandidate().isPresent()) {
            result.put("recallCandidate", recorded.newCandidate().get().id());
        }
        response.status(recorded.duplicate() ? HttpStatus.OK_200 : HttpStatus.CREATED_201);
        response.type("application/json");
        return result.toString();
    }

    private String securityMailbox() {
        try {
            return notifier.securityMailbox().asString();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot determine the security mailbox", e);
        }
    }

    /** Campaigns, newest activity first; {@code offset}/{@code limit} page them (100 by default, 1,000 at most). */
    private Object list(Request request, Response response) {
        Map<String, String> params = Params.of(request, LIST_PARAMETERS);
        Params.Page page = Params.page(params);
        ReportFilter filter = ReportFilter.parse(params);
        ArrayNode campaigns = MAPPER.createArrayNode();
        page.of(rampart.reports().campaigns(filter).stream())
            .forEach(campaign -> campaigns.add(campaignJson(campaign)));
        response.type("application/json");
        return campaigns.toString();
    }

    private Object candidates(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        ArrayNode candidates = MAPPER.createArrayNode();
        for (RecallCandidate candidate : rampart.reports().recallCandidates()) {
            candidates.add(candidateJson(candidate));
        }
        response.type("application/json");
        return candidates.toString();
    }

    private Object get(Request request, Response response) {
        Params.of(request, ImmutableSet.of());
        String id = request.params("id");
        Report report = rampart.reports().get(id).orElseThrow(() -> notFound(id));
        ObjectNode node = reportJson(report);
        rampart.reports().campaignOf(id).ifPresent(c -> node.put("campaign", c.id()));
        response.type("application/json");
        return node.toString();
    }

    private Object decide(Request request, Response response) {
        Map<String, String> params = Params.of(request, ImmutableSet.of("action"));
        String action = Params.required(params, "action", ImmutableSet.of("confirm", "dismiss"));
        String id = request.params("id");
        if (rampart.reports().get(id).isEmpty()) {
            throw notFound(id);
        }
        Report decided = rampart.reports().decide(id, action.equals("confirm")
            ? ReportService.Decision.CONFIRM : ReportService.Decision.DISMISS);
        notifications.decided(decided);
        response.type("application/json");
        return reportJson(decided).toString();
    }

    static ObjectNode reportJson(Report report) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", report.id());
        node.put("reporter", report.reporter());
        node.put("kind", report.kind().asString());
        node.put("source", report.source().asString());
        node.put("status", report.status().asString());
        node.put("time", report.time().toString());
        Fingerprint fingerprint = report.fingerprint();
        putOptional(node, "messageId", fingerprint.messageId());
        putOptional(node, "sender", fingerprint.sender());
        node.put("subject", fingerprint.subject());
        node.set("urls", array(fingerprint.urls()));
        node.set("sha256", array(fingerprint.sha256()));
        return node;
    }

    static ObjectNode campaignJson(Campaign campaign) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("campaign", campaign.id());
        node.put("kind", campaign.kind().asString());
        node.put("reportCount", campaign.reports().size());
        node.set("reporters", array(campaign.reporters()));
        node.set("senders", array(campaign.senders()));
        node.set("subjects", array(campaign.subjects()));
        node.set("messageIds", array(campaign.messageIds()));
        node.set("urls", array(campaign.urls()));
        node.set("sha256", array(campaign.sha256()));
        ArrayNode reports = node.putArray("reports");
        campaign.reports().forEach(report -> reports.add(reportJson(report)));
        return node;
    }

    static ObjectNode candidateJson(RecallCandidate candidate) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", candidate.id());
        node.put("flaggedAt", candidate.flaggedAt().toString());
        node.set("reporters", array(candidate.reporters()));
        node.set("reportIds", array(candidate.reportIds()));
        node.set("messageIds", array(candidate.messageIds()));
        node.set("senders", array(candidate.senders()));
        node.set("subjects", array(candidate.subjects()));
        node.set("urls", array(candidate.urls()));
        node.set("sha256", array(candidate.sha256()));
        return node;
    }

    private static JsonNode parseJson(byte[] body) {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is neither a raw message (Content-Type: message/rfc822) nor valid JSON: "
                + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the body: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("The JSON report must be an object");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!JSON_FIELDS.contains(name)) {
                throw new IllegalArgumentException("Unknown field '" + name + "' in the JSON report; expected some of "
                    + new java.util.TreeSet<>(JSON_FIELDS));
            }
        });
        return json;
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return Optional.of(node.asText()).filter(s -> !s.isBlank());
    }

    private static Set<String> strings(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return ImmutableSet.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array of strings");
        }
        ImmutableSet.Builder<String> values = ImmutableSet.builder();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' must be an array of strings");
            }
            values.add(item.asText());
        }
        return values.build();
    }

    private static void putOptional(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    private static ArrayNode array(java.util.Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static spark.HaltException notFound(String id) {
        return Params.notFound("No report with id '" + id + "'");
    }

}
