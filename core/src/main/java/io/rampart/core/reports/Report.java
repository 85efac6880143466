package io.rampart.core.reports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.google.common.base.Preconditions;

/** One person's report about one message: who, what, when, and the message's fingerprint (and bytes when known, for learning). */
public final class Report {
    public static Report of(String id, String reporter, ReportKind kind, ReportSource source, Fingerprint fingerprint,
                            Instant time, ReportStatus status, Optional<byte[]> raw) {
        return new Report(id, reporter, kind, source, fingerprint, time, status, raw);
    }

    private final String id;
    private final String reporter;
    private final ReportKind kind;
    private final ReportSource source;
    private final Fingerprint fingerprint;
    private final Instant time;
    private final ReportStatus status;
    private final Optional<byte[]> raw;

    private Report(String id, String reporter, ReportKind kind, ReportSource source, Fingerprint fingerprint,
                   Instant time, ReportStatus status, Optional<byte[]> raw) {
        Preconditions.checkArgument(id != null && !id.isBlank(), "report id must not be blank");
        Preconditions.checkArgument(reporter != null && !reporter.isBlank(), "reporter must not be blank");
        this.id = id;
        this.reporter = reporter.trim().toLowerCase(java.util.Locale.ROOT);
        this.kind = Objects.requireNonNull(kind);
        this.source = Objects.requireNonNull(source);
        this.fingerprint = Objects.requireNonNull(fingerprint);
        this.time = Objects.requireNonNull(time);
        this.status = Objects.requireNonNull(status);
        this.raw = raw.map(byte[]::clone);
    }

    public Report withStatus(ReportStatus newStatus) {
        return new Report(id, reporter, kind, source, fingerprint, time, newStatus, raw);
    }

    public String id() {
        return id;
    }

    public String reporter() {
        return reporter;
    }

    public ReportKind kind() {
        return kind;
    }

    public ReportSource source() {
        return source;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public Instant time() {
        return time;
    }

    public ReportStatus status() {
        return status;
    }

    public Optional<byte[]> raw() {
        return raw.map(byte[]::clone);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Report) {
            Report that = (Report) o;
            return id.equals(that.id) && reporter.equals(that.reporter) && kind == that.kind && source == that.source
                && fingerprint.equals(that.fingerprint) && time.equals(that.time) && status == that.status;
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, reporter, kind, source, fingerprint, time, status);
    }

    @Override
    public String toString() {
        return "Report{" + id + ", " + reporter + ", " + kind.asString() + ", " + status.asString() + ", " + fingerprint + "}";
    }
}
