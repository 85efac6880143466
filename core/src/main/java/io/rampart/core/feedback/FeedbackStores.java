package io.rampart.core.feedback;

import java.util.Objects;

import io.rampart.core.reports.RecallCandidates;
import io.rampart.core.reports.ReportStore;
import io.rampart.core.reports.StateRecallCandidates;
import io.rampart.core.reports.StateReportStore;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.state.StateStore;

/**
 * The state behind quarantine review and reports: allow list, local indicators, the learner, reports
 * and recall candidates. {@link #over} a state store (shared by every James node on Redis);
 * {@link #memory()} for a scan that keeps nothing (the command line, tests).
 */
public final class FeedbackStores {
    /** The stores in {@code state}; the learner only records (see {@link #withLearner}). */
    public static FeedbackStores over(StateStore state) {
        return new FeedbackStores(new StateAllowList(state), new StateLocalIndicators(state), new RecordingLearner(),
            new StateReportStore(state), new StateRecallCandidates(state));
    }

    /** The stores in a memory state store of their own (one node, lost on exit). */
    public static FeedbackStores memory() {
        return over(new MemoryStateStore());
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
