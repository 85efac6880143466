package io.rampart.core.internalthreat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import io.rampart.core.alert.AlertStore;
import io.rampart.core.audit.AuditStore;
import io.rampart.core.behaviour.AbnormalSendingDetector;
import io.rampart.core.block.BlockService;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.limits.LimitService;
import io.rampart.core.policy.PolicyService;
import io.rampart.core.sender.People;
import io.rampart.core.state.StateStore;

/**
 * The internal-threat services wired together over one state store, for the Guice module to bind
 * as singletons (shared by the SMTP hooks, mailets and WebAdmin routes). The caller owns the state
 * store (open it with {@code StateStores.open(configuration.state())}, close it on stop).
 */
public final class InternalThreatServices {
    /**
     * {@code file}: where {@link PolicyService#reload()} re-reads the rules (empty: no reload from file);
     * {@code people}: the colleagues' names that {@code behaviour.impersonation} protects.
     */
    public static InternalThreatServices create(RampartConfiguration configuration, StateStore state, Clock clock,
                                                Optional<Path> file, People people) {
        return new InternalThreatServices(configuration, state, clock, file, people);
    }

    private final BlockService blocks;
    private final AlertStore alerts;
    private final LimitService limits;
    private final AbnormalSendingDetector detector;
    private final PolicyService policy;
    private final AuditStore audit;

    private InternalThreatServices(RampartConfiguration configuration, StateStore state, Clock clock, Optional<Path> file,
                                   People people) {
        this.blocks = new BlockService(state, clock);
        this.alerts = new AlertStore(state, clock);
        this.limits = new LimitService(configuration.limits(), state, blocks, alerts, clock);
        this.detector = new AbnormalSendingDetector(configuration.behaviour(), configuration.limits().blockDuration(), state,
            blocks, alerts, clock, people);
        this.policy = file.map(path -> PolicyService.of(configuration.policy(), path))
            .orElseGet(() -> PolicyService.of(configuration.policy()));
        this.audit = new AuditStore(configuration.audit(), state, clock);
    }

    public BlockService blocks() {
        return blocks;
    }

    public AlertStore alerts() {
        return alerts;
    }

    public LimitService limits() {
        return limits;
    }

    public AbnormalSendingDetector detector() {
        return detector;
    }

    public PolicyService policy() {
        return policy;
    }

    public AuditStore audit() {
        return audit;
    }
}
