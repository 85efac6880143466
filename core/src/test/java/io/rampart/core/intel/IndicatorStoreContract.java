package io.rampart.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;
import io.rampart.core.verdict.VerdictClass;

/** What the indicator store must do on every state backend; {@link #otherNode()} is a second James node on the same state. */
public interface IndicatorStoreContract {
    Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    StateStore state();

    StateStore otherState();

    MutableClock clock();

    default IndicatorStore store() {
        return new StateIndicatorStore(state(), clock());
    }

    default IndicatorStore otherNode() {
        return new StateIndicatorStore(otherState(), clock());
    }

    static Indicator domain(String value, VerdictClass verdict, String source, int confidence) {
        return Indicator.of(IndicatorType.DOMAIN, value, verdict, source, confidence, Optional.empty(), T0);
    }

    @Test
    default void getShouldReturnEveryFieldOfAStoredIndicator() {
        Indicator indicator = Indicator.of(IndicatorType.URL, "HTTP://Evil.test/Pay?x=1", VerdictClass.MALWARE, "feed-a", 42,
            Optional.of(T0.plus(Duration.ofDays(1))), T0.plusNanos(7));

        Indicator stored = store().put(indicator);

        assertThat(stored).isEqualTo(indicator);
        assertThat(store().get(indicator.id())).contains(indicator);
        assertThat(store().get("unknown")).isEmpty();
        assertThat(store().list()).containsExactly(indicator);
    }

    @Test
    default void putShouldRefreshTheSameIndicatorFromTheSameSourceAndKeepOthersApart() {
        Indicator first = store().put(domain("x.test", VerdictClass.PHISH, "s", 60));
        store().replace(first.revoked(T0));
        Indicator again = store().put(Indicator.of(IndicatorType.DOMAIN, "X.test", VerdictClass.MALWARE, "s", 95,
            Optional.of(T0.plusSeconds(3600)), T0.plusSeconds(10)));
        Indicator other = store().put(domain("x.test", VerdictClass.SPAM, "other", 10));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.createdAt()).isEqualTo(T0);
        assertThat(again.confidence()).isEqualTo(95);
        assertThat(again.verdict()).isEqualTo(VerdictClass.MALWARE);
        assertThat(again.expiresAt()).contains(T0.plusSeconds(3600));
        assertThat(again.revokedAt()).as("a source listing it again revives it").isEmpty();
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(store().get(first.id())).contains(again);
        assertThat(store().find(IndicatorType.DOMAIN, "x.test")).containsExactlyInAnyOrder(again, other);
        assertThat(store().list()).hasSize(2);
    }

    @Test
    default void puttingTheSameIndicatorAgainShouldChangeNothing() {
        Indicator first = store().put(domain("x.test", VerdictClass.PHISH, "s", 60));

        assertThat(store().put(domain("x.test", VerdictClass.PHISH, "s", 60))).isEqualTo(first);
        assertThat(store().list()).containsExactly(first);
    }

    @Test
    default void findShouldSkipRevokedAndExpiredIndicatorsButListShouldKeepThem() {
        Indicator revoked = store().put(domain("x.test", VerdictClass.PHISH, "a", 60));
        store().replace(revoked.revoked(T0));
        Indicator expiring = store().put(Indicator.of(IndicatorType.DOMAIN, "x.test", VerdictClass.PHISH, "b", 60,
            Optional.of(T0.plusSeconds(60)), T0));

        assertThat(store().find(IndicatorType.DOMAIN, "x.test")).containsExactly(expiring);
        clock().advance(Duration.ofSeconds(60));
        assertThat(store().find(IndicatorType.DOMAIN, "x.test")).isEmpty();
        assertThat(store().get(revoked.id()).orElseThrow().revokedAt()).contains(T0);
        assertThat(store().list()).extracting(Indicator::id).containsExactlyInAnyOrder(revoked.id(), expiring.id());
    }

    @Test
    default void findShouldMatchExactlyTypeAndNormalisedValue() {
        store().put(domain("evil.test", VerdictClass.PHISH, "s", 60));

        assertThat(store().find(IndicatorType.DOMAIN, "evil.test")).hasSize(1);
        assertThat(store().find(IndicatorType.DOMAIN, "sub.evil.test")).isEmpty();
        assertThat(store().find(IndicatorType.URL, "evil.test")).isEmpty();
    }

    @Test
    default void findAllShouldAnswerEveryLookupInOrder() {
        Indicator domain = store().put(domain("evil.test", VerdictClass.PHISH, "s", 60));
        Indicator sender = store().put(Indicator.of(IndicatorType.SENDER, "boss@evil.test", VerdictClass.SPAM, "s", 30,
            Optional.empty(), T0));

        List<List<Indicator>> found = store().findAll(ImmutableList.of(
            IndicatorStore.Lookup.of(IndicatorType.URL, "http://ok.test/"),
            IndicatorStore.Lookup.of(IndicatorType.SENDER, "boss@evil.test"),
            IndicatorStore.Lookup.of(IndicatorType.DOMAIN, "evil.test"),
            IndicatorStore.Lookup.of(IndicatorType.DOMAIN, "evil.test")));

        assertThat(found).containsExactly(List.of(), List.of(sender), List.of(domain), List.of(domain));
        assertThat(store().findAll(ImmutableList.of())).isEmpty();
    }

    @Test
    default void twoNodesRefreshingTheSameIndicatorShouldKeepOneIndicator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Indicator> stored = new ArrayList<>();
        try {
            List<Future<Indicator>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                IndicatorStore node = i % 2 == 0 ? store() : otherNode();
                int confidence = 50 + i;
                Callable<Indicator> put = () -> node.put(domain("x.test", VerdictClass.PHISH, "feed", confidence));
                futures.add(pool.submit(put));
                String source = "source-" + i;
                futures.add(pool.submit(() -> node.put(domain("x.test", VerdictClass.PHISH, source, 70))));
            }
            for (Future<Indicator> future : futures) {
                stored.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored.stream().filter(i -> i.source().equals("feed")).map(Indicator::id).distinct()).hasSize(1);
        assertThat(store().find(IndicatorType.DOMAIN, "x.test")).hasSize(21);
        assertThat(store().list()).hasSize(21);
    }

    @Test
    default void anotherNodeShouldSeeAndRevokeTheSameIndicators() {
        Indicator indicator = store().put(domain("x.test", VerdictClass.PHISH, "s", 60));

        assertThat(otherNode().find(IndicatorType.DOMAIN, "x.test")).containsExactly(indicator);
        otherNode().replace(otherNode().get(indicator.id()).orElseThrow().revoked(T0));

        assertThat(store().find(IndicatorType.DOMAIN, "x.test")).isEmpty();
        assertThat(store().get(indicator.id()).orElseThrow().revokedAt()).contains(T0);
    }
}
