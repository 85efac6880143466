package io.rampart.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.google.common.collect.ImmutableList;

/**
 * Sliding-window sums (recipients per hour, messages per minute). Each event has an id, a time and
 * an amount; an event counts while {@code time > now - window}. Adding the same event id twice
 * replaces it (a retried mail is not counted twice).
 */
public interface WindowStore {
    /** Records the event, drops events that left the window, and returns the sum in the window. */
    long addAndSum(String key, String eventId, Instant at, long amount, Duration window);

    /** The sum of events still in the window at {@code at} (events that left it are dropped). */
    long sum(String key, Instant at, Duration window);

    /**
     * Records one event in several windows at once (one round trip on Redis) and returns each
     * window's sum, in order.
     */
    default ImmutableList<Long> addAndSumAll(String eventId, Instant at, List<WindowAdd> adds) {
        return adds.stream().map(add -> addAndSum(add.key(), eventId, at, add.amount(), add.window()))
            .collect(ImmutableList.toImmutableList());
    }

    /** One window an event goes into, with its amount there. */
    final class WindowAdd {
        public static WindowAdd of(String key, long amount, Duration window) {
            return new WindowAdd(key, amount, window);
        }

        private final String key;
        private final long amount;
        private final Duration window;

        private WindowAdd(String key, long amount, Duration window) {
            this.key = Objects.requireNonNull(key);
            this.amount = amount;
            this.window = Objects.requireNonNull(window);
        }

        public String key() {
            return key;
        }

        public long amount() {
            return amount;
        }

        public Duration window() {
            return window;
        }
    }
}
