package io.rampart.core.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.config.ReportSettings;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.feedback.Indicator;
import io.rampart.core.util.Durations;

/**
 * Records reports, groups them into campaigns, flags campaigns enough distinct users reported as
 * recall candidates, and turns an admin's confirmation into feedback: the learner is trained and the
 * report's URLs, attachment hashes and sender become local indicators.
 */
public final class ReportService {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReportService.class);

    /** What recording a report did. */
    public static final class Recorded {
        private final Report report;
        private final boolean duplicate;
        private final Optional<RecallCandidate> newCandidate;

        Recorded(Report report, boolean duplicate, Optional<RecallCandidate> newCandidate) {
            this.report = report;
            this.duplicate = duplicate;
            this.newCandidate = newCandidate;
        }

        public Report report() {
            return report;
        }

        /** The same reporter already reported this message the same way: nothing new was stored. */
        public boolean duplicate() {
            return duplicate;
        }

        /** The campaign this report completed, when it just crossed the recall-candidate threshold. */
        public Optional<RecallCandidate> newCandidate() {
            return newCandidate;
        }
    }

    public enum Decision {
        CONFIRM, DISMISS
    }

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final ReportSettings settings;
    private final FeedbackStores stores;
    private final Clock clock;
    private final List<RecallCandidates.Listener> listeners = new CopyOnWriteArrayList<>();
    /** When reports past {@code reports.retention} were last looked for (at most hourly, see {@link #pruneIfDue}). */
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

    public ReportService(ReportSettings settings, FeedbackStores stores, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    public void addListener(RecallCandidates.Listener listener) {
        listeners.add(listener);
    }

    public synchronized Recorded record(String reporter, ReportKind kind, ReportSource source, Fingerprint fingerprint,
                                        Optional<byte[]> raw) {
        pruneIfDue();
        Report report = Report.of(UUID.randomUUID().toString(), reporter, kind, source, fingerprint, clock.instant(),
            ReportStatus.NEW, raw);
        stores.reports().save(report);
        // One report per reporter, kind and message. Saved first, then claimed atomically: of two James
        // nodes on a shared state backend taking the same report at once, the one that loses the claim
        // removes its copy, so a claim always names a stored report.
        Optional<Report> existing = fingerprint.messageId()
            .flatMap(messageId -> stores.reports().claim(reporter.trim().toLowerCase(Locale.ROOT) + "|"
                + kind.asString() + "|" + messageId, report.id()))
            .flatMap(stores.reports()::get);
        if (existing.isPresent()) {
            stores.reports().remove(report.id());
            return new Recorded(existing.get().withRaw(Optional.empty()), true, Optional.empty());
        }
        LOGGER.info("Rampart recorded a {} report {} by {} ({})", kind.asString(), report.id(), report.reporter(),
            source.asString());
        Optional<RecallCandidate> candidate = kind.unwanted() ? flagIfCandidate(report) : Optional.empty();
        candidate.ifPresent(c -> listeners.forEach(listener -> listener.onRecallCandidate(c)));
        return new Recorded(report, false, candidate);
    }

    private Optional<RecallCandidate> flagIfCandidate(Report report) {
        Campaign campaign = campaignOf(report.id()).orElseThrow();
        Optional<RecallCandidate> known = stores.recallCandidates().all().stream()
            .filter(c -> campaign.reports().stream().anyMatch(r -> c.reportIds().contains(r.id())))
            .findFirst();
        if (known.isPresent()) {
            stores.recallCandidates().save(known.get().updatedFrom(campaign));
            return Optional.empty();
        }
        if (campaign.reporters().size() < settings.recallCandidateThreshold()) {
            return Optional.empty();
        }
        RecallCandidate candidate = RecallCandidate.from(campaign, clock.instant());
        stores.recallCandidates().save(candidate);
        LOGGER.warn("Rampart flagged campaign {} as a recall candidate: reported by {} users", campaign.id(),
            campaign.reporters().size());
        return Optional.of(candidate);
    }

    public Optional<Report> get(String id) {
        return stores.reports().get(id);
    }

    /** Confirms or dismisses a report; a confirmation feeds the learner and the local indicators. */
    public synchronized Report decide(String id, Decision decision) {
        Report report = stores.reports().get(id).orElseThrow(() -> new NoSuchElementException("Report " + id + " not found"));
        Report decided = report.withStatus(decision == Decision.CONFIRM ? ReportStatus.CONFIRMED : ReportStatus.DISMISSED);
        stores.reports().save(decided);
        if (decision == Decision.CONFIRM) {
            feedback(decided);
        }
        LOGGER.info("Rampart report {} {}", id, decided.status().asString());
        return decided;
    }

    private void feedback(Report report) {
        if (settings.learnOnConfirm()) {
            report.raw().ifPresent(raw -> stores.learner().learn(raw, report.kind().unwanted()));
        }
        if (report.kind().unwanted()) {
            Fingerprint fingerprint = report.fingerprint();
            fingerprint.urls().forEach(url -> stores.indicators().add(Indicator.url(url)));
            fingerprint.sha256().forEach(hash -> stores.indicators().add(Indicator.sha256(hash)));
            fingerprint.sender().ifPresent(sender -> stores.indicators().add(Indicator.sender(sender)));
        }
    }

    public List<Report> reports(ReportFilter filter) {
        pruneIfDue();
        return stores.reports().all().stream().filter(filter::matches).collect(Collectors.toList());
    }

    /** Campaigns of the reports the filter keeps, newest activity first. */
    public List<Campaign> campaigns(ReportFilter filter) {
        return Campaigns.group(reports(filter));
    }

    public Optional<Campaign> campaignOf(String reportId) {
        return Campaigns.group(stores.reports().all()).stream()
            .filter(c -> c.reports().stream().anyMatch(r -> r.id().equals(reportId)))
            .findFirst();
    }

    public List<RecallCandidate> recallCandidates() {
        pruneIfDue();
        return stores.recallCandidates().all();
    }

    /**
     * Deletes the reports (with their message bytes) and recall candidates older than
     * {@code reports.retention}; returns how many reports went. Nothing goes when the retention is zero.
     * What confirmed reports taught (the model, local indicators) is kept.
     */
    public synchronized int prune(Instant now) {
        Duration retention = settings.retention();
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = now.minus(retention);
        int removed = 0;
        for (Report report : stores.reports().all()) {
            if (report.time().isBefore(cutoff) && stores.reports().remove(report.id())) {
                removed++;
            }
        }
        stores.recallCandidates().all().stream().filter(candidate -> candidate.flaggedAt().isBefore(cutoff))
            .forEach(candidate -> stores.recallCandidates().remove(candidate.id()));
        if (removed > 0) {
            LOGGER.info("Rampart deleted {} reports older than {} (reports.retention)", removed, Durations.describe(retention));
        }
        return removed;
    }

    /** Prunes when an hour has passed since the last time: reports are few, so recording and listing them do it. */
    private void pruneIfDue() {
        Instant now = clock.instant();
        Instant last = lastPrune.get();
        if (!now.isBefore(last.plus(PRUNE_EVERY)) && lastPrune.compareAndSet(last, now)) {
            prune(now);
        }
    }
}
