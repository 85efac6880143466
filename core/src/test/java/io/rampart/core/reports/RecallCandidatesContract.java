package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.state.StateStore;

/** What the recall candidates must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface RecallCandidatesContract {
    Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    StateStore state();

    StateStore otherState();

    default RecallCandidates candidates() {
        return new StateRecallCandidates(state());
    }

    default RecallCandidates otherNode() {
        return new StateRecallCandidates(otherState());
    }

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

    @Test
    default void saveShouldReplaceACandidateWithTheSameId() {
        candidates().save(candidate("c1", T0));
        RecallCandidate grown = new RecallCandidate("c1", T0, ImmutableSet.of("a@acme.test", "b@acme.test", "c@acme.test"),
            ImmutableSet.of("r1", "r2", "r3"), ImmutableSet.of("<m@x>", "<n@x>"), ImmutableSet.of("x@evil.test"),
            ImmutableSet.of("Verify"), ImmutableSet.of("http://evil.test/", "http://evil.test/2"), ImmutableSet.of());
        candidates().save(grown);

        assertThat(candidates().get("c1")).contains(grown);
        assertThat(candidates().all()).containsExactly(grown);
    }

    @Test
    default void anotherNodeShouldSeeTheSameCandidates() {
        candidates().save(candidate("c1", T0));

        assertThat(otherNode().get("c1")).contains(candidate("c1", T0));
        assertThat(otherNode().all()).extracting(RecallCandidate::id).containsExactly("c1");
    }

    @Test
    default void removeShouldDropACandidateOnEveryNode() {
        candidates().save(candidate("c1", T0));

        assertThat(otherNode().remove("c1")).isTrue();
        assertThat(candidates().get("c1")).isEmpty();
        assertThat(candidates().remove("c1")).isFalse();
    }
}
