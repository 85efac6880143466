package io.rampart.core.reports;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;

/** Which reports to list: by status, kind, reporter, sender and time range. Parsed strictly from query parameters. */
public final class ReportFilter {
    public static final Set<String> PARAMETERS = ImmutableSet.of("status", "kind", "reporter", "sender", "since", "until");

    public static ReportFilter all() {
        return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    }

    /** @throws IllegalArgumentException naming the bad parameter */
    public static ReportFilter parse(Map<String, String> parameters) {
        return new ReportFilter(
            Optional.ofNullable(parameters.get("status")).map(ReportStatus::parse),
            Optional.ofNullable(parameters.get("kind")).map(ReportKind::parse),
            Optional.ofNullable(parameters.get("reporter")).map(s -> s.trim().toLowerCase(Locale.ROOT)),
            Optional.ofNullable(parameters.get("sender")).map(s -> s.trim().toLowerCase(Locale.ROOT)),
            Optional.ofNullable(parameters.get("since")).map(v -> TimeParameter.parse("since", v)),
            Optional.ofNullable(parameters.get("until")).map(v -> TimeParameter.parse("until", v)));
    }

    private final Optional<ReportStatus> status;
    private final Optional<ReportKind> kind;
    private final Optional<String> reporter;
    private final Optional<String> sender;
    private final Optional<Instant> since;
    private final Optional<Instant> until;

    private ReportFilter(Optional<ReportStatus> status, Optional<ReportKind> kind, Optional<String> reporter,
                         Optional<String> sender, Optional<Instant> since, Optional<Instant> until) {
        this.status = status;
        this.kind = kind;
        this.reporter = reporter;
        this.sender = sender;
        this.since = since;
        this.until = until;
    }

    public boolean matches(Report report) {
        return status.map(s -> s == report.status()).orElse(true)
            && kind.map(k -> k == report.kind()).orElse(true)
            && reporter.map(r -> r.equals(report.reporter())).orElse(true)
            && sender.map(s -> report.fingerprint().sender().equals(Optional.of(s))).orElse(true)
            && since.map(s -> !report.time().isBefore(s)).orElse(true)
            && until.map(u -> report.time().isBefore(u)).orElse(true);
    }
}
