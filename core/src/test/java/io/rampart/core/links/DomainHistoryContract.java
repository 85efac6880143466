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
    default void theHistoryStartsOnceForEveryNodeAndWarmsUp() {
        DomainHistory nodeA = new DomainHistory(state());
        DomainHistory nodeB = new DomainHistory(otherState());

        assertThat(nodeA.since(T0)).isEqualTo(T0);
        assertThat(nodeB.since(T0.plus(Duration.ofDays(3)))).isEqualTo(T0);
        assertThat(nodeB.warmedUp(T0.plus(Duration.ofDays(6)), Duration.ofDays(7))).isFalse();
        assertThat(nodeB.warmedUp(T0.plus(Duration.ofDays(7)), Duration.ofDays(7))).isTrue();
    }
}
