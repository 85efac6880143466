package io.rampart.core.analysis;

import java.util.Objects;

import com.google.common.base.Preconditions;

/**
 * One piece of evidence: a rule id (dotted, e.g. {@code link.ip-host}), its score contribution,
 * the threat category it supports and a human-readable detail naming the part, URL or header.
 */
public final class Finding {
    public static final int MAX_DETAIL_LENGTH = 300;

    public static Finding of(String rule, double score, Category category, String detail) {
        return new Finding(rule, score, category, detail);
    }

    private final String rule;
    private final double score;
    private final Category category;
    private final String detail;

    private Finding(String rule, double score, Category category, String detail) {
        Preconditions.checkArgument(rule != null && !rule.isBlank(), "rule must not be blank");
        Preconditions.checkArgument(Double.isFinite(score), "score of '%s' must be finite", rule);
        this.rule = rule;
        this.score = score;
        this.category = Objects.requireNonNull(category, "category");
        String safeDetail = detail == null ? "" : detail.replaceAll("[\\r\\n\\t]+", " ");
        this.detail = safeDetail.length() > MAX_DETAIL_LENGTH
            ? safeDetail.substring(0, MAX_DETAIL_LENGTH - 3) + "..."
            : safeDetail;
    }

    public String rule() {
        return rule;
    }

    public double score() {
        return score;
    }

    public Category category() {
        return category;
    }

    public String detail() {
        return detail;
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Finding) {
            Finding that = (Finding) o;
            return Double.compare(score, that.score) == 0
                && rule.equals(that.rule)
                && category == that.category
                && detail.equals(that.detail);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(rule, score, category, detail);
    }

    @Override
    public String toString() {
        return rule + "(" + score + ", " + category + "): " + detail;
    }
}
