package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

/** What every {@link ReportStore} backend must do. */
public interface ReportStoreContract {
    Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    ReportStore store();

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
}
