package io.rampart.core.feedback;

import java.util.Objects;

import io.rampart.core.reports.MemoryRecallCandidates;
import io.rampart.core.reports.MemoryReportStore;
import io.rampart.core.reports.RecallCandidates;
import io.rampart.core.reports.ReportStore;

/**
 * The state behind quarantine review and reports: allow list, local indicators, the learner, reports
 * and recall candidates. {@link #memory()} for one node; a shared backend supplies its own.
 */
public final class FeedbackStores {
    public static FeedbackStores memory() {
        return new FeedbackStores(new MemoryAllowList(), new MemoryLocalIndicators(), new RecordingLearner(),
            new MemoryReportStore(), new MemoryRecallCandidates());
    }

    /** The same stores, learning through {@code other}. */
    public FeedbackStores withLearner(Learner other) {
        return new FeedbackStores(allowList, indicators, other, reports, recallCandidates);
    }

    private final AllowList allowList;
    private final LocalIndicators indicators;
    private final Learner learner;
    private final ReportStore reports;
    private final RecallCandidates recallCandidates;

    public FeedbackStores(AllowList allowList, LocalIndicators indicators, Learner learner, ReportStore reports,
                          RecallCandidates recallCandidates) {
        this.allowList = Objects.requireNonNull(allowList);
        this.indicators = Objects.requireNonNull(indicators);
        this.learner = Objects.requireNonNull(learner);
        this.reports = Objects.requireNonNull(reports);
        this.recallCandidates = Objects.requireNonNull(recallCandidates);
    }

    public AllowList allowList() {
        return allowList;
    }

    public LocalIndicators indicators() {
        return indicators;
    }

    public Learner learner() {
        return learner;
    }

    public ReportStore reports() {
        return reports;
    }

    public RecallCandidates recallCandidates() {
        return recallCandidates;
    }
}
