package io.rampart.core.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Preconditions;

import io.rampart.core.flow.Flow;
import io.rampart.core.limits.LimitAction;

/**
 * An internal-threat alert for the security mailbox and {@code GET /rampart/alerts}: the user, the
 * rule ({@code limit.recipientsPerDay}, {@code behaviour.sameMessage}...), the evidence, how many
 * colleagues the sending reached, when, and what Rampart did. A mail bomb ({@code inbound.mail-flood}) is listed
 * here too, its user the flooded recipient (its mail to the security mailbox is written by the scan mailet).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Alert {
    public static Alert of(String user, String rule, String evidence, int colleaguesReached, Instant time,
                           LimitAction action, Optional<Flow> flow) {
        return new Alert(UUID.randomUUID().toString(), user, rule, evidence, colleaguesReached, time, action, flow);
    }

    @JsonCreator
    static Alert fromJson(@JsonProperty("id") String id, @JsonProperty("user") String user,
                          @JsonProperty("rule") String rule, @JsonProperty("evidence") String evidence,
                          @JsonProperty("colleaguesReached") int colleaguesReached, @JsonProperty("time") String time,
                          @JsonProperty("action") String action, @JsonProperty("flow") String flow) {
        return new Alert(id, user, rule, evidence, colleaguesReached, Instant.parse(time), LimitAction.parse(action),
            Optional.ofNullable(flow).map(Flow::parse));
    }

    private final String id;
    private final String user;
    private final String rule;
    private final String evidence;
    private final int colleaguesReached;
    private final Instant time;
    private final LimitAction action;
    private final Optional<Flow> flow;

    private Alert(String id, String user, String rule, String evidence, int colleaguesReached, Instant time,
                  LimitAction action, Optional<Flow> flow) {
        Preconditions.checkArgument(user != null && !user.isBlank(), "user must not be blank");
        Preconditions.checkArgument(rule != null && !rule.isBlank(), "rule must not be blank");
        Preconditions.checkArgument(colleaguesReached >= 0, "colleaguesReached must not be negative, got %s", colleaguesReached);
        this.id = Objects.requireNonNull(id, "id");
        this.user = user;
        this.rule = rule;
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.colleaguesReached = colleaguesReached;
        this.time = Objects.requireNonNull(time, "time");
        this.action = Objects.requireNonNull(action, "action");
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    @JsonProperty("user")
    public String user() {
        return user;
    }

    @JsonProperty("rule")
    public String rule() {
        return rule;
    }

    @JsonProperty("evidence")
    public String evidence() {
        return evidence;
    }

    @JsonProperty("colleaguesReached")
    public int colleaguesReached() {
        return colleaguesReached;
    }

    public Instant time() {
        return time;
    }

    public LimitAction action() {
        return action;
    }

    public Optional<Flow> flow() {
        return flow;
    }

    /** Subject of the mail to the security mailbox. */
    public String mailSubject() {
        return "[Rampart] " + rule + " by " + user + " (" + action.asString() + ")";
    }

    /** Body of the mail to the security mailbox: user, rule, evidence, colleagues reached, action. */
    public String mailBody() {
        return "Rampart detected unusual sending.\n\n"
            + "User:               " + user + "\n"
            + "Rule:               " + rule + "\n"
            + "Evidence:           " + evidence + "\n"
            + "Colleagues reached: " + colleaguesReached + "\n"
            + "Time:               " + time + "\n"
            + flow.map(f -> "Flow:               " + f.asString() + "\n").orElse("")
            + "Action taken:       " + describeAction() + "\n\n"
            + "Review: GET /rampart/alerts, GET /rampart/audit, GET /rampart/senders/blocked "
            + "(lift a block with DELETE /rampart/senders/blocked/" + user + ").\n";
    }

    private String describeAction() {
        switch (action) {
            case BLOCK:
                return "sender blocked, mail held for audit";
            case HOLD:
                return "mail held for audit";
            case ALERT:
            default:
                return "alert only, mail delivered";
        }
    }

    @JsonProperty("time")
    String jsonTime() {
        return time.toString();
    }

    @JsonProperty("action")
    String jsonAction() {
        return action.asString();
    }

    @JsonProperty("flow")
    String jsonFlow() {
        return flow.map(Flow::asString).orElse(null);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Alert) {
            Alert that = (Alert) o;
            return id.equals(that.id) && user.equals(that.user) && rule.equals(that.rule) && evidence.equals(that.evidence)
                && colleaguesReached == that.colleaguesReached && time.equals(that.time) && action == that.action
                && flow.equals(that.flow);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, user, rule, evidence, colleaguesReached, time, action, flow);
    }

    @Override
    public String toString() {
        return "Alert{" + rule + " by " + user + ": " + evidence + ", colleagues=" + colleaguesReached + ", " + action.asString() + "}";
    }
}
