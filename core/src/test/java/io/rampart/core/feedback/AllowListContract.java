package io.rampart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.rampart.core.state.StateStore;

/** What the allow list must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface AllowListContract {
    java.time.Instant T0 = java.time.Instant.parse("2026-11-26T10:00:00Z");

    StateStore state();

    StateStore otherState();

    default AllowList allowList() {
        return new StateAllowList(state());
    }

    default AllowList otherNode() {
        return new StateAllowList(otherState());
    }

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

    @Test
    default void allowedShouldTellWhichOfSeveralAddressesAreAllowed() {
        allowList().allow("friend@example.net");
        allowList().allow("other@example.net");

        assertThat(allowList().allowed(java.util.Arrays.asList(" FRIEND@example.net", "stranger@example.net", null,
            "friend@example.net"))).containsExactly("friend@example.net");
        assertThat(allowList().allowed(java.util.List.of())).isEmpty();
        assertThat(allowList().all()).containsExactlyInAnyOrder("friend@example.net", "other@example.net");
    }

    @Test
    default void anotherNodeShouldSeeAllowedAndRemovedSenders() {
        allowList().allow("friend@example.net");

        assertThat(otherNode().isAllowed("friend@example.net")).isTrue();
        assertThat(otherNode().remove("friend@example.net")).isTrue();
        assertThat(allowList().isAllowed("friend@example.net")).isFalse();
        assertThat(allowList().remove("friend@example.net")).isFalse();
    }
}
