package io.rampart.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.flow.Flow;
import io.rampart.core.policy.MatchField;
import io.rampart.core.policy.PolicyAction;
import io.rampart.core.policy.PolicyRule;
import io.rampart.core.text.TextNormalizer;

/**
 * {@code policy.rule.<name>.*}: domain and keyword policies.
 * <pre>
 * policy.rule.&lt;name&gt;.flow=outbound                 (required: inbound, outbound, internal, any; comma list)
 * policy.rule.&lt;name&gt;.action=hold                   (required: allow, tag, junk, quarantine, hold, reject, notify)
 * policy.rule.&lt;name&gt;.match.sender=a@x.com,...
 * policy.rule.&lt;name&gt;.match.senderDomain=x.com,...    (also matches subdomains)
 * policy.rule.&lt;name&gt;.match.recipient=b@y.com,...
 * policy.rule.&lt;name&gt;.match.recipientDomain=y.com,...
 * policy.rule.&lt;name&gt;.match.keywords=机密,confidential   (',' or '，' separated; CJK matched without spaces)
 * policy.rule.&lt;name&gt;.match.regex=(?i)invoice\s*#?\d{6}
 * policy.rule.&lt;name&gt;.in=subject,body,attachmentName (default: all three)
 * policy.rule.&lt;name&gt;.description=...  policy.rule.&lt;name&gt;.notice=...  policy.rule.&lt;name&gt;.enabled=true
 * </pre>
 */
public final class PolicySettings {
    public static final String PREFIX = "policy.rule.";
    public static final ImmutableSet<MatchField> DEFAULT_IN = ImmutableSet.copyOf(MatchField.values());
    public static final int MAX_REGEX_LENGTH = 1000;

    public static PolicySettings from(ConfigReader reader) {
        List<PolicyRule> rules = new ArrayList<>();
        for (String name : reader.childNames(PREFIX)) {
            String prefix = PREFIX + name + ".";
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw reader.error(prefix.substring(0, prefix.length() - 1), "rule names are letters, digits, '_' or '-'");
            }
            boolean enabled = reader.bool(prefix + "enabled", true);
            PolicyRule rule = readRule(reader, name, prefix);
            if (enabled) {
                rules.add(rule);
            }
        }
        return new PolicySettings(ImmutableList.copyOf(rules));
    }

    private static PolicyRule readRule(ConfigReader reader, String name, String prefix) {
        String flowKey = prefix + "flow";
        String flowValue = reader.raw(flowKey).orElseThrow(() ->
            reader.error(flowKey, "is required: inbound, outbound, internal or any (comma-separated)"));
        ImmutableSet<Flow> flows = parseFlows(reader, flowKey, flowValue);

        String actionKey = prefix + "action";
        String actionValue = reader.raw(actionKey).orElseThrow(() ->
            reader.error(actionKey, "is required: allow, tag, junk, quarantine, hold, reject or notify"));
        PolicyAction action = reader.parsed(actionKey, PolicyAction.TAG, PolicyAction::parse,
            "one of allow, tag, junk, quarantine, hold, reject, notify");
        if (action == PolicyAction.JUNK && flows.equals(ImmutableSet.of(Flow.OUTBOUND))) {
            throw reader.error(actionKey, actionValue, "an action other than junk: outbound recipients have no local Junk folder");
        }

        ImmutableSet<String> senders = reader.addresses(prefix + "match.sender");
        ImmutableSet<String> senderDomains = domains(reader, prefix + "match.senderDomain");
        ImmutableSet<String> recipients = reader.addresses(prefix + "match.recipient");
        ImmutableSet<String> recipientDomains = domains(reader, prefix + "match.recipientDomain");
        ImmutableList<String> keywords = keywords(reader, prefix + "match.keywords");
        Optional<Pattern> regex = regex(reader, prefix + "match.regex");

        String inKey = prefix + "in";
        Optional<String> inValue = reader.raw(inKey);
        ImmutableSet<MatchField> in = DEFAULT_IN;
        if (inValue.isPresent()) {
            if (keywords.isEmpty() && regex.isEmpty()) {
                throw reader.error(inKey, inValue.get(), "nothing: 'in' only applies with " + prefix + "match.keywords or "
                    + prefix + "match.regex");
            }
            in = reader.list(inKey, ImmutableList.of()).stream()
                .map(value -> reader.parsed(inKey, MatchField.SUBJECT, ignored -> MatchField.parse(value),
                    "a comma-separated list of subject, body, attachmentName"))
                .collect(ImmutableSet.toImmutableSet());
        }
        if (senders.isEmpty() && senderDomains.isEmpty() && recipients.isEmpty() && recipientDomains.isEmpty()
            && keywords.isEmpty() && regex.isEmpty()) {
            throw reader.error(prefix + "match", "rule '" + name + "' has no condition: set match.sender, match.senderDomain, "
                + "match.recipient, match.recipientDomain, match.keywords or match.regex");
        }
        return PolicyRule.builder(name)
            .flows(flows)
            .senders(senders)
            .senderDomains(senderDomains)
            .recipients(recipients)
            .recipientDomains(recipientDomains)
            .keywords(keywords)
            .regex(regex)
            .in(in)
            .action(action)
            .description(reader.optionalString(prefix + "description"))
            .notice(reader.optionalString(prefix + "notice"))
            .build();
    }

    private static ImmutableSet<Flow> parseFlows(ConfigReader reader, String key, String value) {
        ImmutableSet.Builder<Flow> flows = ImmutableSet.builder();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (trimmed.equalsIgnoreCase("any")) {
                flows.add(Flow.values());
            } else {
                flows.add(reader.parsed(key, Flow.INBOUND, ignored -> Flow.parse(trimmed),
                    "inbound, outbound, internal or any (comma-separated)"));
            }
        }
        return flows.build();
    }

    private static ImmutableSet<String> domains(ConfigReader reader, String key) {
        return reader.list(key, ImmutableList.of()).stream().map(value -> {
            String domain = value.toLowerCase(Locale.ROOT);
            if (domain.startsWith("*.")) {
                domain = domain.substring(2);
            } else if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (!domain.matches("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*")) {
                throw reader.error(key, value, "domains such as example.com (comma-separated; subdomains match too)");
            }
            return domain;
        }).collect(ImmutableSet.toImmutableSet());
    }

    private static ImmutableList<String> keywords(ConfigReader reader, String key) {
        return reader.raw(key)
            .map(value -> Arrays.stream(value.split("[,，]")).map(String::trim).filter(s -> !s.isEmpty())
                .peek(keyword -> {
                    if (TextNormalizer.normalize(keyword).isEmpty()) {
                        throw reader.error(key, value, "visible keywords (comma-separated)");
                    }
                })
                .collect(ImmutableList.toImmutableList()))
            .orElse(ImmutableList.of());
    }

    private static Optional<Pattern> regex(ConfigReader reader, String key) {
        return reader.raw(key).map(value -> {
            if (value.length() > MAX_REGEX_LENGTH) {
                throw reader.error(key, value.substring(0, 40) + "...", "a regular expression of at most " + MAX_REGEX_LENGTH + " characters");
            }
            try {
                return Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw reader.error(key, value, "a valid Java regular expression (" + e.getDescription() + " near index " + e.getIndex() + ")");
            }
        });
    }

    public static PolicySettings none() {
        return new PolicySettings(ImmutableList.of());
    }

    private final ImmutableList<PolicyRule> rules;

    public PolicySettings(ImmutableList<PolicyRule> rules) {
        this.rules = rules;
    }

    /** The enabled rules, by name. */
    public ImmutableList<PolicyRule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return rules.stream().map(PolicyRule::name).collect(Collectors.joining(", ", "PolicySettings[", "]"));
    }
}
