package io.rampart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every {@link LocalIndicators} backend must do. */
public interface LocalIndicatorsContract {
    LocalIndicators indicators();

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
    default void removeShouldForgetAnIndicator() {
        indicators().add(Indicator.sha256("AA"));

        assertThat(indicators().remove(Indicator.sha256("aa"))).isTrue();
        assertThat(indicators().remove(Indicator.sha256("aa"))).isFalse();
        assertThat(indicators().all()).isEmpty();
    }
}
