package io.rampart.core.verdict;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

/**
 * Turns findings into a class: below the flow's threshold the mail is clean; at or above it, the
 * class is the threat category with the largest share of the score (severity breaks ties). A
 * malware finding that alone reaches the threshold always makes the mail {@code malware}.
 */
public final class VerdictPolicy {
    private VerdictPolicy() {
    }

    public static double total(List<Finding> findings) {
        return findings.stream().mapToDouble(Finding::score).sum();
    }

    public static VerdictClass classify(List<Finding> findings, double threshold) {
        double total = total(findings);
        if (total < threshold) {
            return VerdictClass.CLEAN;
        }
        Map<VerdictClass, Double> byClass = new EnumMap<>(VerdictClass.class);
        for (Finding finding : findings) {
            if (finding.score() > 0 && finding.category() != Category.INFO && finding.category() != Category.HAM) {
                byClass.merge(finding.category().verdictClass(), finding.score(), Double::sum);
            }
        }
        if (byClass.getOrDefault(VerdictClass.MALWARE, 0.0) >= threshold) {
            return VerdictClass.MALWARE;
        }
        VerdictClass best = VerdictClass.SPAM;
        double bestScore = -1;
        for (VerdictClass candidate : new VerdictClass[] {VerdictClass.SPAM, VerdictClass.POLICY,
            VerdictClass.PHISH, VerdictClass.MALWARE}) {
            double score = byClass.getOrDefault(candidate, 0.0);
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
