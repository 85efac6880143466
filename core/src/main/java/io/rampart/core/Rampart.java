package io.rampart.core;

import java.time.Clock;

import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.intel.IndicatorStore;
import io.rampart.core.intel.IntelService;
import io.rampart.core.intel.MemoryIndicatorStore;
import io.rampart.core.ledger.Ledger;
import io.rampart.core.ledger.MemoryLedger;
import io.rampart.core.recall.MemoryRecallStore;
import io.rampart.core.recall.RecallService;
import io.rampart.core.recall.RecallStore;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;

/**
 * Rampart's services assembled from one configuration: the scan engine and (as features land) the
 * stores and services behind limits, policy, quarantine, reports, recall and intel. One instance
 * per James node, shared by every mailet, hook and route.
 */
public final class Rampart {
    public static Rampart start(RampartConfiguration configuration) {
        return start(configuration, new MemoryLedger(), new MemoryRecallStore(), new MemoryIndicatorStore());
    }

    /** With the given stores (memory or shared). */
    public static Rampart start(RampartConfiguration configuration, Ledger ledger, RecallStore recallStore,
                                IndicatorStore indicatorStore) {
        Clock clock = Clock.systemUTC();
        RecallService recalls = new RecallService(configuration.recall(), ledger, recallStore, clock);
        IntelService intel = new IntelService(configuration.intel(), indicatorStore, recalls, clock);
        return new Rampart(configuration, Analyzers.standardEngine(configuration, indicatorStore), ledger, recalls, intel);
    }

    private final RampartConfiguration configuration;
    private final ScanEngine engine;
    private final Ledger ledger;
    private final RecallService recalls;
    private final IntelService intel;

    private Rampart(RampartConfiguration configuration, ScanEngine engine, Ledger ledger, RecallService recalls,
                    IntelService intel) {
        this.configuration = configuration;
        this.engine = engine;
        this.ledger = ledger;
        this.recalls = recalls;
        this.intel = intel;
    }

    /** Every delivery Rampart saw (message trace, recall planning). */
    public Ledger ledger() {
        return ledger;
    }

    public RecallService recalls() {
        return recalls;
    }

    public IntelService intel() {
        return intel;
    }

    public RampartConfiguration configuration() {
        return configuration;
    }

    public ScanEngine engine() {
        return engine;
    }
}
