package io.rampart.core.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

import io.rampart.core.flow.Flow;
import io.rampart.core.message.Address;
import io.rampart.core.message.ParsedMessage;

/** What a policy is evaluated on: the flow, the SMTP envelope and the parsed message. */
public final class PolicyInput {
    public static PolicyInput of(Flow flow, Optional<String> envelopeSender, Collection<String> recipients, ParsedMessage message) {
        return new PolicyInput(flow, envelopeSender, recipients, message);
    }

    private final Flow flow;
    private final Optional<String> envelopeSender;
    private final ImmutableList<String> recipients;
    private final ParsedMessage message;

    private PolicyInput(Flow flow, Optional<String> envelopeSender, Collection<String> recipients, ParsedMessage message) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.envelopeSender = envelopeSender.map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty());
        this.recipients = recipients.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).collect(ImmutableList.toImmutableList());
        this.message = Objects.requireNonNull(message, "message");
    }

    public Flow flow() {
        return flow;
    }

    public Optional<String> envelopeSender() {
        return envelopeSender;
    }

    public ImmutableList<String> recipients() {
        return recipients;
    }

    public ParsedMessage message() {
        return message;
    }

    /** The address sender rules look at: the envelope sender, else (null sender) the From address. */
    public Optional<String> senderAddress() {
        return envelopeSender.isPresent() ? envelopeSender : message.from().map(Address::address);
    }
}
