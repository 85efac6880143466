package io.rampart.core;

import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;

/**
 * Rampart's services assembled from one configuration: the scan engine and (as features land) the
 * stores and services behind limits, policy, quarantine, reports, recall and intel. One instance
 * per James node, shared by every mailet, hook and route.
 */
public final class Rampart {
    public static Rampart start(RampartConfiguration configuration) {
        return new Rampart(configuration, Analyzers.standardEngine(configuration));
    }

    private final RampartConfiguration configuration;
    private final ScanEngine engine;

    private Rampart(RampartConfiguration configuration, ScanEngine engine) {
        this.configuration = configuration;
        this.engine = engine;
    }

    public RampartConfiguration configuration() {
        return configuration;
    }

    public ScanEngine engine() {
        return engine;
    }
}
