package io.rampart.core.behaviour;

import java.util.Objects;

import io.rampart.core.limits.LimitAction;

/** One abnormal-sending rule that fired: the evidence, how many colleagues were reached, the action. */
public final class Detection {
    public static Detection of(BehaviourRule rule, String evidence, int colleaguesReached, LimitAction action) {
        return new Detection(rule, evidence, colleaguesReached, action);
    }

    private final BehaviourRule rule;
    private final String evidence;
    private final int colleaguesReached;
    private final LimitAction action;

    private Detection(BehaviourRule rule, String evidence, int colleaguesReached, LimitAction action) {
        this.rule = Objects.requireNonNull(rule);
        this.evidence = Objects.requireNonNull(evidence);
        this.colleaguesReached = colleaguesReached;
        this.action = Objects.requireNonNull(action);
    }

    public BehaviourRule rule() {
        return rule;
    }

    public String evidence() {
        return evidence;
    }

    public int colleaguesReached() {
        return colleaguesReached;
    }

    public LimitAction action() {
        return action;
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Detection) {
            Detection that = (Detection) o;
            return rule == that.rule && evidence.equals(that.evidence) && colleaguesReached == that.colleaguesReached
                && action == that.action;
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(rule, evidence, colleaguesReached, action);
    }

    @Override
    public String toString() {
        return rule.key() + "(" + action.asString() + ", colleagues=" + colleaguesReached + "): " + evidence;
    }
}
