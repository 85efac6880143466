package io.rampart.core.limits;

import java.util.Locale;
import java.util.Objects;

/** A limit this mail went over: the limit, its value and what was observed (including this mail). */
public final class Breach {
    public static Breach of(Limit limit, int allowed, long observed) {
        return new Breach(limit, allowed, observed);
    }

    private final Limit limit;
    private final int allowed;
    private final long observed;

    private Breach(Limit limit, int allowed, long observed) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.allowed = allowed;
        this.observed = observed;
    }

    public Limit limit() {
        return limit;
    }

    public int allowed() {
        return allowed;
    }

    public long observed() {
        return observed;
    }

    /** For alerts and notices, e.g. {@code externalRecipientsPerHour: 230 > 200 (last 1h)}. */
    public String describe() {
        return limit.key() + ": " + observed + " > " + allowed
            + limit.window().map(w -> " (last " + w.toString().substring(2).toLowerCase(Locale.ROOT) + ")").orElse(" (this message)");
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Breach) {
            Breach that = (Breach) o;
            return limit == that.limit && allowed == that.allowed && observed == that.observed;
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(limit, allowed, observed);
    }

    @Override
    public String toString() {
        return describe();
    }
}
