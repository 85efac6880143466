package io.rampart.core.util;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in messages: {@code 1h}, {@code 720h}, {@code 30m}, {@code 1s}. */
public final class Durations {
    private Durations() {
    }

    public static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
