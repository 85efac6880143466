package io.rampart.core.verdict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

/** A verdict as JSON (kept with stopped mail, shown by WebAdmin, printed by the CLI) and back. */
public final class VerdictJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerdictJson() {
    }

    public static ObjectNode toJson(Verdict verdict) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("verdict", verdict.verdictClass().asString());
        node.put("score", Math.round(verdict.score() * 100) / 100.0);
        node.put("threshold", verdict.threshold());
        node.put("reason", verdict.reason());
        node.put("complete", verdict.complete());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : verdict.findings()) {
            findings.add(findingJson(finding));
        }
        ArrayNode urls = node.putArray("urls");
        verdict.urls().forEach(urls::add);
        ArrayNode hashes = node.putArray("sha256");
        verdict.hashes().forEach(hashes::add);
        ArrayNode incomplete = node.putArray("incomplete");
        verdict.incompleteReasons().forEach(incomplete::add);
        node.put("millis", verdict.millis());
        return node;
    }

    public static ObjectNode findingJson(Finding finding) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("rule", finding.rule());
        item.put("score", finding.score());
        item.put("category", finding.category().name().toLowerCase(java.util.Locale.ROOT));
        item.put("detail", finding.detail());
        return item;
    }

    public static String toJsonString(Verdict verdict) {
        return toJson(verdict).toString();
    }

    public static Verdict fromJsonString(String json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        List<Finding> findings = new ArrayList<>();
        for (JsonNode item : node.path("findings")) {
            findings.add(Finding.of(item.path("rule").asText(), item.path("score").asDouble(),
                Category.valueOf(item.path("category").asText("info").toUpperCase(java.util.Locale.ROOT)),
                item.path("detail").asText()));
        }
        return Verdict.of(VerdictClass.parse(node.path("verdict").asText()), node.path("score").asDouble(),
            node.path("threshold").asDouble(), findings, strings(node.path("urls")), strings(node.path("sha256")),
            new ArrayList<>(strings(node.path("incomplete"))), node.path("millis").asLong());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
