package io.rampart.core.policy;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.flow.Flow;

/**
 * The policy outcome for one mail. {@link #allowed()}: an allow rule matched, every other rule is
 * ignored and the mail bypasses Rampart's content verdict. Otherwise {@link #decisiveAction()} is
 * the most severe action among the matches, and {@link #notifyAdmin()} says whether a
 * {@code notify} rule matched.
 */
public final class PolicyResult {
    public static PolicyResult of(Flow flow, ImmutableList<PolicyMatch> matches) {
        ImmutableList<PolicyMatch> allows = matches.stream().filter(m -> m.action() == PolicyAction.ALLOW)
            .collect(ImmutableList.toImmutableList());
        return new PolicyResult(flow, allows.isEmpty() ? matches : allows);
    }

    public static PolicyResult none(Flow flow) {
        return new PolicyResult(flow, ImmutableList.of());
    }

    private final Flow flow;
    private final ImmutableList<PolicyMatch> matches;

    private PolicyResult(Flow flow, ImmutableList<PolicyMatch> matches) {
        this.flow = Objects.requireNonNull(flow);
        this.matches = matches;
    }

    public Flow flow() {
        return flow;
    }

    /** The matching rules (only the allow rules when one matched), in rule-name order. */
    public ImmutableList<PolicyMatch> matches() {
        return matches;
    }

    public boolean allowed() {
        return matches.stream().anyMatch(m -> m.action() == PolicyAction.ALLOW);
    }

    /** The most severe of tag, junk, hold, quarantine, reject among the matches. */
    public Optional<PolicyAction> decisiveAction() {
        return decisiveMatch().map(PolicyMatch::action);
    }

    /** The match that decides (the first by rule name among the most severe). */
    public Optional<PolicyMatch> decisiveMatch() {
        return matches.stream().filter(m -> m.action().severity() > 0)
            .max(Comparator.comparingInt((PolicyMatch m) -> m.action().severity()).thenComparing(PolicyMatch::rule, Comparator.reverseOrder()));
    }

    public boolean notifyAdmin() {
        return matches.stream().anyMatch(m -> m.action() == PolicyAction.NOTIFY);
    }

    /** The notice for a reject: the rule's {@code notice}, else a generic text naming the rule. */
    public Optional<String> rejectNotice() {
        return decisiveMatch().filter(m -> m.action() == PolicyAction.REJECT)
            .map(m -> m.notice().orElse("This message was rejected by the mail policy (rule " + m.rule() + ")."));
    }

    /** The matches as POLICY findings (score 0) for the verdict and X-Rampart headers. */
    public ImmutableList<Finding> findings() {
        return matches.stream()
            .map(m -> Finding.of("policy." + m.rule(), 0.0, Category.POLICY, m.action().asString() + ": " + m.evidence()))
            .collect(ImmutableList.toImmutableList());
    }

    public boolean isEmpty() {
        return matches.isEmpty();
    }

    @Override
    public String toString() {
        return "PolicyResult{" + flow.asString() + ", " + matches + "}";
    }
}
