package io.rampart.core.behaviour;

import java.util.Optional;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

import io.rampart.core.alert.Alert;
import io.rampart.core.block.Block;
import io.rampart.core.limits.LimitAction;

/**
 * The detector's outcome for one mail: the rules that fired, the strongest action, the block it
 * placed (if any) and the alerts, with those the security mailbox should be mailed about.
 */
public final class BehaviourDecision {
    public static BehaviourDecision none() {
        return new BehaviourDecision(ImmutableList.of(), Optional.empty(), ImmutableList.of(), ImmutableList.of());
    }

    public static BehaviourDecision of(ImmutableList<Detection> detections, Optional<Block> block,
                                       ImmutableList<Alert> alerts, ImmutableList<Alert> alertsToMail) {
        return new BehaviourDecision(detections, block, alerts, alertsToMail);
    }

    private final ImmutableList<Detection> detections;
    private final Optional<Block> block;
    private final ImmutableList<Alert> alerts;
    private final ImmutableList<Alert> alertsToMail;

    private BehaviourDecision(ImmutableList<Detection> detections, Optional<Block> block, ImmutableList<Alert> alerts,
                              ImmutableList<Alert> alertsToMail) {
        this.detections = detections;
        this.block = block;
        this.alerts = alerts;
        this.alertsToMail = alertsToMail;
    }

    public ImmutableList<Detection> detections() {
        return detections;
    }

    /** The strongest action among the detections; empty when nothing fired. */
    public Optional<LimitAction> action() {
        return detections.stream().map(Detection::action).reduce(LimitAction::atLeast);
    }

    public boolean holdMail() {
        return action().map(LimitAction::holdsMail).orElse(false);
    }

    public Optional<Block> block() {
        return block;
    }

    /** Every alert recorded for this mail (one per detection). */
    public ImmutableList<Alert> alerts() {
        return alerts;
    }

    /** The alerts to mail to the security mailbox now (at most one per user and rule per interval). */
    public ImmutableList<Alert> alertsToMail() {
        return alertsToMail;
    }

    public boolean isEmpty() {
        return detections.isEmpty();
    }

    /** The first detection's rule, for the audit record. */
    public Optional<String> rule() {
        return detections.stream().findFirst().map(d -> d.rule().alertRule());
    }

    public String reason() {
        return detections.stream().map(d -> d.rule().key() + ": " + d.evidence()).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "BehaviourDecision" + detections;
    }
}
