package io.rampart.core.behaviour;

import java.util.Locale;

import com.google.common.base.Preconditions;

/**
 * A user's usual fan-out: how many mails were observed and the average recipients per mail (an
 * exponentially weighted mean once {@link #WARM_UP} mails were seen, so it follows slow change).
 */
public final class Baseline {
    public static final int WARM_UP = 50;
    public static final double ALPHA = 0.05;
    private static final Baseline EMPTY = new Baseline(0, 0);

    public static Baseline empty() {
        return EMPTY;
    }

    public static Baseline of(long messages, double meanRecipients) {
        return new Baseline(messages, meanRecipients);
    }

    static Baseline parse(String value) {
        String[] parts = value.split(",", 2);
        return new Baseline(Long.parseLong(parts[0]), Double.parseDouble(parts[1]));
    }

    private final long messages;
    private final double meanRecipients;

    private Baseline(long messages, double meanRecipients) {
        Preconditions.checkArgument(messages >= 0 && meanRecipients >= 0, "bad baseline %s,%s", (Object) messages, (Object) meanRecipients);
        this.messages = messages;
        this.meanRecipients = meanRecipients;
    }

    public long messages() {
        return messages;
    }

    public double meanRecipients() {
        return meanRecipients;
    }

    public Baseline add(int recipients) {
        long count = messages + 1;
        double mean = count <= WARM_UP
            ? meanRecipients + (recipients - meanRecipients) / count
            : meanRecipients + ALPHA * (recipients - meanRecipients);
        return new Baseline(count, mean);
    }

    String serialize() {
        return messages + "," + meanRecipients;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f recipients per mail over %d mails", meanRecipients, messages);
    }
}
