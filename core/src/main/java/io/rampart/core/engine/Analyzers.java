package io.rampart.core.engine;

import java.util.List;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.attachments.AttachmentAnalyzer;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.signatures.TestSignatureAnalyzer;

/** The standard analyzer chain, in the order they run. Every analysis family registers here. */
public final class Analyzers {
    private Analyzers() {
    }

    public static List<Analyzer> standard(RampartConfiguration configuration) {
        return ImmutableList.<Analyzer>builder()
            .add(new TestSignatureAnalyzer())
            // Link analysis plugs in here: new AttachmentAnalyzer(configuration.attachments(), <UrlInspector>).
            .add(new AttachmentAnalyzer(configuration.attachments()))
            .build();
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration) {
        return new ScanEngine(configuration, standard(configuration));
    }
}
