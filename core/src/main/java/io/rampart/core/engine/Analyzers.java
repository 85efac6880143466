package io.rampart.core.engine;

import java.util.List;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.feedback.LocalIndicatorAnalyzer;
import io.rampart.core.signatures.TestSignatureAnalyzer;

/** The standard analyzer chain, in the order they run. Every analysis family registers here. */
public final class Analyzers {
    private Analyzers() {
    }

    public static List<Analyzer> standard(RampartConfiguration configuration) {
        return standard(configuration, FeedbackStores.memory());
    }

    public static List<Analyzer> standard(RampartConfiguration configuration, FeedbackStores feedback) {
        return ImmutableList.<Analyzer>builder()
            .add(new TestSignatureAnalyzer())
            .add(new LocalIndicatorAnalyzer(feedback.indicators(), feedback.allowList()))
            .build();
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration) {
        return standardEngine(configuration, FeedbackStores.memory());
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration, FeedbackStores feedback) {
        return new ScanEngine(configuration, standard(configuration, feedback));
    }
}
