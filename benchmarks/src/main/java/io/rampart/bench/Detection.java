package io.rampart.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Per-label tallies of how many messages a filter flagged. Thread-safe. */
public final class Detection {
    private final Map<String, int[]> byLabel = new LinkedHashMap<>();
    private int errors;

    public synchronized void record(String label, boolean flagged) {
        int[] counts = byLabel.computeIfAbsent(label, l -> new int[2]);
        counts[0]++;
        if (flagged) {
            counts[1]++;
        }
    }

    /** A message the filter gave no answer for (error, timeout): counted, never as flagged. */
    public synchronized void error(String label) {
        errors++;
        record(label, false);
    }

    public synchronized int errors() {
        return errors;
    }

    /** Share flagged, 0..1, for a label (NaN when the corpus has none). */
    public synchronized double rate(String label) {
        int[] counts = byLabel.get(label);
        return counts == null || counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0];
    }

    public synchronized int total(String label) {
        int[] counts = byLabel.get(label);
        return counts == null ? 0 : counts[0];
    }

    public synchronized int flagged(String label) {
        int[] counts = byLabel.get(label);
        return counts == null ? 0 : counts[1];
    }

    /** {@code phish 812/1414 (57.4%), spam ..., ham FP 3/2076 (0.14%)}. */
    public synchronized String summary() {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, int[]> entry : byLabel.entrySet()) {
            if (line.length() > 0) {
                line.append(", ");
            }
            String name = "ham".equals(entry.getKey()) ? "ham FP" : entry.getKey();
            line.append(String.format(Locale.ROOT, "%s %d/%d (%.1f%%)", name, entry.getValue()[1],
                entry.getValue()[0], 100.0 * entry.getValue()[1] / entry.getValue()[0]));
        }
        if (errors > 0) {
            line.append(", errors ").append(errors);
        }
        return line.toString();
    }
}
