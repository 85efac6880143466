package io.rampart.core.behaviour;

import java.time.Duration;

import io.rampart.core.limits.LimitAction;

/** The abnormal-sending rules, with their configuration names and built-in defaults. */
public enum BehaviourRule {
    /** Recipients of one mail far above the user's own average (threshold: a factor). */
    FAN_OUT("fanOut", 10, LimitAction.HOLD, Duration.ofHours(1)),
    /** Internal recipients the user never wrote to before, within the window (threshold: a count). */
    FIRST_CONTACT_BURST("firstContactBurst", 20, LimitAction.HOLD, Duration.ofHours(1)),
    /** Colleagues who got the same content from the user within the window (threshold: a count). */
    SAME_MESSAGE("sameMessage", 30, LimitAction.HOLD, Duration.ofHours(1)),
    /** Recipients reached outside working hours within the window (threshold: a count). */
    OFF_HOURS("offHours", 20, LimitAction.ALERT, Duration.ofHours(1)),
    /** Internal mails the content scan calls phishing, within the window (threshold: a count). */
    INTERNAL_PHISHING("internalPhishing", 1, LimitAction.HOLD, Duration.ofDays(1)),
    /** Display names of departments or executives from an address not theirs, within the window (threshold: a count). */
    IMPERSONATION("impersonation", 1, LimitAction.HOLD, Duration.ofDays(1));

    private final String key;
    private final double defaultThreshold;
    private final LimitAction defaultAction;
    private final Duration defaultWindow;

    BehaviourRule(String key, double defaultThreshold, LimitAction defaultAction, Duration defaultWindow) {
        this.key = key;
        this.defaultThreshold = defaultThreshold;
        this.defaultAction = defaultAction;
        this.defaultWindow = defaultWindow;
    }

    /** The configuration and alert name: {@code behaviour.<key>.*}, alert rule {@code behaviour.<key>}. */
    public String key() {
        return key;
    }

    public String alertRule() {
        return "behaviour." + key;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    public LimitAction defaultAction() {
        return defaultAction;
    }

    public Duration defaultWindow() {
        return defaultWindow;
    }
}
