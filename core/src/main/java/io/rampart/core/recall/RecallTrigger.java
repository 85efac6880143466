package io.rampart.core.recall;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Why a recall exists: an admin and a reason, a threat indicator and its source, or a user-report candidate. */
public final class RecallTrigger {
    public enum Kind {
        ADMIN, INDICATOR, REPORT;

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static RecallTrigger admin(String actor, String reason) {
        return new RecallTrigger(Kind.ADMIN, actor, reason, "webadmin", Optional.empty());
    }

    public static RecallTrigger indicator(String indicatorId, String description, String source) {
        return new RecallTrigger(Kind.INDICATOR, "rampart-intel", description, source, Optional.of(indicatorId));
    }

    public static RecallTrigger report(String source, String reason) {
        return new RecallTrigger(Kind.REPORT, "rampart-reports", reason, source, Optional.empty());
    }

    private final Kind kind;
    private final String actor;
    private final String reason;
    private final String source;
    private final Optional<String> indicatorId;

    public RecallTrigger(Kind kind, String actor, String reason, String source, Optional<String> indicatorId) {
        this.kind = Objects.requireNonNull(kind);
        this.actor = Objects.requireNonNull(actor);
        this.reason = Objects.requireNonNull(reason);
        this.source = Objects.requireNonNull(source);
        this.indicatorId = Objects.requireNonNull(indicatorId);
    }

    public Kind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    public Optional<String> indicatorId() {
        return indicatorId;
    }

    public String describe() {
        switch (kind) {
            case ADMIN:
                return "recalled by " + actor + ": " + reason;
            case INDICATOR:
                return "threat indicator " + reason + " from " + source;
            default:
                return "user reports (" + source + "): " + reason;
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", kind.asString());
        node.put("actor", actor);
        node.put("reason", reason);
        node.put("source", source);
        indicatorId.ifPresent(id -> node.put("indicatorId", id));
        return node;
    }

    public static RecallTrigger fromJson(JsonNode node) {
        return new RecallTrigger(Kind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT)),
            node.path("actor").asText(), node.path("reason").asText(), node.path("source").asText(),
            Optional.ofNullable(node.get("indicatorId")).map(JsonNode::asText));
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof RecallTrigger) {
            RecallTrigger that = (RecallTrigger) o;
            return kind == that.kind && actor.equals(that.actor) && reason.equals(that.reason)
                && source.equals(that.source) && indicatorId.equals(that.indicatorId);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(kind, actor, reason, source, indicatorId);
    }
}
