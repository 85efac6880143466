package io.rampart.core.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;

import io.rampart.core.flow.Action;
import io.rampart.core.flow.Flow;
import io.rampart.core.verdict.VerdictClass;

/**
 * {@code flow.<inbound|outbound|internal>.*}: the score threshold, the action per verdict class and
 * (inbound only) the score at which mail is refused during the SMTP transaction.
 */
public final class FlowSettings {
    public static final double DEFAULT_THRESHOLD = 5.0;
    public static final Action DEFAULT_ACTION = Action.QUARANTINE;

    public static FlowSettings from(ConfigReader reader, Flow flow) {
        String prefix = "flow." + flow.asString() + ".";
        double threshold = reader.decimal(prefix + "threshold", DEFAULT_THRESHOLD, 0.1, 1_000_000);
        Map<VerdictClass, Action> actions = new EnumMap<>(VerdictClass.class);
        for (VerdictClass verdictClass : VerdictClass.values()) {
            if (verdictClass == VerdictClass.CLEAN) {
                continue;
            }
            String key = prefix + "action." + verdictClass.asString();
            Action action = reader.parsed(key, DEFAULT_ACTION, Action::parse,
                "one of deliver, junk, quarantine, hold, drop");
            if (action == Action.JUNK && flow == Flow.OUTBOUND) {
                throw reader.error(key, "junk", "an action other than junk: outbound recipients have no local Junk folder");
            }
            actions.put(verdictClass, action);
        }
        Optional<Double> rejectScore = Optional.empty();
        String rejectKey = prefix + "rejectScore";
        if (flow == Flow.INBOUND) {
            String raw = reader.string(rejectKey, "off");
            if (!raw.equalsIgnoreCase("off")) {
                rejectScore = Optional.of(reader.parsed(rejectKey, 0.0, Double::parseDouble, "off or a number"));
                if (rejectScore.get() < threshold) {
                    throw reader.error(rejectKey, raw, "off or a number not below " + prefix + "threshold (" + threshold + ")");
                }
            }
        } else if (reader.optionalString(rejectKey).isPresent()) {
            throw reader.error(rejectKey, "only the inbound flow rejects during SMTP");
        }
        return new FlowSettings(flow, threshold, ImmutableMap.copyOf(actions), rejectScore);
    }

    private final Flow flow;
    private final double threshold;
    private final ImmutableMap<VerdictClass, Action> actions;
    private final Optional<Double> rejectScore;

    public FlowSettings(Flow flow, double threshold, ImmutableMap<VerdictClass, Action> actions,
                        Optional<Double> rejectScore) {
        this.flow = flow;
        this.threshold = threshold;
        this.actions = actions;
        this.rejectScore = rejectScore;
    }

    public Flow flow() {
        return flow;
    }

    public double threshold() {
        return threshold;
    }

    public Action action(VerdictClass verdictClass) {
        return verdictClass == VerdictClass.CLEAN ? Action.DELIVER : actions.getOrDefault(verdictClass, DEFAULT_ACTION);
    }

    public ImmutableMap<VerdictClass, Action> actions() {
        return actions;
    }

    /** Inbound mail at or above this score is refused at the end of DATA; empty when off. */
    public Optional<Double> rejectScore() {
        return rejectScore;
    }
}
