package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

/** What every {@link RecallCandidates} backend must do. */
public interface RecallCandidatesContract {
    Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    RecallCandidates candidates();

    static RecallCandidate candidate(String id, Instant flaggedAt) {
        return new RecallCandidate(id, flaggedAt, ImmutableSet.of("a@acme.test", "b@acme.test"), ImmutableSet.of("r1", "r2"),
            ImmutableSet.of("<m@x>"), ImmutableSet.of("x@evil.test"), ImmutableSet.of("Verify"),
            ImmutableSet.of("http://evil.test/"), ImmutableSet.of("aa"));
    }

    @Test
    default void getShouldReturnASavedCandidate() {
        RecallCandidate candidate = candidate("c1", T0);
        candidates().save(candidate);

        assertThat(candidates().get("c1")).contains(candidate);
        assertThat(candidates().get("c2")).isEmpty();
    }

    @Test
    default void allShouldListNewestFirst() {
        RecallCandidate old = candidate("old", T0);
        RecallCandidate recent = candidate("recent", T0.plusSeconds(60));
        candidates().save(old);
        candidates().save(recent);

        assertThat(candidates().all()).containsExactly(recent, old);
    }
}
