package io.rampart.core.recall;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.ledger.LedgerEntry;

/**
 * What a recall selects: any of Message-ID, sender, subject text, a time window, a URL, a domain
 * (of a URL or of the sender) and an attachment SHA-256. Every given criterion must match (AND).
 * At least one criterion besides the time window is required, so a recall can never select "all
 * mail". {@link #scope()} says where copies are looked for: the ledger's recipients
 * ({@code ledger}), every mailbox ({@code all}), or the ledger when it knows the mail and every
 * mailbox otherwise ({@code auto}, the default).
 */
public final class RecallCriteria {
    public enum Scope {
        AUTO, LEDGER, ALL;

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final ImmutableSet<String> FIELDS = ImmutableSet.of("messageId", "sender", "subjectContains",
        "since", "until", "url", "domain", "attachmentSha256", "scope");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Optional<String> messageId = Optional.empty();
        private Optional<String> sender = Optional.empty();
        private Optional<String> subjectContains = Optional.empty();
        private Optional<Instant> since = Optional.empty();
        private Optional<Instant> until = Optional.empty();
        private Optional<String> url = Optional.empty();
        private Optional<String> domain = Optional.empty();
        private Optional<String> attachmentSha256 = Optional.empty();
        private Scope scope = Scope.AUTO;

        public Builder messageId(String value) {
            this.messageId = Optional.of(LedgerEntry.normalizeMessageId(value));
            return this;
        }

        public Builder sender(String value) {
            this.sender = Optional.of(value.trim().toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder subjectContains(String value) {
            this.subjectContains = Optional.of(value);
            return this;
        }

        public Builder since(Instant value) {
            this.since = Optional.of(value);
            return this;
        }

        public Builder until(Instant value) {
            this.until = Optional.of(value);
            return this;
        }

        public Builder url(String value) {
            this.url = Optional.of(normalizeUrl(value));
            return this;
        }

        public Builder domain(String value) {
            this.domain = Optional.of(value.trim().toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder attachmentSha256(String value) {
            this.attachmentSha256 = Optional.of(value.trim().toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public RecallCriteria build() {
            RecallCriteria criteria = new RecallCriteria(this);
            List<String> problems = criteria.problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid recall criteria: " + String.join("; ", problems));
            }
            return criteria;
        }
    }

    /** Parses and validates; every problem is reported at once in the exception's message. */
    public static RecallCriteria fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Invalid recall criteria: the body must be a JSON object with any of "
                + FIELDS);
        }
        List<String> problems = new ArrayList<>();
        Builder builder = builder();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name) && !name.equals("reason")) {
                problems.add("unknown field '" + name + "' (expected any of " + FIELDS + ")");
            }
        }
        text(node, "messageId", problems).ifPresent(builder::messageId);
        text(node, "sender", problems).ifPresent(value -> {
            if (!value.contains("@")) {
                problems.add("'sender' must be an email address, got '" + value + "'");
            } else {
                builder.sender(value);
            }
        });
        text(node, "subjectContains", problems).ifPresent(builder::subjectContains);
        instant(node, "since", problems).ifPresent(builder::since);
        instant(node, "until", problems).ifPresent(builder::until);
        text(node, "url", problems).ifPresent(value -> {
            try {
                URI uri = URI.create(value.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    problems.add("'url' must be an absolute URL such as https://host/path, got '" + value + "'");
                } else {
                    builder.url(value);
                }
            } catch (IllegalArgumentException e) {
                problems.add("'url' is not a valid URL: '" + value + "'");
            }
        });
        text(node, "domain", problems).ifPresent(value -> {
            if (!DOMAIN.matcher(value.trim()).matches()) {
                problems.add("'domain' must be a domain name such as example.com, got '" + value + "'");
            } else {
                builder.domain(value);
            }
        });
        text(node, "attachmentSha256", problems).ifPresent(value -> {
            if (!SHA256.matcher(value.trim()).matches()) {
                problems.add("'attachmentSha256' must be 64 hexadecimal characters, got '" + value + "'");
            } else {
                builder.attachmentSha256(value);
            }
        });
        text(node, "scope", problems).ifPresent(value -> {
            try {
                builder.scope(Scope.valueOf(value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("'scope' must be auto, ledger or all, got '" + value + "'");
            }
        });
        RecallCriteria criteria = new RecallCriteria(builder);
        problems.addAll(criteria.problems());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid recall criteria: " + String.join("; ", problems));
        }
        return criteria;
    }

    public static RecallCriteria fromJsonString(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid recall criteria: the body is not JSON: "
                + e.getOriginalMessage());
        }
    }

    private static Optional<String> text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().trim().isEmpty()) {
            problems.add("'" + field + "' must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private static Optional<Instant> instant(JsonNode node, String field, List<String> problems) {
        return text(node, field, problems).flatMap(value -> {
            try {
                return Optional.of(Instant.parse(value.trim()));
            } catch (DateTimeParseException e) {
                problems.add("'" + field + "' must be an ISO-8601 instant such as 2026-01-31T09:00:00Z, got '"
                    + value + "'");
                return Optional.empty();
            }
        });
    }

    /** Lower-case scheme and host, no trailing slash on an empty path, no fragment. */
    public static String normalizeUrl(String url) {
        String trimmed = url.trim();
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return trimmed;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    /** The host of a URL, lower-case, or empty. */
    public static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private final Optional<String> messageId;
    private final Optional<String> sender;
    private final Optional<String> subjectContains;
    private final Optional<Instant> since;
    private final Optional<Instant> until;
    private final Optional<String> url;
    private final Optional<String> domain;
    private final Optional<String> attachmentSha256;
    private final Scope scope;

    private RecallCriteria(Builder builder) {
        this.messageId = builder.messageId;
        this.sender = builder.sender;
        this.subjectContains = builder.subjectContains;
        this.since = builder.since;
        this.until = builder.until;
        this.url = builder.url;
        this.domain = builder.domain;
        this.attachmentSha256 = builder.attachmentSha256;
        this.scope = builder.scope;
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (messageId.isEmpty() && sender.isEmpty() && subjectContains.isEmpty() && url.isEmpty()
            && domain.isEmpty() && attachmentSha256.isEmpty()) {
            problems.add("give at least one of messageId, sender, subjectContains, url, domain, attachmentSha256"
                + " (a time window alone would select all mail)");
        }
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            problems.add("'since' (" + since.get() + ") must be before 'until' (" + until.get() + ")");
        }
        if (scope == Scope.ALL && !mailboxSearchable()) {
            problems.add("scope 'all' searches mailboxes by messageId, sender or subjectContains: url, domain and"
                + " attachmentSha256 are only known from the ledger");
        }
        return problems;
    }

    public Optional<String> messageId() {
        return messageId;
    }

    public Optional<String> sender() {
        return sender;
    }

    public Optional<String> subjectContains() {
        return subjectContains;
    }

    public Optional<Instant> since() {
        return since;
    }

    public Optional<Instant> until() {
        return until;
    }

    public Optional<String> url() {
        return url;
    }

    public Optional<String> domain() {
        return domain;
    }

    public Optional<String> attachmentSha256() {
        return attachmentSha256;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether James's mailbox search can express every criterion (no URL, domain or hash). */
    public boolean mailboxSearchable() {
        return url.isEmpty() && domain.isEmpty() && attachmentSha256.isEmpty()
            && (messageId.isPresent() || sender.isPresent() || subjectContains.isPresent());
    }

    public boolean matches(LedgerEntry entry) {
        if (messageId.isPresent() && !messageId.get().equals(entry.messageId())) {
            return false;
        }
        if (sender.isPresent() && !sender.get().equals(entry.sender())) {
            return false;
        }
        if (subjectContains.isPresent()
            && !entry.subject().toLowerCase(Locale.ROOT).contains(subjectContains.get().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (since.isPresent() && entry.time().isBefore(since.get())) {
            return false;
        }
        if (until.isPresent() && !entry.time().isBefore(until.get())) {
            return false;
        }
        if (url.isPresent() && entry.urls().stream().map(RecallCriteria::normalizeUrl).noneMatch(url.get()::equals)) {
            return false;
        }
        if (domain.isPresent() && !domainMatches(entry, domain.get())) {
            return false;
        }
        return attachmentSha256.isEmpty() || entry.hashes().contains(attachmentSha256.get());
    }

    private static boolean domainMatches(LedgerEntry entry, String domain) {
        if (isSameOrSubdomain(entry.senderDomain(), domain)) {
            return true;
        }
        return entry.urls().stream().map(RecallCriteria::host).anyMatch(host -> isSameOrSubdomain(host, domain));
    }

    public static boolean isSameOrSubdomain(String host, String domain) {
        return !host.isEmpty() && (host.equals(domain) || host.endsWith("." + domain));
    }

    /** The same criteria without the time window: what an active recall rule checks new mail against. */
    public RecallCriteria withoutWindow() {
        Builder builder = builder().scope(scope);
        builder.messageId = messageId;
        builder.sender = sender;
        builder.subjectContains = subjectContains;
        builder.url = url;
        builder.domain = domain;
        builder.attachmentSha256 = attachmentSha256;
        return new RecallCriteria(builder);
    }

    /** The same criteria from this instant on. */
    public RecallCriteria withSince(Instant from) {
        RecallCriteria open = withoutWindow();
        Builder builder = builder().scope(scope);
        builder.messageId = open.messageId;
        builder.sender = open.sender;
        builder.subjectContains = open.subjectContains;
        builder.url = open.url;
        builder.domain = open.domain;
        builder.attachmentSha256 = open.attachmentSha256;
        builder.since = Optional.of(from);
        builder.until = until.filter(u -> u.isAfter(from));
        return new RecallCriteria(builder);
    }

    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        messageId.ifPresent(v -> node.put("messageId", v));
        sender.ifPresent(v -> node.put("sender", v));
        subjectContains.ifPresent(v -> node.put("subjectContains", v));
        since.ifPresent(v -> node.put("since", v.toString()));
        until.ifPresent(v -> node.put("until", v.toString()));
        url.ifPresent(v -> node.put("url", v));
        domain.ifPresent(v -> node.put("domain", v));
        attachmentSha256.ifPresent(v -> node.put("attachmentSha256", v));
        node.put("scope", scope.asString());
        return node;
    }

    /** A one-line description for reports. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        toJson().fields().forEachRemaining(field -> {
            if (!field.getKey().equals("scope")) {
                parts.add(field.getKey() + "=" + field.getValue().asText());
            }
        });
        return String.join(", ", parts);
    }

    public List<String> describeList() {
        return ImmutableList.of(describe());
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof RecallCriteria) {
            RecallCriteria that = (RecallCriteria) o;
            return messageId.equals(that.messageId) && sender.equals(that.sender)
                && subjectContains.equals(that.subjectContains) && since.equals(that.since)
                && until.equals(that.until) && url.equals(that.url) && domain.equals(that.domain)
                && attachmentSha256.equals(that.attachmentSha256) && scope == that.scope;
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(messageId, sender, subjectContains, since, until, url, domain, attachmentSha256, scope);
    }

    @Override
    public String toString() {
        return describe();
    }
}
