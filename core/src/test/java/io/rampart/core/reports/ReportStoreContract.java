package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.state.StateStore;

/** What the report store must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface ReportStoreContract {
    Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    StateStore state();

    StateStore otherState();

    default ReportStore store() {
        return new StateReportStore(state());
    }

    default ReportStore otherNode() {
        return new StateReportStore(otherState());
    }

    static Report report(String id, Instant time) {
        return Report.of(id, "alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            Fingerprint.of(Optional.of("<" + id + "@x>"), Optional.of("x@evil.test"), "Subject",
                ImmutableSet.of("http://evil.test/" + id), ImmutableSet.of("aa")),
            time, ReportStatus.NEW, Optional.empty());
    }

    @Test
    default void getShouldReturnASavedReport() {
        Report report = report("r1", T0);
        store().save(report);

        assertThat(store().get("r1")).contains(report);
    }

    @Test
    default void getShouldBeEmptyForAnUnknownId() {
        assertThat(store().get("unknown")).isEmpty();
    }

    @Test
    default void saveShouldReplaceAReportWithTheSameId() {
        store().save(report("r1", T0));
        Report decided = report("r1", T0).withStatus(ReportStatus.CONFIRMED);
        store().save(decided);

        assertThat(store().get("r1")).contains(decided);
        assertThat(store().all()).containsExactly(decided);
    }

    @Test
    default void allShouldListOldestFirst() {
        Report late = report("late", T0.plusSeconds(60));
        Report early = report("early", T0);
        store().save(late);
        store().save(early);

        assertThat(store().all()).containsExactly(early, late);
    }

    @Test
    default void getShouldReturnEveryFieldOfAReport() {
        Report report = Report.of("r1", "bob@acme.test", ReportKind.NOT_JUNK, ReportSource.ADMIN,
            Fingerprint.of(Optional.empty(), Optional.of("news@shop.test"), "Re: offer", ImmutableSet.of(),
                ImmutableSet.of("bb", "cc")),
            T0.plusNanos(5), ReportStatus.DISMISSED, Optional.empty());
        store().save(report);

        Report read = store().get("r1").orElseThrow();
        assertThat(read).isEqualTo(report);
        assertThat(read.reporter()).isEqualTo("bob@acme.test");
        assertThat(read.kind()).isEqualTo(ReportKind.NOT_JUNK);
        assertThat(read.source()).isEqualTo(ReportSource.ADMIN);
        assertThat(read.fingerprint().messageId()).isEmpty();
        assertThat(read.fingerprint().sha256()).containsExactly("bb", "cc");
        assertThat(read.time()).isEqualTo(T0.plusNanos(5));
        assertThat(read.status()).isEqualTo(ReportStatus.DISMISSED);
        assertThat(read.raw()).isEmpty();
    }

    @Test
    default void getShouldReturnTheMessageBytesButAllShouldNot() {
        byte[] raw = "Subject: pay now\r\n\r\n\u00e9\u0000body".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        store().save(report("r1", T0).withRaw(Optional.of(raw)));

        assertThat(store().get("r1").orElseThrow().raw()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(raw));
        assertThat(store().all()).singleElement().satisfies(listed -> assertThat(listed.raw()).isEmpty());
    }

    @Test
    default void savingAgainWithoutBytesShouldKeepTheSavedBytes() {
        byte[] raw = {1, 2, 3};
        store().save(report("r1", T0).withRaw(Optional.of(raw)));
        Report listed = store().all().get(0);
        store().save(listed.withStatus(ReportStatus.CONFIRMED));

        Report read = store().get("r1").orElseThrow();
        assertThat(read.status()).isEqualTo(ReportStatus.CONFIRMED);
        assertThat(read.raw()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(raw));
    }

    @Test
    default void anotherNodeShouldSeeAndTriageTheSameReports() {
        store().save(report("r1", T0).withRaw(Optional.of(new byte[] {7})));

        Report seen = otherNode().get("r1").orElseThrow();
        otherNode().save(seen.withStatus(ReportStatus.DISMISSED));

        assertThat(store().get("r1").orElseThrow().status()).isEqualTo(ReportStatus.DISMISSED);
        assertThat(store().all()).extracting(Report::id).containsExactly("r1");
    }

    @Test
    default void removeShouldDropTheReportAndItsBytes() {
        store().save(report("r1", T0).withRaw(Optional.of(new byte[] {1})));

        assertThat(store().remove("r1")).isTrue();
        assertThat(store().get("r1")).isEmpty();
        assertThat(store().all()).isEmpty();
        assertThat(store().remove("r1")).isFalse();
    }

    @Test
    default void claimShouldGoToTheFirstReportAndNameItToLaterOnes() {
        store().save(report("r1", T0));
        store().save(report("r2", T0));

        assertThat(store().claim("alice|phish|<m@x>", "r1")).isEmpty();
        assertThat(store().claim("alice|phish|<m@x>", "r2")).contains("r1");
        assertThat(otherNode().claim("alice|phish|<m@x>", "r2")).contains("r1");
        assertThat(store().claim("alice|junk|<m@x>", "r2")).isEmpty();
    }

    @Test
    default void aClaimNamingARemovedReportShouldBeTakenOver() {
        store().save(report("r1", T0));
        store().claim("k", "r1");
        store().remove("r1");
        store().save(report("r2", T0));

        assertThat(store().claim("k", "r2")).isEmpty();
        assertThat(store().claim("k", "r3")).contains("r2");
    }

    @Test
    default void twoNodesClaimingAtOnceShouldAgreeOnOneReport() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                String key = "k" + round;
                store().save(report("a" + round, T0));
                otherNode().save(report("b" + round, T0));
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<Optional<String>> a = pool.submit(() -> {
                    start.await();
                    return store().claim(key, "a" + key.substring(1));
                });
                java.util.concurrent.Future<Optional<String>> b = pool.submit(() -> {
                    start.await();
                    return otherNode().claim(key, "b" + key.substring(1));
                });
                Optional<String> first = a.get(10, java.util.concurrent.TimeUnit.SECONDS);
                Optional<String> second = b.get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(first.isPresent()).as("exactly one node wins round " + round).isNotEqualTo(second.isPresent());
                // The loser is told the winner's report.
                assertThat(first.isPresent() ? first : second).contains(first.isPresent() ? "b" + round : "a" + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
