package io.rampart.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * One mail as Rampart saw it in one flow: envelope, identifying headers, verdict, the URLs and
 * attachment hashes found, and the outcome per recipient. Immutable; outcome changes (recall,
 * restore) produce a new entry through {@link #withOutcome}. Its JSON form is how the state store
 * keeps it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "messageId", "sender", "subject", "time", "flow", "verdict", "urls", "hashes", "references",
    "outcomes"})
public final class LedgerEntry {
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String id = UUID.randomUUID().toString();
        private String messageId = "";
        private String sender = "";
        private String subject = "";
        private Instant time = Instant.now();
        private String flow = "";
        private String verdict = "";
        private Set<String> urls = ImmutableSet.of();
        private Set<String> hashes = ImmutableSet.of();
        private List<String> references = ImmutableList.of();
        private ImmutableMap.Builder<String, DeliveryOutcome> outcomes = ImmutableMap.builder();

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder messageId(String messageId) {
            this.messageId = normalizeMessageId(messageId);
            return this;
        }

        public Builder sender(String sender) {
            this.sender = sender == null ? "" : sender.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject == null ? "" : subject;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder flow(String flow) {
            this.flow = flow;
            return this;
        }

        public Builder verdict(String verdict) {
            this.verdict = verdict;
            return this;
        }

        public Builder urls(Set<String> urls) {
            this.urls = urls;
            return this;
        }

        public Builder hashes(Set<String> hashes) {
            this.hashes = hashes;
            return this;
        }

        public Builder references(List<String> references) {
            this.references = references;
            return this;
        }

        public Builder recipient(String recipient, DeliveryOutcome outcome) {
            outcomes.put(recipient.trim().toLowerCase(Locale.ROOT), outcome);
            return this;
        }

        public Builder outcomes(Map<String, DeliveryOutcome> all) {
            outcomes = ImmutableMap.<String, DeliveryOutcome>builder().putAll(all);
            return this;
        }

        public LedgerEntry build() {
            return new LedgerEntry(this);
        }
    }

    @JsonCreator
    static LedgerEntry fromJson(@JsonProperty("id") String id, @JsonProperty("messageId") String messageId,
                                @JsonProperty("sender") String sender, @JsonProperty("subject") String subject,
                                @JsonProperty("time") String time, @JsonProperty("flow") String flow,
                                @JsonProperty("verdict") String verdict, @JsonProperty("urls") List<String> urls,
                                @JsonProperty("hashes") List<String> hashes, @JsonProperty("references") List<String> references,
                                @JsonProperty("outcomes") Map<String, String> outcomes) {
        Builder builder = builder().id(id).messageId(messageId).sender(sender).subject(subject).time(Instant.parse(time))
            .flow(flow).verdict(verdict).urls(ImmutableSet.copyOf(orEmpty(urls))).hashes(ImmutableSet.copyOf(orEmpty(hashes)))
            .references(orEmpty(references));
        Optional.ofNullable(outcomes).orElse(Map.of())
            .forEach((recipient, outcome) -> builder.recipient(recipient, DeliveryOutcome.parse(outcome)));
        return builder.build();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? ImmutableList.of() : values;
    }

    /** {@code <id@host>}: Message-IDs compared with their angle brackets, whitespace dropped. */
    public static String normalizeMessageId(String messageId) {
        if (messageId == null) {
            return "";
        }
        String trimmed = messageId.trim();
        if (trimmed.isEmpty()) {
            return "";
        }
        if (!trimmed.startsWith("<")) {
            trimmed = "<" + trimmed;
        }
        if (!trimmed.endsWith(">")) {
            trimmed = trimmed + ">";
        }
        return trimmed;
    }

    private final String id;
    private final String messageId;
    private final String sender;
    private final String subject;
    private final Instant time;
    private final String flow;
    private final String verdict;
    private final ImmutableSet<String> urls;
    private final ImmutableSet<String> hashes;
    private final ImmutableList<String> references;
    private final ImmutableMap<String, DeliveryOutcome> outcomes;

    private LedgerEntry(Builder builder) {
        Preconditions.checkArgument(builder.id != null && !builder.id.isEmpty(), "a ledger entry needs an id");
        this.id = builder.id;
        this.messageId = builder.messageId;
        this.sender = builder.sender;
        this.subject = builder.subject;
        this.time = Objects.requireNonNull(builder.time, "time");
        this.flow = Objects.requireNonNull(builder.flow, "flow");
        this.verdict = Objects.requireNonNull(builder.verdict, "verdict");
        this.urls = ImmutableSet.copyOf(builder.urls);
        this.hashes = builder.hashes.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
        this.references = builder.references.stream().map(LedgerEntry::normalizeMessageId)
            .filter(r -> !r.isEmpty()).collect(ImmutableList.toImmutableList());
        this.outcomes = builder.outcomes.buildKeepingLast();
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** The Message-ID header with angle brackets, or empty when the mail had none. */
    @JsonProperty("messageId")
    public String messageId() {
        return messageId;
    }

    @JsonProperty("sender")
    public String sender() {
        return sender;
    }

    @JsonProperty("subject")
    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    @JsonProperty("flow")
    public String flow() {
        return flow;
    }

    @JsonProperty("verdict")
    public String verdict() {
        return verdict;
    }

    @JsonProperty("urls")
    public ImmutableSet<String> urls() {
        return urls;
    }

    @JsonProperty("hashes")
    public ImmutableSet<String> hashes() {
        return hashes;
    }

    /** Message-IDs from {@code References} and {@code In-Reply-To}. */
    @JsonProperty("references")
    public ImmutableList<String> references() {
        return references;
    }

    public ImmutableMap<String, DeliveryOutcome> outcomes() {
        return outcomes;
    }

    @JsonProperty("time")
    String jsonTime() {
        return time.toString();
    }

    @JsonProperty("outcomes")
    Map<String, String> jsonOutcomes() {
        Map<String, String> json = new java.util.LinkedHashMap<>();
        outcomes.forEach((recipient, outcome) -> json.put(recipient, outcome.asString()));
        return json;
    }

    public Optional<DeliveryOutcome> outcome(String recipient) {
        return Optional.ofNullable(outcomes.get(recipient.toLowerCase(Locale.ROOT)));
    }

    public String senderDomain() {
        int at = sender.lastIndexOf('@');
        return at < 0 ? "" : sender.substring(at + 1);
    }

    public LedgerEntry withOutcome(String recipient, DeliveryOutcome outcome) {
        String key = recipient.toLowerCase(Locale.ROOT);
        ImmutableMap.Builder<String, DeliveryOutcome> updated = ImmutableMap.builder();
        updated.putAll(outcomes);
        updated.put(key, outcome);
        return toBuilder().outcomes(updated.buildKeepingLast()).build();
    }

    /** These recipients (those the entry has) with a new outcome, in one copy. */
    public LedgerEntry withOutcomes(java.util.Set<String> recipients, DeliveryOutcome outcome) {
        java.util.Map<String, DeliveryOutcome> updated = new java.util.LinkedHashMap<>(outcomes);
        boolean changed = false;
        for (String recipient : recipients) {
            String key = recipient.toLowerCase(Locale.ROOT);
            if (updated.containsKey(key)) {
                updated.put(key, outcome);
                changed = true;
            }
        }
        return changed ? toBuilder().outcomes(updated).build() : this;
    }

    public Builder toBuilder() {
        return builder().id(id).messageId(messageId).sender(sender).subject(subject).time(time).flow(flow)
            .verdict(verdict).urls(urls).hashes(hashes).references(references).outcomes(outcomes);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof LedgerEntry) {
            LedgerEntry that = (LedgerEntry) o;
            return id.equals(that.id) && messageId.equals(that.messageId) && sender.equals(that.sender)
                && subject.equals(that.subject) && time.equals(that.time) && flow.equals(that.flow)
                && verdict.equals(that.verdict) && urls.equals(that.urls) && hashes.equals(that.hashes)
                && references.equals(that.references) && outcomes.equals(that.outcomes);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, messageId, sender, subject, time, flow, verdict, urls, hashes, references, outcomes);
    }

    @Override
    public String toString() {
        return "LedgerEntry{" + id + ", " + messageId + " from " + sender + " '" + subject + "' " + outcomes + "}";
    }
}
