package io.rampart.core.block;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Preconditions;

/**
 * A sender Rampart refuses (SMTP MAIL FROM gets a 5xx): who, which rule, why, since when and until
 * when (empty: until an admin lifts it). JSON: {@code {"address","rule","reason","blockedAt","until"}}
 * with ISO-8601 instants.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Block {
    public static Block of(String address, String rule, String reason, Instant blockedAt, Optional<Instant> until) {
        return new Block(address, rule, reason, blockedAt, until);
    }

    @JsonCreator
    static Block fromJson(@JsonProperty("address") String address, @JsonProperty("rule") String rule,
                          @JsonProperty("reason") String reason, @JsonProperty("blockedAt") String blockedAt,
                          @JsonProperty("until") String until) {
        return new Block(address, rule, reason, Instant.parse(blockedAt), Optional.ofNullable(until).map(Instant::parse));
    }

    private final String address;
    private final String rule;
    private final String reason;
    private final Instant blockedAt;
    private final Optional<Instant> until;

    private Block(String address, String rule, String reason, Instant blockedAt, Optional<Instant> until) {
        Preconditions.checkArgument(address != null && !address.isBlank(), "address must not be blank");
        this.address = address;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.blockedAt = Objects.requireNonNull(blockedAt, "blockedAt");
        this.until = Objects.requireNonNull(until, "until");
        until.ifPresent(end -> Preconditions.checkArgument(end.isAfter(blockedAt),
            "a block of '%s' must end after it starts (%s), got %s", address, blockedAt, end));
    }

    @JsonProperty("address")
    public String address() {
        return address;
    }

    @JsonProperty("rule")
    public String rule() {
        return rule;
    }

    @JsonProperty("reason")
    public String reason() {
        return reason;
    }

    public Instant blockedAt() {
        return blockedAt;
    }

    public Optional<Instant> until() {
        return until;
    }

    public boolean isActiveAt(Instant instant) {
        return until.map(instant::isBefore).orElse(true);
    }

    /** The text of the SMTP refusal: names the block and how it ends. */
    public String smtpMessage() {
        return "Sending from " + address + " is blocked by the security policy (" + rule + ")"
            + until.map(end -> " until " + end).orElse(" until an administrator lifts it");
    }

    @JsonProperty("blockedAt")
    String jsonBlockedAt() {
        return blockedAt.toString();
    }

    @JsonProperty("until")
    String jsonUntil() {
        return until.map(Instant::toString).orElse(null);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Block) {
            Block that = (Block) o;
            return address.equals(that.address) && rule.equals(that.rule) && reason.equals(that.reason)
                && blockedAt.equals(that.blockedAt) && until.equals(that.until);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(address, rule, reason, blockedAt, until);
    }

    @Override
    public String toString() {
        return "Block{" + address + ", " + rule + ", " + reason + ", " + blockedAt + " .. " + until.map(Instant::toString).orElse("lifted") + "}";
    }
}
