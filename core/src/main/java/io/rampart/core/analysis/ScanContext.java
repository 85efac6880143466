package io.rampart.core.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.flow.Flow;

/**
 * What analyzers know about a mail beyond its bytes: its flow, envelope, the organisation's local
 * domains and the scan deadline. Immutable; build with {@link #builder()}.
 */
public final class ScanContext {
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Flow flow = Flow.INBOUND;
        private Optional<String> envelopeSender = Optional.empty();
        private ImmutableList<String> recipients = ImmutableList.of();
        private ImmutableSet<String> localDomains = ImmutableSet.of();
        private Optional<String> authenticatedUser = Optional.empty();
        private Optional<String> remoteAddress = Optional.empty();
        private Instant now = Instant.now();
        private long deadlineNanos = Long.MAX_VALUE;
        private boolean record = true;

        public Builder flow(Flow flow) {
            this.flow = flow;
            return this;
        }

        public Builder envelopeSender(Optional<String> envelopeSender) {
            this.envelopeSender = envelopeSender.map(s -> s.toLowerCase(Locale.ROOT));
            return this;
        }

        public Builder recipients(List<String> recipients) {
            this.recipients = recipients.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .collect(ImmutableList.toImmutableList());
            return this;
        }

        public Builder localDomains(Set<String> localDomains) {
            this.localDomains = localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(ImmutableSet.toImmutableSet());
            return this;
        }

        public Builder authenticatedUser(Optional<String> authenticatedUser) {
            this.authenticatedUser = authenticatedUser;
            return this;
        }

        public Builder remoteAddress(Optional<String> remoteAddress) {
            this.remoteAddress = remoteAddress;
            return this;
        }

        public Builder now(Instant now) {
            this.now = now;
            return this;
        }

        /** Absolute deadline in {@link System#nanoTime()} units. */
        public Builder deadlineNanos(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
            return this;
        }

        /**
         * Whether the scan is of mail passing through, whose traces Rampart keeps (the link-domain history);
         * false for an administrator's trial scan ({@code POST /rampart/scan}), which must change nothing.
         */
        public Builder record(boolean record) {
            this.record = record;
            return this;
        }

        public ScanContext build() {
            return new ScanContext(this);
        }
    }

    private final Flow flow;
    private final Optional<String> envelopeSender;
    private final ImmutableList<String> recipients;
    private final ImmutableSet<String> localDomains;
    private final Optional<String> authenticatedUser;
    private final Optional<String> remoteAddress;
    private final Instant now;
    private final long deadlineNanos;
    private final boolean record;

    private ScanContext(Builder builder) {
        this.flow = builder.flow;
        this.envelopeSender = builder.envelopeSender;
        this.recipients = builder.recipients;
        this.localDomains = builder.localDomains;
        this.authenticatedUser = builder.authenticatedUser;
        this.remoteAddress = builder.remoteAddress;
        this.now = builder.now;
        this.deadlineNanos = builder.deadlineNanos;
        this.record = builder.record;
    }

    public Builder toBuilder() {
        return builder().flow(flow).envelopeSender(envelopeSender).recipients(recipients)
            .localDomains(localDomains).authenticatedUser(authenticatedUser).remoteAddress(remoteAddress)
            .now(now).deadlineNanos(deadlineNanos).record(record);
    }

    public Flow flow() {
        return flow;
    }

    /** False for a trial scan that must leave no trace (see {@link Builder#record}). */
    public boolean record() {
        return record;
    }

    public Optional<String> envelopeSender() {
        return envelopeSender;
    }

    public ImmutableList<String> recipients() {
        return recipients;
    }

    /** The organisation's own domains, lower-case. */
    public ImmutableSet<String> localDomains() {
        return localDomains;
    }

    public Set<String> recipientDomains() {
        return recipients.stream().filter(r -> r.contains("@")).map(r -> r.substring(r.lastIndexOf('@') + 1))
            .collect(Collectors.toSet());
    }

    public boolean isLocalDomain(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return localDomains.stream().anyMatch(local -> lower.equals(local) || lower.endsWith("." + local));
    }

    public Optional<String> authenticatedUser() {
        return authenticatedUser;
    }

    public Optional<String> remoteAddress() {
        return remoteAddress;
    }

    public Instant now() {
        return now;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Analyzers doing long work check this between steps and stop with a "not fully scanned" finding. */
    public boolean deadlineExceeded() {
        return System.nanoTime() - deadlineNanos > 0;
    }
}
