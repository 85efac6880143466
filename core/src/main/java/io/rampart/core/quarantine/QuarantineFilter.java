package io.rampart.core.quarantine;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.flow.Flow;
import io.rampart.core.reports.TimeParameter;
import io.rampart.core.verdict.VerdictClass;

/**
 * Which quarantined mail a list or bulk action covers: verdict class, flow, sender, recipient, rule
 * and a time range {@code [since, until)}. Parsed strictly from query parameters.
 */
public final class QuarantineFilter {
    public static final Set<String> PARAMETERS = ImmutableSet.of("class", "flow", "sender", "recipient", "rule", "since",
        "until");

    public static QuarantineFilter all() {
        return new QuarantineFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
    }

    /** Reads the known parameters, ignoring others. @throws IllegalArgumentException naming the bad parameter and value */
    public static QuarantineFilter parse(Map<String, String> parameters) {
        Optional<Instant> since = Optional.ofNullable(parameters.get("since")).map(v -> TimeParameter.parse("since", v));
        Optional<Instant> until = Optional.ofNullable(parameters.get("until")).map(v -> TimeParameter.parse("until", v));
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("'since' (" + since.get() + ") must be before 'until' (" + until.get() + ")");
        }
        return new QuarantineFilter(
            Optional.ofNullable(parameters.get("class")).map(QuarantineFilter::verdictClass),
            Optional.ofNullable(parameters.get("flow")).map(QuarantineFilter::flow),
            Optional.ofNullable(parameters.get("sender")).map(QuarantineFilter::address),
            Optional.ofNullable(parameters.get("recipient")).map(QuarantineFilter::address),
            Optional.ofNullable(parameters.get("rule")).map(String::trim).filter(s -> !s.isEmpty()),
            since, until);
    }

    public static QuarantineFilter olderThan(Instant instant) {
        return new QuarantineFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(instant));
    }

    private static String verdictClass(String value) {
        try {
            VerdictClass parsed = VerdictClass.parse(value.trim());
            return parsed.asString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'class': " + e.getMessage());
        }
    }

    private static String flow(String value) {
        try {
            return Flow.parse(value.trim()).asString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'flow': " + e.getMessage());
        }
    }

    private static String address(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("sender and recipient filters must not be empty");
        }
        return trimmed;
    }

    private final Optional<String> verdictClass;
    private final Optional<String> flow;
    private final Optional<String> sender;
    private final Optional<String> recipient;
    private final Optional<String> rule;
    private final Optional<Instant> since;
    private final Optional<Instant> until;

    private QuarantineFilter(Optional<String> verdictClass, Optional<String> flow, Optional<String> sender,
                             Optional<String> recipient, Optional<String> rule, Optional<Instant> since,
                             Optional<Instant> until) {
        this.verdictClass = verdictClass;
        this.flow = flow;
        this.sender = sender;
        this.recipient = recipient;
        this.rule = rule;
        this.since = since;
        this.until = until;
    }

    /** Sender and recipient match a whole address, or a domain when given as {@code @domain} or {@code domain}. */
    public boolean matches(QuarantineEntry entry) {
        return verdictClass.map(c -> c.equals(entry.verdictClass())).orElse(true)
            && flow.map(f -> f.equals(entry.flow())).orElse(true)
            && sender.map(s -> entry.sender().map(a -> addressMatches(s, a)).orElse(false)).orElse(true)
            && recipient.map(r -> entry.recipients().stream().anyMatch(a -> addressMatches(r, a))).orElse(true)
            && rule.map(r -> entry.rules().contains(r)).orElse(true)
            && since.map(s -> !entry.time().isBefore(s)).orElse(true)
            && until.map(u -> entry.time().isBefore(u)).orElse(true);
    }

    private static boolean addressMatches(String wanted, String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (wanted.contains("@") && !wanted.startsWith("@")) {
            return lower.equals(wanted);
        }
        String domain = wanted.startsWith("@") ? wanted.substring(1) : wanted;
        return lower.endsWith("@" + domain);
    }

    public boolean isEmpty() {
        return verdictClass.isEmpty() && flow.isEmpty() && sender.isEmpty() && recipient.isEmpty() && rule.isEmpty()
            && since.isEmpty() && until.isEmpty();
    }
}
