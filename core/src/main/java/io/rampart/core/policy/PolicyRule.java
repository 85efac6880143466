package io.rampart.core.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.flow.Flow;

/**
 * One {@code policy.rule.<name>.*} rule. It matches when every condition it sets matches: the
 * sender (address or domain), a recipient (address or domain), and the content (a keyword or the
 * regular expression in one of the {@code in} fields). Domains match themselves and subdomains.
 * Serialized as-is by {@code GET /rampart/policy}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "flows", "senders", "senderDomains", "recipients", "recipientDomains", "keywords", "regex",
    "in", "action", "description", "notice"})
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PolicyRule {
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private ImmutableSet<Flow> flows = ImmutableSet.of();
        private ImmutableSet<String> senders = ImmutableSet.of();
        private ImmutableSet<String> senderDomains = ImmutableSet.of();
        private ImmutableSet<String> recipients = ImmutableSet.of();
        private ImmutableSet<String> recipientDomains = ImmutableSet.of();
        private ImmutableList<String> keywords = ImmutableList.of();
        private Optional<Pattern> regex = Optional.empty();
        private ImmutableSet<MatchField> in = ImmutableSet.copyOf(MatchField.values());
        private PolicyAction action;
        private Optional<String> description = Optional.empty();
        private Optional<String> notice = Optional.empty();

        private Builder(String name) {
            this.name = name;
        }

        public Builder flows(Iterable<Flow> flows) {
            this.flows = ImmutableSet.copyOf(flows);
            return this;
        }

        public Builder senders(Iterable<String> senders) {
            this.senders = ImmutableSet.copyOf(senders);
            return this;
        }

        public Builder senderDomains(Iterable<String> senderDomains) {
            this.senderDomains = ImmutableSet.copyOf(senderDomains);
            return this;
        }

        public Builder recipients(Iterable<String> recipients) {
            this.recipients = ImmutableSet.copyOf(recipients);
            return this;
        }

        public Builder recipientDomains(Iterable<String> recipientDomains) {
            this.recipientDomains = ImmutableSet.copyOf(recipientDomains);
            return this;
        }

        public Builder keywords(Iterable<String> keywords) {
            this.keywords = ImmutableList.copyOf(keywords);
            return this;
        }

        public Builder regex(Optional<Pattern> regex) {
            this.regex = regex;
            return this;
        }

        public Builder in(Iterable<MatchField> in) {
            this.in = ImmutableSet.copyOf(in);
            return this;
        }

        public Builder action(PolicyAction action) {
            this.action = action;
            return this;
        }

        public Builder description(Optional<String> description) {
            this.description = description;
            return this;
        }

        public Builder notice(Optional<String> notice) {
            this.notice = notice;
            return this;
        }

        public PolicyRule build() {
            return new PolicyRule(this);
        }
    }

    private final String name;
    private final ImmutableSet<Flow> flows;
    private final ImmutableSet<String> senders;
    private final ImmutableSet<String> senderDomains;
    private final ImmutableSet<String> recipients;
    private final ImmutableSet<String> recipientDomains;
    private final ImmutableList<String> keywords;
    private final Optional<Pattern> regex;
    private final ImmutableSet<MatchField> in;
    private final PolicyAction action;
    private final Optional<String> description;
    private final Optional<String> notice;

    private PolicyRule(Builder builder) {
        Preconditions.checkArgument(builder.name != null && builder.name.matches("[A-Za-z0-9_-]+"),
            "policy rule name '%s' must be letters, digits, '_' or '-'", builder.name);
        Preconditions.checkArgument(!builder.flows.isEmpty(), "policy rule '%s' needs at least one flow", builder.name);
        Preconditions.checkArgument(builder.action != null, "policy rule '%s' needs an action", builder.name);
        this.name = builder.name;
        this.flows = builder.flows;
        this.senders = builder.senders;
        this.senderDomains = builder.senderDomains;
        this.recipients = builder.recipients;
        this.recipientDomains = builder.recipientDomains;
        this.keywords = builder.keywords;
        this.regex = builder.regex;
        this.in = builder.in;
        this.action = builder.action;
        this.description = builder.description;
        this.notice = builder.notice;
        Preconditions.checkArgument(hasSenderCondition() || hasRecipientCondition() || hasContentCondition(),
            "policy rule '%s' matches nothing: set match.sender, match.senderDomain, match.recipient, "
                + "match.recipientDomain, match.keywords or match.regex", name);
        Preconditions.checkArgument(!hasContentCondition() || !in.isEmpty(), "policy rule '%s' has keywords or a regex but no 'in' field", name);
    }

    public boolean hasSenderCondition() {
        return !senders.isEmpty() || !senderDomains.isEmpty();
    }

    public boolean hasRecipientCondition() {
        return !recipients.isEmpty() || !recipientDomains.isEmpty();
    }

    public boolean hasContentCondition() {
        return !keywords.isEmpty() || regex.isPresent();
    }

    @JsonProperty("name")
    public String name() {
        return name;
    }

    public ImmutableSet<Flow> flows() {
        return flows;
    }

    @JsonProperty("senders")
    public ImmutableSet<String> senders() {
        return senders;
    }

    @JsonProperty("senderDomains")
    public ImmutableSet<String> senderDomains() {
        return senderDomains;
    }

    @JsonProperty("recipients")
    public ImmutableSet<String> recipients() {
        return recipients;
    }

    @JsonProperty("recipientDomains")
    public ImmutableSet<String> recipientDomains() {
        return recipientDomains;
    }

    @JsonProperty("keywords")
    public ImmutableList<String> keywords() {
        return keywords;
    }

    public Optional<Pattern> regex() {
        return regex;
    }

    public ImmutableSet<MatchField> in() {
        return in;
    }

    public PolicyAction action() {
        return action;
    }

    public Optional<String> description() {
        return description;
    }

    /** The text of the notice sent with a {@code reject}. */
    public Optional<String> notice() {
        return notice;
    }

    @JsonProperty("flows")
    ImmutableList<String> jsonFlows() {
        return flows.stream().map(Flow::asString).collect(ImmutableList.toImmutableList());
    }

    @JsonProperty("regex")
    String jsonRegex() {
        return regex.map(Pattern::pattern).orElse(null);
    }

    @JsonProperty("in")
    ImmutableList<String> jsonIn() {
        return hasContentCondition() ? in.stream().map(MatchField::key).collect(ImmutableList.toImmutableList()) : ImmutableList.of();
    }

    @JsonProperty("action")
    String jsonAction() {
        return action.asString();
    }

    @JsonProperty("description")
    String jsonDescription() {
        return description.orElse(null);
    }

    @JsonProperty("notice")
    String jsonNotice() {
        return notice.orElse(null);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof PolicyRule) {
            PolicyRule that = (PolicyRule) o;
            return name.equals(that.name) && flows.equals(that.flows) && senders.equals(that.senders)
                && senderDomains.equals(that.senderDomains) && recipients.equals(that.recipients)
                && recipientDomains.equals(that.recipientDomains) && keywords.equals(that.keywords)
                && regex.map(Pattern::pattern).equals(that.regex.map(Pattern::pattern)) && in.equals(that.in)
                && action == that.action && description.equals(that.description) && notice.equals(that.notice);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(name, flows, senders, senderDomains, recipients, recipientDomains, keywords,
            regex.map(Pattern::pattern), in, action, description, notice);
    }

    @Override
    public String toString() {
        return "PolicyRule{" + name + " " + flows + " -> " + action.asString() + "}";
    }
}
