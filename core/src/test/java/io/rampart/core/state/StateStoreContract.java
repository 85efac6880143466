package io.rampart.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import io.rampart.core.state.SortedSetStore.ScoredMember;

/** The behaviour every state backend must have; implemented once per backend. */
public interface StateStoreContract {
    Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    Duration HOUR = Duration.ofHours(1);

    StateStore store();

    @Test
    default void keyValueShouldBeEmptyWhenAbsent() {
        assertThat(store().keyValues().get("absent")).isEmpty();
    }

    @Test
    default void keyValueShouldReturnWhatWasPut() {
        store().keyValues().put("k", "v 值");
        assertThat(store().keyValues().get("k")).contains("v 值");
    }

    @Test
    default void putIfAbsentShouldKeepTheFirstValue() {
        assertThat(store().keyValues().putIfAbsent("k", "first")).isTrue();
        assertThat(store().keyValues().putIfAbsent("k", "second")).isFalse();
        assertThat(store().keyValues().get("k")).contains("first");
    }

    @Test
    default void deleteShouldTellWhetherTheKeyExisted() {
        store().keyValues().put("k", "v");
        assertThat(store().keyValues().delete("k")).isTrue();
        assertThat(store().keyValues().delete("k")).isFalse();
        assertThat(store().keyValues().get("k")).isEmpty();
    }

    @Test
    default void incrementShouldStartFromZero() {
        assertThat(store().keyValues().increment("c", 3)).isEqualTo(3);
        assertThat(store().keyValues().increment("c", -1)).isEqualTo(2);
    }

    @Test
    default void hashShouldStoreFieldsAndListThemSorted() {
        store().hashes().put("h", "b", "2");
        store().hashes().put("h", "a", "1");
        assertThat(store().hashes().get("h", "a")).contains("1");
        assertThat(store().hashes().entries("h")).containsExactly(ImmutableMap.of("a", "1", "b", "2").entrySet().toArray(new java.util.Map.Entry[0]));
        assertThat(store().hashes().size("h")).isEqualTo(2);
    }

    @Test
    default void hashShouldBeEmptyWhenAbsent() {
        assertThat(store().hashes().entries("none")).isEmpty();
        assertThat(store().hashes().get("none", "f")).isEmpty();
        assertThat(store().hashes().size("none")).isZero();
    }

    @Test
    default void hashPutIfAbsentShouldKeepTheFirstValue() {
        assertThat(store().hashes().putIfAbsent("h", "f", "1")).isTrue();
        assertThat(store().hashes().putIfAbsent("h", "f", "2")).isFalse();
        assertThat(store().hashes().get("h", "f")).contains("1");
    }

    @Test
    default void hashRemoveShouldTellWhetherTheFieldExisted() {
        store().hashes().put("h", "f", "1");
        assertThat(store().hashes().remove("h", "f")).isTrue();
        assertThat(store().hashes().remove("h", "f")).isFalse();
        assertThat(store().hashes().get("h", "f")).isEmpty();
    }

    @Test
    default void hashReplaceShouldSetOnlyWhenTheValueIsStillTheExpectedOne() {
        store().hashes().put("h", "f", "1");
        assertThat(store().hashes().replace("h", "f", "0", "2")).isFalse();
        assertThat(store().hashes().get("h", "f")).contains("1");
        assertThat(store().hashes().replace("h", "f", "1", "2")).isTrue();
        assertThat(store().hashes().get("h", "f")).contains("2");
        assertThat(store().hashes().replace("h", "absent", "1", "2")).as("an absent field is not created").isFalse();
        assertThat(store().hashes().replace("none", "f", "1", "2")).isFalse();
        assertThat(store().hashes().get("h", "absent")).isEmpty();
        assertThat(store().hashes().size("none")).isZero();
    }

    @Test
    default void concurrentCompareAndSetLoopsShouldLoseNoUpdate() throws Exception {
        store().hashes().put("h", "counter", "0");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        while (true) {
                            String current = store().hashes().get("h", "counter").orElseThrow();
                            String next = Integer.toString(Integer.parseInt(current) + 1);
                            if (store().hashes().replace("h", "counter", current, next)) {
                                break;
                            }
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().hashes().get("h", "counter")).contains("200");
    }

    @Test
    default void emptiedContainersShouldReadAsAbsentAndBeWritableAgain() {
        store().hashes().put("h", "f", "1");
        store().hashes().remove("h", "f");
        store().sets().addAll("s", ImmutableList.of("a"));
        store().sets().remove("s", "a");
        store().sortedSets().add("z", "a", 1);
        store().sortedSets().remove("z", "a");
        assertThat(store().hashes().entries("h")).isEmpty();
        assertThat(store().sets().members("s")).isEmpty();
        assertThat(store().sortedSets().rangeByScore("z", 0, 10, 10)).isEmpty();

        store().hashes().put("h", "g", "2");
        store().sets().addAll("s", ImmutableList.of("b"));
        store().sortedSets().add("z", "b", 2);
        assertThat(store().hashes().entries("h")).containsOnlyKeys("g");
        assertThat(store().sets().members("s")).containsExactly("b");
        assertThat(store().sortedSets().size("z")).isEqualTo(1);
    }

    @Test
    default void presentShouldTellWhichFieldsAHashHas() {
        store().hashes().put("h", "a", "1");
        store().hashes().put("h", "c", "3");
        assertThat(store().hashes().present("h", ImmutableList.of("c", "b", "a", "c"))).containsExactly("c", "a");
        assertThat(store().hashes().present("none", ImmutableList.of("a"))).isEmpty();
        assertThat(store().hashes().present("h", ImmutableList.of())).isEmpty();
    }

    @Test
    default void getManyShouldReadFieldsOfSeveralHashesInOrder() {
        store().hashes().put("h1", "a", "1");
        store().hashes().put("h2", "b", "2");
        assertThat(store().hashes().getMany(ImmutableList.of(HashStore.Field.of("h1", "a"), HashStore.Field.of("h1", "zz"),
            HashStore.Field.of("h2", "b"), HashStore.Field.of("none", "a"))))
            .containsExactly(java.util.Optional.of("1"), java.util.Optional.empty(), java.util.Optional.of("2"),
                java.util.Optional.empty());
        assertThat(store().hashes().getMany(ImmutableList.of())).isEmpty();
    }

    @Test
    default void listShouldReturnNewestFirst() {
        store().lists().push("l", "1", 10);
        store().lists().push("l", "2", 10);
        store().lists().push("l", "3", 10);
        assertThat(store().lists().range("l", 0, 10)).containsExactly("3", "2", "1");
        assertThat(store().lists().range("l", 1, 1)).containsExactly("2");
        assertThat(store().lists().size("l")).isEqualTo(3);
    }

    @Test
    default void listShouldKeepOnlyTheNewestValues() {
        IntStream.range(0, 5).forEach(i -> store().lists().push("l", "v" + i, 3));
        assertThat(store().lists().range("l", 0, 10)).containsExactly("v4", "v3", "v2");
    }

    @Test
    default void listShouldBeEmptyWhenAbsentOrCleared() {
        assertThat(store().lists().range("l", 0, 10)).isEmpty();
        store().lists().push("l", "v", 3);
        store().lists().clear("l");
        assertThat(store().lists().size("l")).isZero();
    }

    @Test
    default void setAddAllShouldReturnOnlyNewMembers() {
        assertThat(store().sets().addAll("s", ImmutableList.of("a", "b"))).containsExactlyInAnyOrder("a", "b");
        assertThat(store().sets().addAll("s", ImmutableList.of("b", "c"))).containsExactly("c");
        assertThat(store().sets().addAll("s", ImmutableList.of())).isEmpty();
        assertThat(store().sets().members("s")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(store().sets().size("s")).isEqualTo(3);
    }

    @Test
    default void setShouldSupportContainsAndRemove() {
        store().sets().addAll("s", ImmutableList.of("a"));
        assertThat(store().sets().contains("s", "a")).isTrue();
        assertThat(store().sets().remove("s", "a")).isTrue();
        assertThat(store().sets().remove("s", "a")).isFalse();
        assertThat(store().sets().contains("s", "a")).isFalse();
    }

    @Test
    default void sortedSetShouldRangeByScoreInOrder() {
        store().sortedSets().add("z", "c", 3);
        store().sortedSets().add("z", "a", 1);
        store().sortedSets().add("z", "b", 2);
        assertThat(store().sortedSets().rangeByScore("z", 1, 2, 10))
            .containsExactly(ScoredMember.of("a", 1), ScoredMember.of("b", 2));
        assertThat(store().sortedSets().rangeByScore("z", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 2))
            .extracting(ScoredMember::member).containsExactly("a", "b");
    }

    @Test
    default void sortedSetAddShouldUpdateTheScore() {
        store().sortedSets().add("z", "a", 1);
        store().sortedSets().add("z", "a", 5);
        assertThat(store().sortedSets().score("z", "a")).contains(5.0);
        assertThat(store().sortedSets().size("z")).isEqualTo(1);
    }

    @Test
    default void sortedSetRemoveShouldTellWhetherTheMemberExisted() {
        store().sortedSets().add("z", "a", 1);
        assertThat(store().sortedSets().remove("z", "a")).isTrue();
        assertThat(store().sortedSets().remove("z", "a")).isFalse();
        assertThat(store().sortedSets().score("z", "a")).isEmpty();
    }

    @Test
    default void windowShouldSumEventsInsideTheWindow() {
        assertThat(store().windows().addAndSum("w", "e1", NOW, 3, HOUR)).isEqualTo(3);
        assertThat(store().windows().addAndSum("w", "e2", NOW.plusSeconds(60), 4, HOUR)).isEqualTo(7);
        assertThat(store().windows().sum("w", NOW.plusSeconds(120), HOUR)).isEqualTo(7);
    }

    @Test
    default void windowShouldSlide() {
        store().windows().addAndSum("w", "e1", NOW, 3, HOUR);
        store().windows().addAndSum("w", "e2", NOW.plus(Duration.ofMinutes(30)), 4, HOUR);
        assertThat(store().windows().sum("w", NOW.plus(HOUR), HOUR)).isEqualTo(4);
        assertThat(store().windows().addAndSum("w", "e3", NOW.plus(Duration.ofMinutes(95)), 1, HOUR)).isEqualTo(1);
    }

    @Test
    default void windowShouldCountAnEventIdOnce() {
        store().windows().addAndSum("w", "mail-1", NOW, 5, HOUR);
        assertThat(store().windows().addAndSum("w", "mail-1", NOW.plusSeconds(1), 5, HOUR)).isEqualTo(5);
    }

    @Test
    default void addAndSumAllShouldRecordInEveryWindowAtOnce() {
        store().windows().addAndSum("hour", "e0", NOW.minus(Duration.ofMinutes(30)), 5, HOUR);
        ImmutableList<Long> sums = store().windows().addAndSumAll("e1", NOW, ImmutableList.of(
            WindowStore.WindowAdd.of("hour", 2, HOUR),
            WindowStore.WindowAdd.of("minute", 1, Duration.ofMinutes(1))));
        assertThat(sums).containsExactly(7L, 1L);
        assertThat(store().windows().addAndSumAll("e1", NOW, ImmutableList.of(WindowStore.WindowAdd.of("hour", 2, HOUR))))
            .as("same event id replaces").containsExactly(7L);
        assertThat(store().windows().sum("minute", NOW.plus(Duration.ofMinutes(1)), Duration.ofMinutes(1))).isZero();
        assertThat(store().windows().addAndSumAll("e2", NOW, ImmutableList.of())).isEmpty();
    }

    @Test
    default void concurrentWritersShouldLoseNothing() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        store().windows().addAndSum("w", thread + "-" + i, NOW, 1, HOUR);
                        store().keyValues().increment("c", 1);
                        store().sets().addAll("s", ImmutableList.of("m" + (i % 50)));
                        store().lists().push("l", thread + "-" + i, 1000);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().windows().sum("w", NOW, HOUR)).isEqualTo(400);
        assertThat(store().keyValues().get("c")).contains("400");
        assertThat(store().sets().size("s")).isEqualTo(50);
        assertThat(store().lists().size("l")).isEqualTo(400);
    }

    @Test
    default void windowShouldBeZeroWhenAbsent() {
        assertThat(store().windows().sum("none", NOW, HOUR)).isZero();
    }

    @Test
    default void windowShouldHandleManyEvents() {
        IntStream.range(0, 2000).forEach(i -> store().windows().addAndSum("w", "e" + i, NOW.plusMillis(i), 1, HOUR));
        assertThat(store().windows().sum("w", NOW.plus(HOUR).plusMillis(999), HOUR)).isEqualTo(1000);
    }

    @Test
    default void keysOfDifferentPrimitivesShouldNotCollideAcrossNames() {
        store().keyValues().put("x", "1");
        store().hashes().put("y", "f", "2");
        assertThat(store().keyValues().get("y")).isEmpty();
        assertThat(IntStream.range(0, 3).mapToObj(i -> store().keyValues().get("x").orElse(""))
            .collect(Collectors.joining())).isEqualTo("111");
    }
}
