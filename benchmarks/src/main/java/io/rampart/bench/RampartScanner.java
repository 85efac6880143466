package io.rampart.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.flow.Flow;
import io.rampart.core.verdict.Verdict;

/**
 * Rampart's engine as James runs it: every analyzer registered in {@link Analyzers#standardEngine},
 * the shipped defaults (or a given rampart.properties), inbound mail from outside to a local user.
 */
public final class RampartScanner {
    public static final String LOCAL_DOMAIN = "acme-corp.com";

    private final ScanEngine engine;
    private final ScanContext context;

    public RampartScanner(Optional<Path> config) {
        RampartConfiguration configuration = config.map(RampartConfiguration::load)
            .orElseGet(RampartConfiguration::defaults);
        this.engine = Analyzers.standardEngine(configuration);
        this.context = ScanContext.builder()
            .flow(Flow.INBOUND)
            .envelopeSender(Optional.of("sender@example.net"))
            .recipients(List.of("alice@" + LOCAL_DOMAIN))
            .localDomains(java.util.Set.of(LOCAL_DOMAIN))
            .remoteAddress(Optional.of("192.0.2.10"))
            .build();
    }

    public ScanEngine engine() {
        return engine;
    }

    public ScanContext context() {
        return context;
    }

    /** On the calling thread, as the CLI does (no hand-off to the engine's worker pool). */
    public Verdict scanInline(byte[] raw) {
        return engine.scanInline(raw, context);
    }

    /** As the scan mailet does: on the engine's worker pool with the hard time budget. */
    public Verdict scan(byte[] raw) {
        return engine.scan(raw, context);
    }

    public String analyzerNames() {
        return engine.analyzers().stream().map(a -> a.name()).reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
