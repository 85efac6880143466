package io.rampart.core;

import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.reports.ReportService;

/**
 * Rampart's services assembled from one configuration: the scan engine and (as features land) the
 * stores and services behind limits, policy, quarantine, reports, recall and intel. One instance
 * per James node, shared by every mailet, hook and route.
 */
public final class Rampart {
    public static Rampart start(RampartConfiguration configuration) {
        FeedbackStores memory = FeedbackStores.memory();
        // Confirmed reports and releases train the shipped (or configured) model when there is one.
        FeedbackStores feedback = io.rampart.core.model.Models.forSettings(configuration.detection())
            .map(model -> memory.withLearner(new io.rampart.core.model.ModelLearner(model,
                new io.rampart.core.message.MessageParser(configuration.scan().parserLimits()))))
            .orElse(memory);
        return start(configuration, feedback);
    }

    public static Rampart start(RampartConfiguration configuration, FeedbackStores feedback) {
        return new Rampart(configuration, Analyzers.standardEngine(configuration, feedback), feedback);
    }

    private final RampartConfiguration configuration;
    private final ScanEngine engine;
    private final FeedbackStores feedback;
    private final ReportService reports;

    private Rampart(RampartConfiguration configuration, ScanEngine engine, FeedbackStores feedback) {
        this.configuration = configuration;
        this.engine = engine;
        this.feedback = feedback;
        this.reports = new ReportService(configuration.reports(), feedback, java.time.Clock.systemUTC());
    }

    /** Allow list, local indicators, learner, reports and recall candidates. */
    public FeedbackStores feedback() {
        return feedback;
    }

    /** User and admin reports, campaigns and recall candidates. */
    public ReportService reports() {
        return reports;
    }

    public RampartConfiguration configuration() {
        return configuration;
    }

    public ScanEngine engine() {
        return engine;
    }
}
