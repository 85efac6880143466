package io.rampart.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import io.rampart.core.flow.Flow;

/**
 * The audit trail of one held mail (the mail itself is in the audit mail repository under
 * {@link #id()}): why it was held, until when, what happens at expiry, and the decision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "flow", "sender", "recipients", "rule", "reason", "heldAt", "expiresAt", "expiryAction", "status",
    "decidedAt", "decidedBy"})
public final class AuditRecord {
    public static AuditRecord held(String id, Flow flow, Optional<String> sender, List<String> recipients, String rule,
                                   String reason, Instant heldAt, Instant expiresAt, AuditDecision expiryAction) {
        return new AuditRecord(id, flow, sender, recipients, rule, reason, heldAt, expiresAt, expiryAction,
            AuditStatus.HELD, Optional.empty(), Optional.empty());
    }

    @JsonCreator
    static AuditRecord fromJson(@JsonProperty("id") String id, @JsonProperty("flow") String flow,
                                @JsonProperty("sender") String sender, @JsonProperty("recipients") List<String> recipients,
                                @JsonProperty("rule") String rule, @JsonProperty("reason") String reason,
                                @JsonProperty("heldAt") String heldAt, @JsonProperty("expiresAt") String expiresAt,
                                @JsonProperty("expiryAction") String expiryAction, @JsonProperty("status") String status,
                                @JsonProperty("decidedAt") String decidedAt, @JsonProperty("decidedBy") String decidedBy) {
        return new AuditRecord(id, Flow.parse(flow), Optional.ofNullable(sender), recipients, rule, reason,
            Instant.parse(heldAt), Instant.parse(expiresAt), AuditDecision.parse(expiryAction), AuditStatus.parse(status),
            Optional.ofNullable(decidedAt).map(Instant::parse), Optional.ofNullable(decidedBy));
    }

    private final String id;
    private final Flow flow;
    private final Optional<String> sender;
    private final ImmutableList<String> recipients;
    private final String rule;
    private final String reason;
    private final Instant heldAt;
    private final Instant expiresAt;
    private final AuditDecision expiryAction;
    private final AuditStatus status;
    private final Optional<Instant> decidedAt;
    private final Optional<String> decidedBy;

    private AuditRecord(String id, Flow flow, Optional<String> sender, List<String> recipients, String rule, String reason,
                        Instant heldAt, Instant expiresAt, AuditDecision expiryAction, AuditStatus status,
                        Optional<Instant> decidedAt, Optional<String> decidedBy) {
        Preconditions.checkArgument(id != null && !id.isBlank(), "id must not be blank");
        Preconditions.checkArgument(rule != null && !rule.isBlank(), "rule must not be blank");
        Preconditions.checkArgument(!expiresAt.isBefore(heldAt), "expiresAt %s is before heldAt %s", expiresAt, heldAt);
        this.id = id;
        this.flow = Objects.requireNonNull(flow);
        this.sender = Objects.requireNonNull(sender);
        this.recipients = ImmutableList.copyOf(recipients);
        this.rule = rule;
        this.reason = Objects.requireNonNull(reason);
        this.heldAt = heldAt;
        this.expiresAt = expiresAt;
        this.expiryAction = Objects.requireNonNull(expiryAction);
        this.status = Objects.requireNonNull(status);
        this.decidedAt = Objects.requireNonNull(decidedAt);
        this.decidedBy = Objects.requireNonNull(decidedBy);
    }

    AuditRecord decided(AuditDecision decision, Instant at, String by) {
        return new AuditRecord(id, flow, sender, recipients, rule, reason, heldAt, expiresAt, expiryAction,
            decision.status(), Optional.of(at), Optional.of(by));
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    public Flow flow() {
        return flow;
    }

    public Optional<String> sender() {
        return sender;
    }

    @JsonProperty("recipients")
    public ImmutableList<String> recipients() {
        return recipients;
    }

    @JsonProperty("rule")
    public String rule() {
        return rule;
    }

    @JsonProperty("reason")
    public String reason() {
        return reason;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public AuditDecision expiryAction() {
        return expiryAction;
    }

    public AuditStatus status() {
        return status;
    }

    public Optional<Instant> decidedAt() {
        return decidedAt;
    }

    /** The admin (or {@code expiry}) who decided. */
    public Optional<String> decidedBy() {
        return decidedBy;
    }

    public boolean isHeld() {
        return status == AuditStatus.HELD;
    }

    @JsonProperty("flow")
    String jsonFlow() {
        return flow.asString();
    }

    @JsonProperty("sender")
    String jsonSender() {
        return sender.orElse(null);
    }

    @JsonProperty("heldAt")
    String jsonHeldAt() {
        return heldAt.toString();
    }

    @JsonProperty("expiresAt")
    String jsonExpiresAt() {
        return expiresAt.toString();
    }

    @JsonProperty("expiryAction")
    String jsonExpiryAction() {
        return expiryAction.asString();
    }

    @JsonProperty("status")
    String jsonStatus() {
        return status.asString();
    }

    @JsonProperty("decidedAt")
    String jsonDecidedAt() {
        return decidedAt.map(Instant::toString).orElse(null);
    }

    @JsonProperty("decidedBy")
    String jsonDecidedBy() {
        return decidedBy.orElse(null);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof AuditRecord) {
            AuditRecord that = (AuditRecord) o;
            return id.equals(that.id) && flow == that.flow && sender.equals(that.sender) && recipients.equals(that.recipients)
                && rule.equals(that.rule) && reason.equals(that.reason) && heldAt.equals(that.heldAt)
                && expiresAt.equals(that.expiresAt) && expiryAction == that.expiryAction && status == that.status
                && decidedAt.equals(that.decidedAt) && decidedBy.equals(that.decidedBy);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, flow, sender, recipients, rule, reason, heldAt, expiresAt, expiryAction, status, decidedAt, decidedBy);
    }

    @Override
    public String toString() {
        return "AuditRecord{" + id + " " + status.asString() + " " + rule + ": " + reason + "}";
    }
}
