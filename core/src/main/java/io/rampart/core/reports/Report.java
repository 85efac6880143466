package io.rampart.core.reports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.base.Preconditions;

/**
 * One person's report about one message: who, what, when, and the message's fingerprint (and bytes when known, for learning).
 * Its JSON form (how the state store keeps it) leaves the bytes out: the store keeps them apart.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "reporter", "kind", "source", "fingerprint", "time", "status"})
public final class Report {
    public static Report of(String id, String reporter, ReportKind kind, ReportSource source, Fingerprint fingerprint,
                            Instant time, ReportStatus status, Optional<byte[]> raw) {
        return new Report(id, reporter, kind, source, fingerprint, time, status, raw);
    }

    @JsonCreator
    static Report fromJson(@JsonProperty("id") String id, @JsonProperty("reporter") String reporter,
                           @JsonProperty("kind") String kind, @JsonProperty("source") String source,
                           @JsonProperty("fingerprint") Fingerprint fingerprint, @JsonProperty("time") String time,
                           @JsonProperty("status") String status) {
        return of(id, reporter, ReportKind.parse(kind), ReportSource.parse(source), fingerprint, Instant.parse(time),
            ReportStatus.parse(status), Optional.empty());
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

    @JsonProperty("id")
    public String id() {
        return id;
    }

    @JsonProperty("reporter")
    public String reporter() {
        return reporter;
    }

    public ReportKind kind() {
        return kind;
    }

    public ReportSource source() {
        return source;
    }

    @JsonProperty("fingerprint")
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

    /** The same report with these bytes (or none). */
    public Report withRaw(Optional<byte[]> bytes) {
        return new Report(id, reporter, kind, source, fingerprint, time, status, bytes);
    }

    @JsonProperty("kind")
    String jsonKind() {
        return kind.asString();
    }

    @JsonProperty("source")
    String jsonSource() {
        return source.asString();
    }

    @JsonProperty("time")
    String jsonTime() {
        return time.toString();
    }

    @JsonProperty("status")
    String jsonStatus() {
        return status.asString();
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
