package io.rampart.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.intel.IndicatorType;
import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.reports.Fingerprint;
import io.rampart.core.reports.RecallCandidate;
import io.rampart.core.reports.Report;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportSource;
import io.rampart.core.reports.ReportStatus;
import io.rampart.core.verdict.VerdictClass;

/** The JSON the state store keeps for ledger entries, reports, candidates and indicators: every field comes back. */
class StoredFormsTest {
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123456789Z");

    @Test
    void ledgerEntryShouldRoundTripEveryField() {
        LedgerEntry entry = LedgerEntry.builder().id("e1").messageId("<m1@evil.test>").sender("Boss@Evil.test")
            .subject("Pay now ✓").time(AT).flow("inbound").verdict("phish")
            .urls(ImmutableSet.of("http://evil.test/a", "https://x.test/b?c=d")).hashes(ImmutableSet.of("AB12"))
            .references(ImmutableList.of("<r1@x>", "<r2@x>"))
            .recipient("a@corp.test", DeliveryOutcome.DELIVERED).recipient("b@corp.test", DeliveryOutcome.RECALLED)
            .build();

        String json = StateJson.write(entry);

        assertThat(json).startsWith("{\"id\":\"e1\",\"messageId\":\"<m1@evil.test>\",\"sender\":\"boss@evil.test\"")
            .contains("\"time\":\"2026-11-26T10:00:00.123456789Z\"", "\"outcomes\":{\"a@corp.test\":\"delivered\"");
        assertThat(StateJson.read(json, LedgerEntry.class)).isEqualTo(entry);
    }

    @Test
    void ledgerEntryWithoutMessageIdShouldRoundTrip() {
        LedgerEntry entry = LedgerEntry.builder().id("e2").time(AT).flow("outbound").verdict("clean").build();

        assertThat(StateJson.read(StateJson.write(entry), LedgerEntry.class)).isEqualTo(entry);
    }

    @Test
    void reportShouldRoundTripEveryFieldButItsBytes() {
        Report report = Report.of("r1", "Alice@acme.test", ReportKind.NOT_JUNK, ReportSource.FORWARD,
            Fingerprint.of(Optional.of("<m@x>"), Optional.of("x@evil.test"), "Re: invoice", ImmutableSet.of("http://evil.test/"),
                ImmutableSet.of("AA")),
            AT, ReportStatus.CONFIRMED, Optional.of(new byte[] {1, 2}));

        String json = StateJson.write(report);

        assertThat(json).isEqualTo("{\"id\":\"r1\",\"reporter\":\"alice@acme.test\",\"kind\":\"not-junk\",\"source\":\"forward\","
            + "\"fingerprint\":{\"messageId\":\"<m@x>\",\"sender\":\"x@evil.test\",\"subject\":\"Re: invoice\","
            + "\"urls\":[\"http://evil.test/\"],\"sha256\":[\"aa\"]},\"time\":\"2026-11-26T10:00:00.123456789Z\","
            + "\"status\":\"confirmed\"}");
        Report read = StateJson.read(json, Report.class);
        assertThat(read).isEqualTo(report);
        assertThat(read.raw()).isEmpty();
    }

    @Test
    void fingerprintWithoutMessageIdOrSenderShouldRoundTrip() {
        Report report = Report.of("r2", "bob@acme.test", ReportKind.PHISH, ReportSource.ADMIN,
            Fingerprint.of(Optional.empty(), Optional.empty(), "", ImmutableSet.of(), ImmutableSet.of()), AT,
            ReportStatus.NEW, Optional.empty());

        assertThat(StateJson.read(StateJson.write(report), Report.class)).isEqualTo(report);
    }

    @Test
    void recallCandidateShouldRoundTripEveryField() {
        RecallCandidate candidate = new RecallCandidate("c1", AT, ImmutableSet.of("a@acme.test", "b@acme.test"),
            ImmutableSet.of("r1", "r2"), ImmutableSet.of("<m@x>"), ImmutableSet.of("x@evil.test"), ImmutableSet.of("Verify"),
            ImmutableSet.of("http://evil.test/"), ImmutableSet.of("aa"));

        assertThat(StateJson.read(StateJson.write(candidate), RecallCandidate.class)).isEqualTo(candidate);
    }

    @Test
    void setsShouldComeBackInTheirOrder() {
        ImmutableSet<String> many = IntStream.range(0, 40).mapToObj(i -> "v" + (40 - i) + "@x.test")
            .collect(ImmutableSet.toImmutableSet());
        RecallCandidate candidate = new RecallCandidate("c1", AT, many, many, many, many, many, many, many);
        Report report = Report.of("r1", "a@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            Fingerprint.of(Optional.empty(), Optional.empty(), "", many, ImmutableSet.of("bb", "aa", "cc")), AT,
            ReportStatus.NEW, Optional.empty());
        LedgerEntry entry = LedgerEntry.builder().id("e").time(AT).flow("inbound").verdict("clean").urls(many)
            .hashes(ImmutableSet.of("bb", "aa", "cc")).build();

        RecallCandidate readCandidate = StateJson.read(StateJson.write(candidate), RecallCandidate.class);
        Fingerprint readFingerprint = StateJson.read(StateJson.write(report), Report.class).fingerprint();
        LedgerEntry readEntry = StateJson.read(StateJson.write(entry), LedgerEntry.class);

        assertThat(readCandidate.reporters()).containsExactlyElementsOf(many);
        assertThat(readCandidate.sha256()).containsExactlyElementsOf(many);
        assertThat(readFingerprint.urls()).containsExactlyElementsOf(many);
        assertThat(readFingerprint.sha256()).containsExactly("bb", "aa", "cc");
        assertThat(readEntry.urls()).containsExactlyElementsOf(many);
        assertThat(readEntry.hashes()).containsExactly("bb", "aa", "cc");
    }

    @Test
    void intelIndicatorShouldBeStoredInItsWebAdminForm() throws Exception {
        io.rampart.core.intel.Indicator indicator = io.rampart.core.intel.Indicator.of(IndicatorType.DOMAIN, "Evil.TEST",
            VerdictClass.MALWARE, "feed-a", 65, Optional.of(AT.plusSeconds(60)), AT).revoked(AT.plusSeconds(30));

        String json = StateJson.write(indicator);

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)).isEqualTo(indicator.toJson());
        assertThat(StateJson.read(json, io.rampart.core.intel.Indicator.class)).isEqualTo(indicator);
    }

    @Test
    void intelIndicatorWithoutExpiryShouldRoundTrip() {
        io.rampart.core.intel.Indicator indicator = io.rampart.core.intel.Indicator.of(IndicatorType.MESSAGE_ID, "m@evil.test",
            VerdictClass.PHISH, "webadmin", 80, Optional.empty(), AT);

        assertThat(StateJson.write(indicator)).doesNotContain("expiresAt", "revokedAt");
        assertThat(StateJson.read(StateJson.write(indicator), io.rampart.core.intel.Indicator.class)).isEqualTo(indicator);
    }

    @Test
    void localIndicatorShouldRoundTrip() {
        io.rampart.core.feedback.Indicator indicator = io.rampart.core.feedback.Indicator.url("http://Evil.test/A");

        assertThat(StateJson.write(indicator)).isEqualTo("{\"type\":\"url\",\"value\":\"http://Evil.test/A\"}");
        assertThat(StateJson.read(StateJson.write(indicator), io.rampart.core.feedback.Indicator.class)).isEqualTo(indicator);
    }
}
