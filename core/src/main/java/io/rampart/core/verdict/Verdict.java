package io.rampart.core.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Finding;

/**
 * The outcome of scanning one message: class, total score, the findings that produced it, the
 * URLs and attachment hashes seen, whether the scan was complete, and how long it took.
 */
public final class Verdict {
    public static Verdict of(VerdictClass verdictClass, double score, double threshold, List<Finding> findings,
                             Set<String> urls, Set<String> hashes, List<String> incompleteReasons, long millis) {
        return new Verdict(verdictClass, score, threshold, findings, urls, hashes, incompleteReasons, millis);
    }

    private final VerdictClass verdictClass;
    private final double score;
    private final double threshold;
    private final ImmutableList<Finding> findings;
    private final ImmutableSet<String> urls;
    private final ImmutableSet<String> hashes;
    private final ImmutableList<String> incompleteReasons;
    private final long millis;

    private Verdict(VerdictClass verdictClass, double score, double threshold, List<Finding> findings,
                    Set<String> urls, Set<String> hashes, List<String> incompleteReasons, long millis) {
        this.verdictClass = Objects.requireNonNull(verdictClass);
        this.score = score;
        this.threshold = threshold;
        this.findings = ImmutableList.copyOf(findings);
        this.urls = ImmutableSet.copyOf(urls);
        this.hashes = ImmutableSet.copyOf(hashes);
        this.incompleteReasons = ImmutableList.copyOf(incompleteReasons);
        this.millis = millis;
    }

    public VerdictClass verdictClass() {
        return verdictClass;
    }

    public double score() {
        return score;
    }

    public double threshold() {
        return threshold;
    }

    public ImmutableList<Finding> findings() {
        return findings;
    }

    /** Rule ids of the findings that scored, highest contribution first, without duplicates. */
    public List<String> rules() {
        return findings.stream()
            .filter(f -> f.score() != 0)
            .sorted(Comparator.comparingDouble((Finding f) -> -Math.abs(f.score())))
            .map(Finding::rule)
            .distinct()
            .collect(Collectors.toList());
    }

    public ImmutableSet<String> urls() {
        return urls;
    }

    public ImmutableSet<String> hashes() {
        return hashes;
    }

    public boolean complete() {
        return incompleteReasons.isEmpty();
    }

    public ImmutableList<String> incompleteReasons() {
        return incompleteReasons;
    }

    public long millis() {
        return millis;
    }

    public String formattedScore() {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /**
     * The X-Rampart-Verdict header value: {@code <class>; score=<n>; rules=<ids>}, and {@code ; incomplete}
     * when the mail was not fully scanned (a cap, the time budget, a broken part: the reasons are in
     * {@code rampart.reason}), so that a delivered mail says it was judged on part of its content.
     */
    public String headerValue() {
        List<String> rules = rules();
        return verdictClass.asString() + "; score=" + formattedScore()
            + "; rules=" + (rules.isEmpty() ? "none" : String.join(",", rules.subList(0, Math.min(rules.size(), 12))))
            + (complete() ? "" : "; incomplete");
    }

    /** One line a person can read: the class, the score against the threshold, and the top reasons. */
    public String reason() {
        List<Finding> top = findings.stream()
            .filter(f -> f.score() > 0)
            .sorted(Comparator.comparingDouble((Finding f) -> -f.score()))
            .limit(3)
            .collect(Collectors.toList());
        StringBuilder line = new StringBuilder(verdictClass.asString())
            .append(" (score ").append(formattedScore())
            .append(verdictClass == VerdictClass.CLEAN ? " < " : " >= ")
            .append(String.format(Locale.ROOT, "%.2f", threshold)).append(")");
        if (!top.isEmpty()) {
            line.append(": ").append(top.stream().map(f -> f.rule() + " [" + f.detail() + "]")
                .collect(Collectors.joining("; ")));
        }
        if (!complete()) {
            line.append("; not fully scanned: ").append(String.join("; ", incompleteReasons));
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return reason();
    }
}
