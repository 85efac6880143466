package io.rampart.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MemoTest {
    @Test
    void computesEachKeyOnceAndStaysWithinItsCapacity() {
        AtomicInteger calls = new AtomicInteger();
        Memo<Integer> memo = new Memo<>(3, 10);
        assertThat(memo.get("abc", key -> {
            calls.incrementAndGet();
            return key.length();
        })).isEqualTo(3);
        assertThat(memo.get("abc", key -> {
            calls.incrementAndGet();
            return -1;
        })).as("remembered, not recomputed").isEqualTo(3);
        assertThat(calls).hasValue(1);
        for (int i = 0; i < 10; i++) {
            int expected = i;
            assertThat(memo.get("key" + i, key -> expected)).isEqualTo(i);
        }
        // Emptied when full: an old key is computed again, by the function given now.
        assertThat(memo.get("abc", key -> 42)).isEqualTo(42);
        assertThat(memo.size()).isLessThanOrEqualTo(3);
        // A key over the length limit is computed every time and never held.
        String huge = "x".repeat(11);
        assertThat(memo.get(huge, key -> 1)).isEqualTo(1);
        assertThat(memo.get(huge, key -> 2)).isEqualTo(2);
    }
}
