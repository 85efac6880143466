package io.rampart.core.policy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.google.common.collect.ImmutableList;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.PolicySettings;
import io.rampart.core.config.RampartConfiguration;

/**
 * The live policy: evaluates mail against the current rules and reloads them from
 * {@code rampart.properties} without a restart. A reload parses the whole file strictly; on any
 * error the running rules stay and the {@link ConfigException} (naming file, key and value) is
 * thrown for WebAdmin to answer 400 with.
 */
public final class PolicyService {
    public static PolicyService of(PolicySettings settings) {
        return new PolicyService(settings, Optional.empty());
    }

    public static PolicyService fromFile(Path file) {
        return new PolicyService(RampartConfiguration.load(file).policy(), Optional.of(file));
    }

    public static PolicyService of(PolicySettings settings, Path file) {
        return new PolicyService(settings, Optional.of(file));
    }

    private final AtomicReference<PolicyEvaluator> current;
    private final Optional<Path> file;

    private PolicyService(PolicySettings settings, Optional<Path> file) {
        this.current = new AtomicReference<>(PolicyEvaluator.compile(settings));
        this.file = Objects.requireNonNull(file);
    }

    public PolicyResult evaluate(PolicyInput input) {
        return current.get().evaluate(input);
    }

    /** {@code GET /rampart/policy}: the rules in force (JSON-serializable). */
    public ImmutableList<PolicyRule> rules() {
        return current.get().rules();
    }

    /** Re-reads the file; on success the new rules apply to the next mail and are returned. */
    public ImmutableList<PolicyRule> reload() {
        Path path = file.orElseThrow(() -> new IllegalStateException("this policy was not loaded from a file"));
        return reload(RampartConfiguration.load(path).policy());
    }

    public ImmutableList<PolicyRule> reload(PolicySettings settings) {
        PolicyEvaluator evaluator = PolicyEvaluator.compile(settings);
        current.set(evaluator);
        return evaluator.rules();
    }
}
