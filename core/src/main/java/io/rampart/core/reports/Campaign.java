package io.rampart.core.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Reports that share a sender, subject, URL, attachment hash or Message-ID (transitively): one
 * campaign. Its id is the id of its first report, so it is stable while the campaign grows.
 */
public final class Campaign {
    public static Campaign of(List<Report> reports) {
        return new Campaign(reports);
    }

    private final ImmutableList<Report> reports;

    private Campaign(List<Report> reports) {
        Preconditions.checkArgument(!reports.isEmpty(), "a campaign has at least one report");
        this.reports = reports.stream()
            .sorted(Comparator.comparing(Report::time).thenComparing(Report::id))
            .collect(ImmutableList.toImmutableList());
    }

    public String id() {
        return reports.get(0).id();
    }

    public ImmutableList<Report> reports() {
        return reports;
    }

    public ReportKind kind() {
        return reports.get(0).kind();
    }

    public Set<String> reporters() {
        return reports.stream().map(Report::reporter).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> messageIds() {
        return collect(r -> r.fingerprint().messageId().map(ImmutableSet::of).orElse(ImmutableSet.of()));
    }

    public Set<String> senders() {
        return collect(r -> r.fingerprint().sender().map(ImmutableSet::of).orElse(ImmutableSet.of()));
    }

    public Set<String> subjects() {
        return collect(r -> r.fingerprint().subject().isEmpty() ? ImmutableSet.of() : ImmutableSet.of(r.fingerprint().subject()));
    }

    public Set<String> urls() {
        return collect(r -> r.fingerprint().urls());
    }

    public Set<String> sha256() {
        return collect(r -> r.fingerprint().sha256());
    }

    private Set<String> collect(java.util.function.Function<Report, Set<String>> values) {
        return reports.stream().flatMap(r -> values.apply(r).stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Campaign && reports.equals(((Campaign) o).reports);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(reports);
    }
}
