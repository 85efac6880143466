package io.rampart.core.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

/** One quarantined mail as admins see it in a list: who, what, when, and Rampart's verdict. */
public final class QuarantineEntry {
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String id;
        private Instant time;
        private Optional<String> sender = Optional.empty();
        private List<String> recipients = ImmutableList.of();
        private String subject = "";
        private String verdictClass = "";
        private double score;
        private List<String> rules = ImmutableList.of();
        private String flow = "";
        private String reason = "";

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder sender(Optional<String> sender) {
            this.sender = sender;
            return this;
        }

        public Builder recipients(List<String> recipients) {
            this.recipients = recipients;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject == null ? "" : subject;
            return this;
        }

        public Builder verdictClass(String verdictClass) {
            this.verdictClass = verdictClass;
            return this;
        }

        public Builder score(double score) {
            this.score = score;
            return this;
        }

        public Builder rules(List<String> rules) {
            this.rules = rules;
            return this;
        }

        public Builder flow(String flow) {
            this.flow = flow;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public QuarantineEntry build() {
            return new QuarantineEntry(this);
        }
    }

    private final String id;
    private final Instant time;
    private final Optional<String> sender;
    private final ImmutableList<String> recipients;
    private final String subject;
    private final String verdictClass;
    private final double score;
    private final ImmutableList<String> rules;
    private final String flow;
    private final String reason;

    private QuarantineEntry(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        this.time = Objects.requireNonNull(builder.time, "time");
        this.sender = builder.sender;
        this.recipients = ImmutableList.copyOf(builder.recipients);
        this.subject = builder.subject;
        this.verdictClass = Objects.requireNonNull(builder.verdictClass);
        this.score = builder.score;
        this.rules = ImmutableList.copyOf(builder.rules);
        this.flow = Objects.requireNonNull(builder.flow);
        this.reason = Objects.requireNonNull(builder.reason);
    }

    public String id() {
        return id;
    }

    public Instant time() {
        return time;
    }

    public Optional<String> sender() {
        return sender;
    }

    public ImmutableList<String> recipients() {
        return recipients;
    }

    public String subject() {
        return subject;
    }

    public String verdictClass() {
        return verdictClass;
    }

    public double score() {
        return score;
    }

    public ImmutableList<String> rules() {
        return rules;
    }

    public String flow() {
        return flow;
    }

    public String reason() {
        return reason;
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof QuarantineEntry) {
            QuarantineEntry that = (QuarantineEntry) o;
            return id.equals(that.id) && time.equals(that.time) && sender.equals(that.sender)
                && recipients.equals(that.recipients) && subject.equals(that.subject)
                && verdictClass.equals(that.verdictClass) && Double.compare(score, that.score) == 0
                && rules.equals(that.rules) && flow.equals(that.flow) && reason.equals(that.reason);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, time, sender, recipients, subject, verdictClass, score, rules, flow, reason);
    }

    @Override
    public String toString() {
        return "QuarantineEntry{" + id + ", " + time + ", " + sender.orElse("<>") + " -> " + recipients + ", '" + subject
            + "', " + verdictClass + "}";
    }
}
