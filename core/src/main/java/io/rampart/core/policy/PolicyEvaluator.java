package io.rampart.core.policy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import io.rampart.core.config.PolicySettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.text.KeywordAutomaton;
import io.rampart.core.text.RegexPrefilter;
import io.rampart.core.text.TextNormalizer;

/**
 * Compiled, immutable form of the policy rules: per flow, one keyword automaton over every rule's
 * keywords (one pass per field whatever the number of rules), then per rule the cheap envelope
 * conditions before any regular expression runs.
 */
public final class PolicyEvaluator {
    /** Texts longer than this are cut before matching (a policy looks at what a reader sees first). */
    public static final int MAX_CHARS = 200_000;

    public static PolicyEvaluator compile(PolicySettings settings) {
        return new PolicyEvaluator(settings);
    }

    private final PolicySettings settings;
    private final ImmutableMap<Flow, CompiledFlow> flows;

    private PolicyEvaluator(PolicySettings settings) {
        this.settings = settings;
        Map<Flow, CompiledFlow> compiled = new EnumMap<>(Flow.class);
        for (Flow flow : Flow.values()) {
            ImmutableList<PolicyRule> rules = settings.rules().stream().filter(rule -> rule.flows().contains(flow))
                .collect(ImmutableList.toImmutableList());
            compiled.put(flow, new CompiledFlow(rules));
        }
        this.flows = ImmutableMap.copyOf(compiled);
    }

    public PolicySettings settings() {
        return settings;
    }

    public ImmutableList<PolicyRule> rules() {
        return settings.rules();
    }

    public PolicyResult evaluate(PolicyInput input) {
        CompiledFlow flow = flows.get(input.flow());
        if (flow.rules.isEmpty()) {
            return PolicyResult.none(input.flow());
        }
        return PolicyResult.of(input.flow(), flow.evaluate(input));
    }

    private static final class CompiledFlow {
        private final ImmutableList<PolicyRule> rules;
        private final KeywordAutomaton automaton;
        private final int[] ruleOfKeyword;
        private final String[] keywordText;
        private final String[] requiredLiteral;

        CompiledFlow(ImmutableList<PolicyRule> rules) {
            this.rules = rules;
            KeywordAutomaton.Builder builder = KeywordAutomaton.builder();
            int count = rules.stream().mapToInt(rule -> rule.keywords().size()).sum();
            this.ruleOfKeyword = new int[count];
            this.keywordText = new String[count];
            for (int r = 0; r < rules.size(); r++) {
                for (String keyword : rules.get(r).keywords()) {
                    int id = builder.add(keyword);
                    ruleOfKeyword[id] = r;
                    keywordText[id] = keyword;
                }
            }
            this.automaton = builder.build();
            this.requiredLiteral = rules.stream()
                .map(rule -> rule.regex().flatMap(regex -> RegexPrefilter.requiredLiteral(regex.pattern())).orElse(null))
                .toArray(String[]::new);
        }

        ImmutableList<PolicyMatch> evaluate(PolicyInput input) {
            ParsedMessage message = input.message();
            Fields fields = new Fields(message);
            String[] contentEvidence = new String[rules.size()];
            if (automaton.size() > 0) {
                scan(MatchField.SUBJECT, fields.subject(), contentEvidence);
                scan(MatchField.BODY, fields.body(), contentEvidence);
                for (String name : fields.attachmentNames()) {
                    scan(MatchField.ATTACHMENT_NAME, name, contentEvidence);
                }
            }
            Optional<String> sender = input.senderAddress();
            List<String> senderDomains = sender.map(PolicyEvaluator::domainSuffixes).orElse(ImmutableList.of());
            List<String> recipients = input.recipients();
            List<List<String>> recipientDomains = recipients.stream().map(PolicyEvaluator::domainSuffixes)
                .collect(ImmutableList.toImmutableList());
            ImmutableList.Builder<PolicyMatch> matches = ImmutableList.builder();
            for (int r = 0; r < rules.size(); r++) {
                PolicyRule rule = rules.get(r);
                if (rule.hasContentCondition() && contentEvidence[r] == null && rule.regex().isEmpty()) {
                    continue; // keyword-only content condition without a hit: cannot match
                }
                StringBuilder evidence = new StringBuilder();
                if (rule.hasSenderCondition()) {
                    if (sender.isEmpty() || !addressMatches(sender.get(), senderDomains, rule.senders(), rule.senderDomains())) {
                        continue;
                    }
                    evidence.append("sender ").append(sender.get());
                }
                if (rule.hasRecipientCondition()) {
                    int found = -1;
                    for (int i = 0; i < recipients.size() && found < 0; i++) {
                        if (addressMatches(recipients.get(i), recipientDomains.get(i), rule.recipients(), rule.recipientDomains())) {
                            found = i;
                        }
                    }
                    if (found < 0) {
                        continue;
                    }
                    append(evidence, "recipient " + recipients.get(found));
                }
                if (rule.hasContentCondition()) {
                    String content = contentEvidence[r];
                    if (content == null && rule.regex().isPresent()) {
                        content = regexEvidence(rule, requiredLiteral[r], fields);
                    }
                    if (content == null) {
                        continue;
                    }
                    append(evidence, content);
                }
                matches.add(PolicyMatch.of(rule, evidence.toString()));
            }
            return matches.build();
        }

        private void scan(MatchField field, String normalized, String[] contentEvidence) {
            automaton.scanNormalized(normalized, id -> {
                int rule = ruleOfKeyword[id];
                if (contentEvidence[rule] == null && rules.get(rule).in().contains(field)) {
                    contentEvidence[rule] = "keyword '" + keywordText[id] + "' in " + field.key();
                }
            });
        }

        private static String regexEvidence(PolicyRule rule, String requiredLiteral, Fields fields) {
            String pattern = rule.regex().get().pattern();
            for (MatchField field : rule.in()) {
                // rules sharing a pattern run it once per mail and field
                String cached = fields.regexResults.get(pattern + '\u0000' + field.key());
                if (cached != null) {
                    if (!cached.isEmpty()) {
                        return cached;
                    }
                    continue;
                }
                String found = "";
                List<String> raw = fields.raw(field);
                List<String> folded = requiredLiteral == null ? null : fields.folded(field);
                for (int i = 0; i < raw.size() && found.isEmpty(); i++) {
                    if (folded != null && !folded.get(i).contains(requiredLiteral)) {
                        continue;
                    }
                    Matcher matcher = rule.regex().get().matcher(raw.get(i));
                    if (matcher.find()) {
                        String text = matcher.group();
                        found = "regex /" + pattern + "/ matched '"
                            + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "' in " + field.key();
                    }
                }
                fields.regexResults.put(pattern + '\u0000' + field.key(), found);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return null;
        }

        private static void append(StringBuilder evidence, String part) {
            if (evidence.length() > 0) {
                evidence.append(", ");
            }
            evidence.append(part);
        }
    }

    static boolean addressMatches(String address, List<String> domainSuffixes, Set<String> addresses, Set<String> domains) {
        if (addresses.contains(address)) {
            return true;
        }
        for (String domain : domainSuffixes) {
            if (domains.contains(domain)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a@x.y.example} gives {@code x.y.example, y.example, example}: domains match their subdomains. */
    static List<String> domainSuffixes(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? address : address.substring(at + 1);
        ImmutableList.Builder<String> suffixes = ImmutableList.builder();
        while (!domain.isEmpty()) {
            suffixes.add(domain);
            int dot = domain.indexOf('.');
            if (dot < 0) {
                break;
            }
            domain = domain.substring(dot + 1);
        }
        return suffixes.build();
    }

    /** The message's fields, raw (for regular expressions) and normalized (for keywords), computed once. */
    private static final class Fields {
        private final ParsedMessage message;
        private String rawBody;
        private String subject;
        private String body;
        private List<String> attachmentNames;
        private final Map<MatchField, List<String>> folded = new EnumMap<>(MatchField.class);
        private final Map<String, String> regexResults = new HashMap<>();

        Fields(ParsedMessage message) {
            this.message = message;
        }

        String subject() {
            if (subject == null) {
                subject = TextNormalizer.normalize(cut(message.subject()));
            }
            return subject;
        }

        String body() {
            if (body == null) {
                body = TextNormalizer.normalize(rawBody());
            }
            return body;
        }

        List<String> attachmentNames() {
            if (attachmentNames == null) {
                attachmentNames = rawAttachmentNames().stream().map(TextNormalizer::normalize)
                    .collect(ImmutableList.toImmutableList());
            }
            return attachmentNames;
        }

        List<String> raw(MatchField field) {
            switch (field) {
                case SUBJECT:
                    return ImmutableList.of(cut(message.subject()));
                case BODY:
                    return ImmutableList.of(rawBody());
                case ATTACHMENT_NAME:
                default:
                    return rawAttachmentNames();
            }
        }

        List<String> folded(MatchField field) {
            return folded.computeIfAbsent(field, f -> raw(f).stream().map(RegexPrefilter::fold)
                .collect(ImmutableList.toImmutableList()));
        }

        private String rawBody() {
            if (rawBody == null) {
                StringBuilder builder = new StringBuilder();
                for (TextPart part : message.texts()) {
                    if (builder.length() > 0) {
                        builder.append('\n');
                    }
                    builder.append(part.text());
                    if (builder.length() >= MAX_CHARS) {
                        break;
                    }
                }
                rawBody = cut(builder.toString());
            }
            return rawBody;
        }

        private List<String> rawAttachmentNames() {
            return message.attachments().stream().map(Attachment::fileName).flatMap(Optional::stream)
                .collect(ImmutableList.toImmutableList());
        }

        private static String cut(String text) {
            return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        }
    }
}
