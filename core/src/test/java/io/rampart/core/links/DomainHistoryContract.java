package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rampart.core.state.StateStore;

/** The history of link domains in the state store, as two James nodes share it. */
public interface DomainHistoryContract {
    Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    StateStore state();

    StateStore otherState();

    @Test
    default void aDomainIsFirstSeenOnceWhicheverNodeSeesItAgain() {
        DomainHistory nodeA = new DomainHistory(state());
        DomainHistory nodeB = new DomainHistory(otherState());

        Map<String, Instant> first = nodeA.firstSeen(List.of("evil.example", "partner.example"), T0, true);
        Map<String, Instant> later = nodeB.firstSeen(List.of("partner.example", "new.example"), T0.plus(Duration.ofDays(2)), true);

        assertThat(first).containsEntry("evil.example", T0).containsEntry("partner.example", T0);
        assertThat(later).containsEntry("partner.example", T0).containsEntry("new.example", T0.plus(Duration.ofDays(2)));
    }

    @Test
    default void aFullHistoryForgetsDomainsNotSeenForHalfAYearAndKeepsLearning() {
        DomainHistory nodeA = new DomainHistory(state(), 10);
        DomainHistory nodeB = new DomainHistory(otherState(), 10);
        List<String> old = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            old.add("spam" + i + ".example");
        }
        nodeA.firstSeen(old, T0, true);
        nodeB.firstSeen(List.of("spam0.example"), T0.plus(Duration.ofDays(190)), true); // linked to again: kept

        Map<String, Instant> seen = nodeA.firstSeen(List.of("partner.example"), T0.plus(Duration.ofDays(200)), true);

        assertThat(seen).containsEntry("partner.example", T0.plus(Duration.ofDays(200)));
        assertThat(state().hashes().entries(DomainHistory.FIRST_SEEN_KEY).keySet())
            .containsExactlyInAnyOrder("spam0.example", "partner.example");
        assertThat(nodeB.firstSeen(List.of("spam0.example"), T0.plus(Duration.ofDays(201)), false))
            .as("a domain kept keeps the day it was first seen").containsEntry("spam0.example", T0);
    }

    @Test
    default void whenNothingIsThatOldTheLeastRecentlySeenTenthGoes() {
        DomainHistory history = new DomainHistory(state(), 10);
        for (int i = 0; i < 10; i++) {
            history.firstSeen(List.of("d" + i + ".example"), T0.plus(Duration.ofDays(i)), true);
        }
        history.firstSeen(List.of("d0.example"), T0.plus(Duration.ofDays(20)), true);

        history.firstSeen(List.of("new.example"), T0.plus(Duration.ofDays(21)), true);

        assertThat(state().hashes().entries(DomainHistory.FIRST_SEEN_KEY).keySet()).hasSize(10)
            .contains("d0.example", "new.example").doesNotContain("d1.example");
    }

    @Test
    default void aSightingWrittenWithoutItsLastDayReadsAsFirstSeen() {
        state().hashes().put(DomainHistory.FIRST_SEEN_KEY, "legacy.example", String.valueOf(T0.getEpochSecond()));

        assertThat(new DomainHistory(state()).firstSeen(List.of("legacy.example"), T0.plus(Duration.ofDays(3)), true))
            .containsEntry("legacy.example", T0);
        assertThat(state().hashes().get(DomainHistory.FIRST_SEEN_KEY, "legacy.example")).contains(
            T0.getEpochSecond() + "," + T0.plus(Duration.ofDays(3)).getEpochSecond());
    }

    @Test
    default void theHistoryStartsOnceForEveryNodeAndWarmsUp() {
        DomainHistory nodeA = new DomainHistory(state());
        DomainHistory nodeB = new DomainHistory(otherState());

        assertThat(nodeA.since(T0)).isEqualTo(T0);
        assertThat(nodeB.since(T0.plus(Duration.ofDays(3)))).isEqualTo(T0);
        assertThat(nodeB.warmedUp(T0.plus(Duration.ofDays(6)), Duration.ofDays(7))).isFalse();
        assertThat(nodeB.warmedUp(T0.plus(Duration.ofDays(7)), Duration.ofDays(7))).isTrue();
    }
}
