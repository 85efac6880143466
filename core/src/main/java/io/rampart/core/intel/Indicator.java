package io.rampart.core.intel;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.verdict.VerdictClass;

/**
 * A threat indicator: a URL, domain, attachment SHA-256, sender or Message-ID condemned as phish,
 * malware or spam by a source, with a confidence (0-100) and an optional expiry. Immutable;
 * revocation is a new value. The state store keeps it in the form {@link #toJson()} shows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "type", "value", "verdict", "source", "confidence", "expiresAt", "createdAt", "revokedAt"})
public final class Indicator {
    public static final ImmutableSet<String> FIELDS = ImmutableSet.of("type", "value", "verdict", "source",
        "confidence", "expiresAt");
    public static final ImmutableSet<VerdictClass> VERDICTS = ImmutableSet.of(VerdictClass.PHISH,
        VerdictClass.MALWARE, VerdictClass.SPAM);
    public static final int DEFAULT_CONFIDENCE = 80;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Indicator of(IndicatorType type, String value, VerdictClass verdict, String source, int confidence,
                               Optional<Instant> expiresAt, Instant createdAt) {
        String normalized = type.normalize(value);
        List<String> problems = new ArrayList<>();
        validate(type, normalized, problems);
        if (!VERDICTS.contains(verdict)) {
            problems.add("'verdict' must be phish, malware or spam, got '" + verdict.asString() + "'");
        }
        if (confidence < 0 || confidence > 100) {
            problems.add("'confidence' must be between 0 and 100, got " + confidence);
        }
        if (source == null || source.isBlank()) {
            problems.add("'source' must not be blank");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid indicator: " + String.join("; ", problems));
        }
        return new Indicator(UUID.randomUUID().toString(), type, normalized, verdict, source.trim(), confidence,
            expiresAt, createdAt, Optional.empty());
    }

    private static void validate(IndicatorType type, String value, List<String> problems) {
        switch (type) {
            case URL:
                try {
                    URI uri = URI.create(value);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        problems.add("a url indicator must be an absolute URL, got '" + value + "'");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("a url indicator must be a valid URL, got '" + value + "'");
                }
                break;
            case DOMAIN:
                if (!DOMAIN.matcher(value).matches()) {
                    problems.add("a domain indicator must be a domain name, got '" + value + "'");
                }
                break;
            case SHA256:
                if (!SHA256.matcher(value).matches()) {
                    problems.add("a sha256 indicator must be 64 hexadecimal characters, got '" + value + "'");
                }
                break;
            case SENDER:
                if (!value.contains("@") || value.startsWith("@") || value.endsWith("@")) {
                    problems.add("a sender indicator must be an email address, got '" + value + "'");
                }
                break;
            default:
                if (value.length() < 3) {
                    problems.add("a messageId indicator must be a Message-ID, got '" + value + "'");
                }
        }
    }

    /** Parses one indicator object as posted to WebAdmin; every problem named at once. */
    public static Indicator fromJson(JsonNode node, Instant now) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Invalid indicator: expected a JSON object with " + FIELDS);
        }
        List<String> problems = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + name + "' (expected " + FIELDS + ")");
            }
        }
        Optional<IndicatorType> type = Optional.empty();
        try {
            type = Optional.of(IndicatorType.parse(node.path("type").asText(null)));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String value = node.path("value").asText("");
        if (value.isBlank()) {
            problems.add("'value' is required");
        }
        Optional<VerdictClass> verdict = Optional.empty();
        try {
            verdict = Optional.of(VerdictClass.parse(node.path("verdict").asText("phish")));
        } catch (IllegalArgumentException e) {
            problems.add("'verdict' must be phish, malware or spam, got '" + node.path("verdict").asText() + "'");
        }
        String source = node.path("source").asText("webadmin");
        int confidence = DEFAULT_CONFIDENCE;
        if (node.has("confidence")) {
            if (!node.get("confidence").canConvertToInt() || !node.get("confidence").isIntegralNumber()) {
                problems.add("'confidence' must be an integer between 0 and 100");
            } else {
                confidence = node.get("confidence").asInt();
            }
        }
        Optional<Instant> expiresAt = Optional.empty();
        if (node.hasNonNull("expiresAt")) {
            try {
                expiresAt = Optional.of(Instant.parse(node.get("expiresAt").asText()));
            } catch (DateTimeParseException e) {
                problems.add("'expiresAt' must be an ISO-8601 instant, got '" + node.get("expiresAt").asText() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid indicator: " + String.join("; ", problems));
        }
        return of(type.get(), value, verdict.get(), source, confidence, expiresAt, now);
    }

    /** An indicator as the state store kept it (no validation: it was validated when first made). */
    @JsonCreator
    static Indicator stored(@JsonProperty("id") String id, @JsonProperty("type") String type,
                            @JsonProperty("value") String value, @JsonProperty("verdict") String verdict,
                            @JsonProperty("source") String source, @JsonProperty("confidence") int confidence,
                            @JsonProperty("expiresAt") String expiresAt, @JsonProperty("createdAt") String createdAt,
                            @JsonProperty("revokedAt") String revokedAt) {
        return new Indicator(id, IndicatorType.parse(type), value, VerdictClass.parse(verdict), source, confidence,
            Optional.ofNullable(expiresAt).map(Instant::parse), Instant.parse(createdAt),
            Optional.ofNullable(revokedAt).map(Instant::parse));
    }

    private final String id;
    private final IndicatorType type;
    private final String value;
    private final VerdictClass verdict;
    private final String source;
    private final int confidence;
    private final Optional<Instant> expiresAt;
    private final Instant createdAt;
    private final Optional<Instant> revokedAt;

    public Indicator(String id, IndicatorType type, String value, VerdictClass verdict, String source, int confidence,
                     Optional<Instant> expiresAt, Instant createdAt, Optional<Instant> revokedAt) {
        this.id = Objects.requireNonNull(id);
        this.type = Objects.requireNonNull(type);
        this.value = Objects.requireNonNull(value);
        this.verdict = Objects.requireNonNull(verdict);
        this.source = Objects.requireNonNull(source);
        this.confidence = confidence;
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.revokedAt = Objects.requireNonNull(revokedAt);
    }

    public Indicator revoked(Instant when) {
        return new Indicator(id, type, value, verdict, source, confidence, expiresAt, createdAt, Optional.of(when));
    }

    /** Same indicator content, refreshed by its source (keeps the id). */
    public Indicator refreshedBy(Indicator newer) {
        return new Indicator(id, type, value, newer.verdict, source, newer.confidence, newer.expiresAt, createdAt,
            Optional.empty());
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    public IndicatorType type() {
        return type;
    }

    @JsonProperty("value")
    public String value() {
        return value;
    }

    public VerdictClass verdict() {
        return verdict;
    }

    @JsonProperty("source")
    public String source() {
        return source;
    }

    @JsonProperty("confidence")
    public int confidence() {
        return confidence;
    }

    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> revokedAt() {
        return revokedAt;
    }

    @JsonProperty("type")
    String jsonType() {
        return type.asString();
    }

    @JsonProperty("verdict")
    String jsonVerdict() {
        return verdict.asString();
    }

    @JsonProperty("expiresAt")
    String jsonExpiresAt() {
        return expiresAt.map(Instant::toString).orElse(null);
    }

    @JsonProperty("createdAt")
    String jsonCreatedAt() {
        return createdAt.toString();
    }

    @JsonProperty("revokedAt")
    String jsonRevokedAt() {
        return revokedAt.map(Instant::toString).orElse(null);
    }

    public boolean expired(Instant now) {
        return expiresAt.map(at -> !now.isBefore(at)).orElse(false);
    }

    public boolean active(Instant now) {
        return revokedAt.isEmpty() && !expired(now);
    }

    /** {@code type:value}, how reports name it. */
    public String describe() {
        return type.asString() + ":" + value + " (" + verdict.asString() + ", confidence " + confidence + ")";
    }

    /** The mail this indicator condemns, as recall criteria. */
    public RecallCriteria criteria() {
        RecallCriteria.Builder builder = RecallCriteria.builder().scope(RecallCriteria.Scope.LEDGER);
        switch (type) {
            case URL:
                return builder.url(value).build();
            case DOMAIN:
                return builder.domain(value).build();
            case SHA256:
                return builder.attachmentSha256(value).build();
            case SENDER:
                return builder.sender(value).build();
            default:
                return builder.messageId(value).build();
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", id);
        node.put("type", type.asString());
        node.put("value", value);
        node.put("verdict", verdict.asString());
        node.put("source", source);
        node.put("confidence", confidence);
        expiresAt.ifPresent(at -> node.put("expiresAt", at.toString()));
        node.put("createdAt", createdAt.toString());
        revokedAt.ifPresent(at -> node.put("revokedAt", at.toString()));
        return node;
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Indicator) {
            Indicator that = (Indicator) o;
            return id.equals(that.id) && type == that.type && value.equals(that.value) && verdict == that.verdict
                && source.equals(that.source) && confidence == that.confidence && expiresAt.equals(that.expiresAt)
                && createdAt.equals(that.createdAt) && revokedAt.equals(that.revokedAt);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, type, value, verdict, source, confidence, expiresAt, createdAt, revokedAt);
    }

    @Override
    public String toString() {
        return describe() + " from " + source.toLowerCase(Locale.ROOT);
    }
}
