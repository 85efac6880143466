package io.rampart.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QuarantineFilterTest {
    private static final Instant TIME = Instant.parse("2026-11-26T10:00:00Z");
    private static final QuarantineEntry ENTRY = QuarantineEntry.builder()
        .id("mail-1")
        .time(TIME)
        .sender(Optional.of("Spammer@Example.net"))
        .recipients(List.of("bob@acme.test", "carol@acme.test"))
        .subject("Offer")
        .verdictClass("spam")
        .score(100)
        .rules(List.of("gtube", "links.bad"))
        .flow("inbound")
        .reason("spam (score 100.00 >= 5.00)")
        .build();

    private static boolean matches(Map<String, String> parameters) {
        return QuarantineFilter.parse(parameters).matches(ENTRY);
    }

    @Test
    void emptyFilterShouldMatchEverything() {
        assertThat(QuarantineFilter.parse(Map.of()).isEmpty()).isTrue();
        assertThat(matches(Map.of())).isTrue();
    }

    @Test
    void eachCriterionShouldBeApplied() {
        assertThat(matches(Map.of("class", "spam"))).isTrue();
        assertThat(matches(Map.of("class", "phish"))).isFalse();
        assertThat(matches(Map.of("flow", "inbound"))).isTrue();
        assertThat(matches(Map.of("flow", "outbound"))).isFalse();
        assertThat(matches(Map.of("sender", "spammer@example.net"))).isTrue();
        assertThat(matches(Map.of("sender", "@example.net"))).isTrue();
        assertThat(matches(Map.of("sender", "example.net"))).isTrue();
        assertThat(matches(Map.of("sender", "other@example.net"))).isFalse();
        assertThat(matches(Map.of("recipient", "carol@acme.test"))).isTrue();
        assertThat(matches(Map.of("recipient", "alice@acme.test"))).isFalse();
        assertThat(matches(Map.of("rule", "links.bad"))).isTrue();
        assertThat(matches(Map.of("rule", "links"))).isFalse();
        assertThat(matches(Map.of("since", "2026-11-26T10:00:00Z"))).isTrue();
        assertThat(matches(Map.of("until", "2026-11-26T10:00:00Z"))).isFalse();
        assertThat(matches(Map.of("since", "2026-11-26T09:00:00Z", "until", "2026-11-26T11:00:00Z"))).isTrue();
    }

    @Test
    void olderThanShouldSelectEntriesBeforeTheInstant() {
        assertThat(QuarantineFilter.olderThan(TIME.plusSeconds(1)).matches(ENTRY)).isTrue();
        assertThat(QuarantineFilter.olderThan(TIME).matches(ENTRY)).isFalse();
    }

    @Test
    void badValuesShouldBeRejectedWithTheParameterName() {
        assertThatThrownBy(() -> QuarantineFilter.parse(Map.of("class", "bogus")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("'class': 'bogus' is not a verdict class; expected one of ");
        assertThatThrownBy(() -> QuarantineFilter.parse(Map.of("flow", "sideways")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("'flow': ");
        assertThatThrownBy(() -> QuarantineFilter.parse(Map.of("since", "yesterday")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'since' must be an ISO-8601 instant such as 2026-01-31T08:00:00Z, got 'yesterday'");
        assertThatThrownBy(() -> QuarantineFilter.parse(Map.of("since", "2026-11-26T10:00:00Z", "until", "2026-11-26T09:00:00Z")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'since' (2026-11-26T10:00:00Z) must be before 'until' (2026-11-26T09:00:00Z)");
        assertThatThrownBy(() -> QuarantineFilter.parse(Map.of("sender", " ")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("sender and recipient filters must not be empty");
    }
}
