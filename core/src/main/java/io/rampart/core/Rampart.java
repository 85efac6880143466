package io.rampart.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.rampart.core.alert.AlertStore;
import io.rampart.core.audit.AuditStore;
import io.rampart.core.behaviour.AbnormalSendingDetector;
import io.rampart.core.block.BlockService;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.intel.IndicatorStore;
import io.rampart.core.intel.IntelService;
import io.rampart.core.intel.StateIndicatorStore;
import io.rampart.core.ledger.Ledger;
import io.rampart.core.ledger.StateLedger;
import io.rampart.core.recall.RecallService;
import io.rampart.core.recall.StateRecallStore;
import io.rampart.core.sender.People;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.internalthreat.InternalThreatServices;
import io.rampart.core.limits.LimitService;
import io.rampart.core.policy.PolicyService;
import io.rampart.core.reports.ReportService;
import io.rampart.core.state.StateStore;
import io.rampart.core.state.StateStores;

/**
 * Rampart's services assembled from one configuration: the scan engine and (as features land) the
 * stores and services behind limits, policy, quarantine, reports, recall and intel. One instance
 * per James node, shared by every mailet, hook and route. Everything Rampart remembers (limits,
 * blocks, alerts, baselines, audit records, the delivery ledger, reports, recall records and
 * candidates, threat and local indicators, the allow list) goes through one {@link StateStore}
 * ({@code state.backend}), so several James nodes on Redis share it.
 */
public final class Rampart implements AutoCloseable {
    /** Opens the state store from {@code state.*}; the system clock, no policy reload. */
    public static Rampart start(RampartConfiguration configuration) {
        return start(configuration, Optional.empty(), Clock.systemUTC());
    }

    /**
     * Opens the state store from {@code state.*} and builds every store over it (feedback with
     * {@link #defaultFeedback}); {@link #close()} closes it. {@code file}: where
     * {@code POST /rampart/policy?action=reload} re-reads the policy (empty: no reload).
     */
    public static Rampart start(RampartConfiguration configuration, Optional<Path> file, Clock clock) {
        StateStore state = StateStores.open(configuration.state());
        try {
            return start(configuration, state, defaultFeedback(configuration, state), file, clock);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /** The feedback stores over {@code state}; confirmed reports and releases train the shipped (or configured) model when there is one. */
    public static FeedbackStores defaultFeedback(RampartConfiguration configuration, StateStore state) {
        FeedbackStores stores = FeedbackStores.over(state);
        return io.rampart.core.model.Models.forSettings(configuration.detection())
            .map(model -> {
                // A report is rare: scanning it again without the model, for the rules it learns beside the text, is
                // cheap; the engine for it is built at the first report, not at start.
                com.google.common.base.Supplier<io.rampart.core.engine.ScanEngine> rules = com.google.common.base.Suppliers
                    .memoize(() -> new io.rampart.core.engine.ScanEngine(configuration,
                        io.rampart.core.engine.Analyzers.standard(configuration, Optional.empty())));
                io.rampart.core.analysis.ScanContext context = io.rampart.core.analysis.ScanContext.builder().build();
                return stores.withLearner(new io.rampart.core.model.ModelLearner(model,
                    new io.rampart.core.message.MessageParser(configuration.scan().parserLimits()),
                    raw -> io.rampart.core.model.FeatureExtractor.ruleFeatures(rules.get().scanInline(raw, context).findings())));
            })
            .orElse(stores);
    }

    /**
     * Over an open state store, which this Rampart then owns ({@link #close()} closes it): the delivery
     * ledger, recall records and threat indicators are built over it, and {@code feedback} should be
     * too (see {@link #defaultFeedback}), so that with Redis every James node shares all of them.
     */
    public static Rampart start(RampartConfiguration configuration, StateStore state, FeedbackStores feedback,
                                Optional<Path> file, Clock clock) {
        Ledger ledger = new StateLedger(state);
        RecallService recalls = new RecallService(configuration.recall(), ledger, new StateRecallStore(state, clock), clock);
        IndicatorStore indicators = new StateIndicatorStore(state, clock);
        IntelService intel = new IntelService(configuration.intel(), indicators, recalls, clock);
        People people = People.from(configuration.detection(), state);
        return new Rampart(configuration, Analyzers.standardEngine(configuration, feedback, indicators, people,
            new io.rampart.core.links.DomainHistory(state), state.windows()), feedback, state, file, clock, ledger, recalls, intel,
            people);
    }

    private final RampartConfiguration configuration;
    private final ScanEngine engine;
    private final FeedbackStores feedback;
    private final ReportService reports;
    // RAMPART internal threat (issue 5): one state store, the services built over it
    private final StateStore state;
    private final Clock clock;
    private final InternalThreatServices internalThreat;
    // RAMPART recall (issue 7): delivery ledger, recalls, threat intelligence
    private final Ledger ledger;
    private final RecallService recalls;
    private final IntelService intel;
    private final People people;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Rampart(RampartConfiguration configuration, ScanEngine engine, FeedbackStores feedback, StateStore state,
                    Optional<Path> file, Clock clock, Ledger ledger, RecallService recalls, IntelService intel,
                    People people) {
        this.configuration = configuration;
        this.engine = engine;
        this.feedback = feedback;
        this.reports = new ReportService(configuration.reports(), feedback, clock);
        this.state = state;
        this.clock = clock;
        this.internalThreat = InternalThreatServices.create(configuration, state, clock, file, people);
        this.ledger = ledger;
        this.recalls = recalls;
        this.intel = intel;
        this.people = people;
    }

    /** Allow list, local indicators, learner, reports and recall candidates. */
    public FeedbackStores feedback() {
        return feedback;
    }

    /** User and admin reports, campaigns and recall candidates. */
    public ReportService reports() {
        return reports;
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

    /** The organisation's people's names (configured and learnt), which outsiders must not write under. */
    public People people() {
        return people;
    }

    public RampartConfiguration configuration() {
        return configuration;
    }

    public ScanEngine engine() {
        return engine;
    }

    /** The shared state store ({@code state.backend}). */
    public StateStore state() {
        return state;
    }

    public Clock clock() {
        return clock;
    }

    /** Blocked senders (refused at SMTP MAIL FROM). */
    public BlockService blocks() {
        return internalThreat.blocks();
    }

    /** Limit and abnormal-sending alerts. */
    public AlertStore alerts() {
        return internalThreat.alerts();
    }

    /** Per-user send limits. */
    public LimitService limits() {
        return internalThreat.limits();
    }

    /** Abnormal sending rules. */
    public AbnormalSendingDetector detector() {
        return internalThreat.detector();
    }

    /** Domain and keyword policies per flow, reloadable. */
    public PolicyService policy() {
        return internalThreat.policy();
    }

    /** Audit-hold records (the mail waits in {@code quarantine.auditRepository}). */
    public AuditStore audit() {
        return internalThreat.audit();
    }

    /** Closes the state store (the Redis connections); once, however often it is called. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            state.close();
        }
    }
}
