package io.rampart.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.state.StateStore;

/** Learnt names live in the state store: what one James node learns, another knows and can forget. */
public interface PeopleStoreContract {
    StateStore state();

    /** The same store as a second James node sees it. */
    StateStore otherState();

    @Test
    default void aNameLearntOnOneNodeIsKnownAndForgottenOnAnother() {
        People nodeA = new People(ImmutableList.of(), ImmutableList.of(), true, state());
        People nodeB = new People(ImmutableList.of("Carol Jones"), ImmutableList.of(), true, otherState());

        assertThat(nodeA.learn("bob@acme.example", "bob@acme.example", "Bob Smith")).isTrue();

        assertThat(nodeB.lookup("Smith, Bob")).hasValueSatisfying(known ->
            assertThat(known.address()).contains("bob@acme.example"));
        assertThat(nodeB.all()).extracting(People.Known::name).containsExactly("Carol Jones", "Bob Smith");
        assertThat(nodeB.forget("bob smith")).isTrue();
        assertThat(nodeA.lookup("Bob Smith")).isEmpty();
        assertThat(nodeB.forget("Bob Smith")).isFalse();
    }

    @Test
    default void theFirstAddressToSendUnderANameKeepsIt() {
        People nodeA = new People(ImmutableList.of(), ImmutableList.of(), true, state());
        People nodeB = new People(ImmutableList.of(), ImmutableList.of(), true, otherState());

        assertThat(nodeA.learn("bob@acme.example", "bob@acme.example", "Bob Smith")).isTrue();
        assertThat(nodeB.learn("robert@acme.example", "robert@acme.example", "Bob Smith")).isFalse();

        assertThat(nodeB.lookup("Bob Smith")).hasValueSatisfying(known ->
            assertThat(known.address()).contains("bob@acme.example"));
    }
}
