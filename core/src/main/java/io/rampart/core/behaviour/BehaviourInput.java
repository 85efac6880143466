package io.rampart.core.behaviour;

import java.util.Objects;
import java.util.Optional;

import io.rampart.core.limits.SendAttempt;
import io.rampart.core.message.Address;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.verdict.VerdictClass;

/**
 * What the detector looks at: the send (sender, recipients by side, fingerprint, time), the From
 * header (display name and address) and, when the content scan already ran, its verdict class.
 */
public final class BehaviourInput {
    public static BehaviourInput of(SendAttempt attempt, Optional<Address> from, Optional<VerdictClass> contentVerdict) {
        return new BehaviourInput(attempt, from, contentVerdict);
    }

    public static BehaviourInput of(SendAttempt attempt, ParsedMessage message, Optional<VerdictClass> contentVerdict) {
        return new BehaviourInput(attempt, message.from(), contentVerdict);
    }

    private final SendAttempt attempt;
    private final Optional<Address> from;
    private final Optional<VerdictClass> contentVerdict;

    private BehaviourInput(SendAttempt attempt, Optional<Address> from, Optional<VerdictClass> contentVerdict) {
        this.attempt = Objects.requireNonNull(attempt);
        this.from = Objects.requireNonNull(from);
        this.contentVerdict = Objects.requireNonNull(contentVerdict);
    }

    public SendAttempt attempt() {
        return attempt;
    }

    public Optional<Address> from() {
        return from;
    }

    public Optional<VerdictClass> contentVerdict() {
        return contentVerdict;
    }
}
