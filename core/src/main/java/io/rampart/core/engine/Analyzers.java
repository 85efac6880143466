package io.rampart.core.engine;

import java.util.List;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.intel.IndicatorStore;
import io.rampart.core.intel.IntelAnalyzer;
import io.rampart.core.signatures.TestSignatureAnalyzer;

/** The standard analyzer chain, in the order they run. Every analysis family registers here. */
public final class Analyzers {
    private Analyzers() {
    }

    public static List<Analyzer> standard(RampartConfiguration configuration) {
        return ImmutableList.<Analyzer>builder()
            .add(new TestSignatureAnalyzer())
            .build();
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration) {
        return new ScanEngine(configuration, standard(configuration));
    }

    /** The standard chain plus live threat-intelligence matching against the node's indicator store. */
    public static ScanEngine standardEngine(RampartConfiguration configuration, IndicatorStore indicators) {
        return new ScanEngine(configuration, ImmutableList.<Analyzer>builder()
            .addAll(standard(configuration))
            .add(new IntelAnalyzer(configuration.intel(), indicators))
            .build());
    }
}
