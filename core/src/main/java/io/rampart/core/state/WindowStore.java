package io.rampart.core.state;

import java.time.Duration;
import java.time.Instant;

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
}
