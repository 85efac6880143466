package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.config.ReportSettings;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.feedback.Indicator;
import io.rampart.core.feedback.RecordingLearner;

class ReportServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String URL = "http://evil.example/login";
    private static final String HASH = "ab".repeat(32);
    private static final byte[] RAW = "Subject: Verify\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    private RecordingLearner learner;
    private FeedbackStores stores;
    private ReportService service;
    private List<RecallCandidate> notified;

    @BeforeEach
    void setUp() {
        learner = new RecordingLearner();
        stores = FeedbackStores.memory().withLearner(learner);
        service = new ReportService(ReportSettings.defaults(), stores, Clock.fixed(NOW, ZoneOffset.UTC));
        notified = new ArrayList<>();
        service.addListener(notified::add);
    }

    private static Fingerprint phish(String messageId) {
        return Fingerprint.of(Optional.of(messageId), Optional.of("IT@Phish.example"), "Verify your account",
            ImmutableSet.of(URL), ImmutableSet.of());
    }

    @Test
    void recordShouldStoreANewReport() {
        ReportService.Recorded recorded = service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            phish("<1@x>"), Optional.of(RAW));

        assertThat(recorded.duplicate()).isFalse();
        assertThat(recorded.report().status()).isEqualTo(ReportStatus.NEW);
        assertThat(recorded.report().time()).isEqualTo(NOW);
        assertThat(recorded.report().fingerprint().sender()).contains("it@phish.example");
        assertThat(service.get(recorded.report().id())).contains(recorded.report());
    }

    @Test
    void recordShouldIgnoreTheSameReporterReportingTheSameMessageTwice() {
        ReportService.Recorded first = service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            phish("<1@x>"), Optional.empty());
        ReportService.Recorded second = service.record("Alice@acme.test", ReportKind.PHISH, ReportSource.FORWARD,
            phish("<1@x>"), Optional.empty());

        assertThat(second.duplicate()).isTrue();
        assertThat(second.report()).isEqualTo(first.report());
        assertThat(service.reports(ReportFilter.all())).hasSize(1);
    }

    @Test
    void twoNodesRecordingTheSameReportShouldKeepOne() {
        io.rampart.core.state.MemoryStateStore shared = new io.rampart.core.state.MemoryStateStore();
        ReportService node1 = new ReportService(ReportSettings.defaults(), FeedbackStores.over(shared),
            Clock.fixed(NOW, ZoneOffset.UTC));
        ReportService node2 = new ReportService(ReportSettings.defaults(), FeedbackStores.over(shared),
            Clock.fixed(NOW, ZoneOffset.UTC));

        ReportService.Recorded first = node1.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            phish("<1@x>"), Optional.of(RAW));
        ReportService.Recorded second = node2.record("alice@acme.test", ReportKind.PHISH, ReportSource.FORWARD,
            phish("<1@x>"), Optional.of(RAW));

        assertThat(second.duplicate()).isTrue();
        assertThat(second.report().id()).isEqualTo(first.report().id());
        assertThat(node1.reports(ReportFilter.all())).extracting(Report::id).containsExactly(first.report().id());
        assertThat(node2.get(first.report().id()).orElseThrow().raw()).isPresent();
    }

    @Test
    void campaignReportedByThresholdDistinctUsersShouldBecomeARecallCandidateOnce() {
        service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<1@x>"), Optional.empty());
        service.record("alice@acme.test", ReportKind.JUNK, ReportSource.FOLDER, phish("<2@x>"), Optional.empty());
        ReportService.Recorded bob = service.record("bob@acme.test", ReportKind.PHISH, ReportSource.FORWARD, phish("<3@x>"),
            Optional.empty());
        assertThat(bob.newCandidate()).isEmpty();

        ReportService.Recorded carol = service.record("carol@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            phish("<4@x>"), Optional.empty());
        ReportService.Recorded dave = service.record("dave@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            phish("<5@x>"), Optional.empty());

        assertThat(carol.newCandidate()).isPresent();
        assertThat(carol.newCandidate().get().reporters())
            .containsExactlyInAnyOrder("alice@acme.test", "bob@acme.test", "carol@acme.test");
        assertThat(carol.newCandidate().get().urls()).containsExactly(URL);
        assertThat(dave.newCandidate()).isEmpty();
        assertThat(notified).containsExactly(carol.newCandidate().get());
        assertThat(service.recallCandidates()).hasSize(1);
        assertThat(service.recallCandidates().get(0).reporters()).hasSize(4);
    }

    @Test
    void reportsAndCandidatesPastTheRetentionShouldBeDeletedAndTheRestKept() {
        for (String user : List.of("a@acme.test", "b@acme.test", "c@acme.test")) {
            service.record(user, ReportKind.PHISH, ReportSource.FOLDER, phish("<old-" + user + ">"), Optional.of(RAW));
        }
        assertThat(service.recallCandidates()).hasSize(1);
        ReportService later = new ReportService(ReportSettings.defaults(), stores,
            Clock.fixed(NOW.plus(Duration.ofDays(60)), ZoneOffset.UTC));
        String recent = later.record("d@acme.test", ReportKind.JUNK, ReportSource.FOLDER, phish("<new@x>"), Optional.empty())
            .report().id();

        assertThat(later.prune(NOW.plus(Duration.ofDays(90)))).isZero();
        assertThat(later.prune(NOW.plus(Duration.ofDays(90)).plusSeconds(1))).isEqualTo(3);

        assertThat(later.reports(ReportFilter.all())).extracting(Report::id).containsExactly(recent);
        assertThat(later.recallCandidates()).isEmpty();
        // The same reporter may report the same message again: its old claim names a deleted report.
        assertThat(later.record("a@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<old-a@acme.test>"),
            Optional.empty()).duplicate()).isFalse();
    }

    @Test
    void listingShouldPruneReportsPastTheRetention() {
        service.record("a@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<1@x>"), Optional.empty());
        ReportService afterRetention = new ReportService(ReportSettings.defaults(), stores,
            Clock.fixed(NOW.plus(Duration.ofDays(91)), ZoneOffset.UTC));

        assertThat(afterRetention.reports(ReportFilter.all())).isEmpty();
    }

    @Test
    void aZeroRetentionShouldKeepEveryReport() {
        ReportService keeping = new ReportService(new ReportSettings("Report Phishing", Optional.empty(), false, 3, true,
            Duration.ZERO), stores, Clock.fixed(NOW, ZoneOffset.UTC));
        keeping.record("a@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<1@x>"), Optional.empty());

        assertThat(keeping.prune(NOW.plus(Duration.ofDays(3650)))).isZero();
        assertThat(keeping.reports(ReportFilter.all())).hasSize(1);
    }

    @Test
    void notJunkReportsShouldNeverRaiseARecallCandidate() {
        for (String user : List.of("a@acme.test", "b@acme.test", "c@acme.test")) {
            service.record(user, ReportKind.NOT_JUNK, ReportSource.FOLDER, phish("<" + user + ">"), Optional.empty());
        }

        assertThat(service.recallCandidates()).isEmpty();
    }

    @Test
    void confirmShouldTrainAndAddIndicators() {
        Fingerprint fingerprint = Fingerprint.of(Optional.of("<1@x>"), Optional.of("it@phish.example"), "Verify",
            ImmutableSet.of(URL), ImmutableSet.of(HASH));
        String id = service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, fingerprint, Optional.of(RAW))
            .report().id();

        Report confirmed = service.decide(id, ReportService.Decision.CONFIRM);

        assertThat(confirmed.status()).isEqualTo(ReportStatus.CONFIRMED);
        assertThat(stores.indicators().all()).containsExactlyInAnyOrder(Indicator.url(URL), Indicator.sha256(HASH),
            Indicator.sender("it@phish.example"));
        assertThat(learner.examples()).hasSize(1);
        assertThat(learner.examples().get(0).unwanted()).isTrue();
        assertThat(learner.examples().get(0).raw()).isEqualTo(RAW);
    }

    @Test
    void confirmedNotJunkShouldTrainAsWantedWithoutIndicators() {
        String id = service.record("alice@acme.test", ReportKind.NOT_JUNK, ReportSource.FOLDER, phish("<1@x>"),
            Optional.of(RAW)).report().id();

        service.decide(id, ReportService.Decision.CONFIRM);

        assertThat(stores.indicators().all()).isEmpty();
        assertThat(learner.examples().get(0).unwanted()).isFalse();
    }

    @Test
    void dismissShouldNeitherTrainNorAddIndicators() {
        String id = service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<1@x>"),
            Optional.of(RAW)).report().id();

        Report dismissed = service.decide(id, ReportService.Decision.DISMISS);

        assertThat(dismissed.status()).isEqualTo(ReportStatus.DISMISSED);
        assertThat(stores.indicators().all()).isEmpty();
        assertThat(learner.examples()).isEmpty();
    }

    @Test
    void confirmShouldNotTrainWhenLearnOnConfirmIsOff() {
        service = new ReportService(new ReportSettings("Report Phishing", Optional.empty(), false, 3, false, Duration.ofDays(90)), stores,
            Clock.fixed(NOW, ZoneOffset.UTC));
        String id = service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<1@x>"),
            Optional.of(RAW)).report().id();

        service.decide(id, ReportService.Decision.CONFIRM);

        assertThat(learner.examples()).isEmpty();
        assertThat(stores.indicators().contains(Indicator.url(URL))).isTrue();
    }

    @Test
    void decideShouldFailForAnUnknownReport() {
        assertThatThrownBy(() -> service.decide("nope", ReportService.Decision.CONFIRM))
            .isInstanceOf(NoSuchElementException.class)
            .hasMessage("Report nope not found");
    }

    @Test
    void filterShouldSelectByStatusKindAndReporter() {
        String id = service.record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, phish("<1@x>"),
            Optional.empty()).report().id();
        service.record("bob@acme.test", ReportKind.JUNK, ReportSource.FOLDER, phish("<2@x>"), Optional.empty());
        service.decide(id, ReportService.Decision.DISMISS);

        assertThat(service.reports(ReportFilter.parse(java.util.Map.of("status", "dismissed"))))
            .extracting(Report::id).containsExactly(id);
        assertThat(service.reports(ReportFilter.parse(java.util.Map.of("kind", "junk"))))
            .extracting(Report::reporter).containsExactly("bob@acme.test");
        assertThat(service.reports(ReportFilter.parse(java.util.Map.of("until", "2026-11-26T09:00:00Z")))).isEmpty();
    }

    @Test
    void filterShouldRejectBadValues() {
        assertThatThrownBy(() -> ReportFilter.parse(java.util.Map.of("kind", "eggs")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Unknown report kind 'eggs' (phish, junk or not-junk)");
        assertThatThrownBy(() -> ReportFilter.parse(java.util.Map.of("since", "today")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'since' must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got 'today'");
    }
}
