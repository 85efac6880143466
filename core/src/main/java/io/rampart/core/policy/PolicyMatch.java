package io.rampart.core.policy;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A rule that matched a mail, with the evidence (which keyword, where). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PolicyMatch {
    public static PolicyMatch of(PolicyRule rule, String evidence) {
        return new PolicyMatch(rule.name(), rule.action(), evidence, rule.notice());
    }

    private final String rule;
    private final PolicyAction action;
    private final String evidence;
    private final Optional<String> notice;

    private PolicyMatch(String rule, PolicyAction action, String evidence, Optional<String> notice) {
        this.rule = Objects.requireNonNull(rule);
        this.action = Objects.requireNonNull(action);
        this.evidence = Objects.requireNonNull(evidence);
        this.notice = Objects.requireNonNull(notice);
    }

    @JsonProperty("rule")
    public String rule() {
        return rule;
    }

    public PolicyAction action() {
        return action;
    }

    @JsonProperty("evidence")
    public String evidence() {
        return evidence;
    }

    public Optional<String> notice() {
        return notice;
    }

    @JsonProperty("action")
    String jsonAction() {
        return action.asString();
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof PolicyMatch) {
            PolicyMatch that = (PolicyMatch) o;
            return rule.equals(that.rule) && action == that.action && evidence.equals(that.evidence) && notice.equals(that.notice);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(rule, action, evidence, notice);
    }

    @Override
    public String toString() {
        return rule + "(" + action.asString() + "): " + evidence;
    }
}
