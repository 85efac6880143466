package io.rampart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What every {@link AllowList} backend must do. */
public interface AllowListContract {
    AllowList allowList();

    @Test
    default void allowedSenderShouldBeFoundIgnoringCase() {
        allowList().allow("Friend@Example.net");

        assertThat(allowList().isAllowed("friend@example.NET")).isTrue();
        assertThat(allowList().isAllowed("other@example.net")).isFalse();
        assertThat(allowList().all()).containsExactly("friend@example.net");
    }

    @Test
    default void removeShouldForgetASender() {
        allowList().allow("friend@example.net");

        assertThat(allowList().remove("FRIEND@example.net")).isTrue();
        assertThat(allowList().isAllowed("friend@example.net")).isFalse();
    }

    @Test
    default void allowShouldRejectWhatIsNotAnAddress() {
        assertThatThrownBy(() -> allowList().allow("nobody"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'nobody' is not a mail address");
    }
}
