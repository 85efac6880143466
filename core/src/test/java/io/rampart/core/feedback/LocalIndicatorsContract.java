package io.rampart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rampart.core.state.StateStore;

/** What the local indicators must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface LocalIndicatorsContract {
    java.time.Instant T0 = java.time.Instant.parse("2026-11-26T10:00:00Z");

    StateStore state();

    StateStore otherState();

    default LocalIndicators indicators() {
        return new StateLocalIndicators(state());
    }

    default LocalIndicators otherNode() {
        return new StateLocalIndicators(otherState());
    }

    @Test
    default void containsShouldFindAnAddedIndicatorByTypeAndValue() {
        indicators().add(Indicator.url("http://evil.test/a"));
        indicators().add(Indicator.sender("X@Evil.test"));

        assertThat(indicators().contains(Indicator.url("http://evil.test/a"))).isTrue();
        assertThat(indicators().contains(Indicator.sender("x@evil.test"))).isTrue();
        assertThat(indicators().contains(Indicator.sha256("http://evil.test/a"))).isFalse();
        assertThat(indicators().all()).hasSize(2);
    }

    @Test
    default void isEmptyShouldSayWhetherThereIsAnyIndicator() {
        assertThat(indicators().isEmpty()).isTrue();
        indicators().add(Indicator.sha256("AA"));
        assertThat(indicators().isEmpty()).isFalse();
        assertThat(otherNode().isEmpty()).as("on every node").isFalse();
        indicators().remove(Indicator.sha256("aa"));
        assertThat(indicators().isEmpty()).isTrue();
    }

    @Test
    default void removeShouldForgetAnIndicator() {
        indicators().add(Indicator.sha256("AA"));

        assertThat(indicators().remove(Indicator.sha256("aa"))).isTrue();
        assertThat(indicators().remove(Indicator.sha256("aa"))).isFalse();
        assertThat(indicators().all()).isEmpty();
    }

    @Test
    default void allShouldReturnEveryIndicatorWithItsTypeAndValue() {
        indicators().add(Indicator.url("http://Evil.test/A"));
        indicators().add(Indicator.sha256("AB"));
        indicators().add(Indicator.url("http://Evil.test/A"));

        assertThat(indicators().all()).containsExactlyInAnyOrder(Indicator.url("http://Evil.test/A"), Indicator.sha256("ab"));
        assertThat(indicators().contains(Indicator.url("http://evil.test/a"))).as("URLs keep their case").isFalse();
    }

    @Test
    default void presentShouldTellWhichOfSeveralIndicatorsAreKnown() {
        indicators().add(Indicator.url("http://evil.test/a"));
        indicators().add(Indicator.sender("x@evil.test"));

        assertThat(indicators().present(java.util.List.of(Indicator.sender("X@evil.test"), Indicator.url("http://ok.test/"),
            Indicator.url("http://evil.test/a"), Indicator.sha256("aa"), Indicator.url("http://evil.test/a"))))
            .containsExactlyInAnyOrder(Indicator.sender("x@evil.test"), Indicator.url("http://evil.test/a"));
        assertThat(indicators().present(java.util.List.of())).isEmpty();
    }

    @Test
    default void anotherNodeShouldSeeLearnedAndForgottenIndicators() {
        indicators().add(Indicator.sender("x@evil.test"));

        assertThat(otherNode().contains(Indicator.sender("x@evil.test"))).isTrue();
        assertThat(otherNode().remove(Indicator.sender("x@evil.test"))).isTrue();
        assertThat(indicators().all()).isEmpty();
    }
}
