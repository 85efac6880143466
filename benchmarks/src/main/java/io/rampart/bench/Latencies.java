package io.rampart.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, summarised as p50/p99/max in milliseconds. Not thread-safe. */
public final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    public void add(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = value;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    public int count() {
        return count;
    }

    /** The q-quantile (0..1, nearest rank) in milliseconds; 0 when empty. */
    public double quantileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    public double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return max / 1e6;
    }

    public double meanMillis() {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / count / 1e6;
    }

    /** {@code p50 X ms, p99 Y ms, max Z ms}. */
    public String summary() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.1f ms", quantileMillis(0.50),
            quantileMillis(0.99), maxMillis());
    }
}
