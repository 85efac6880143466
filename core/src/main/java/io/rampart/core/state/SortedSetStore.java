package io.rampart.core.state;

import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

/** Members ordered by a score (expiry indexes, time-ordered ids). */
public interface SortedSetStore {
    /** Adds the member or updates its score. */
    void add(String key, String member, double score);

    Optional<Double> score(String key, String member);

    /** Members with {@code min <= score <= max}, lowest score first, at most {@code limit}. */
    ImmutableList<ScoredMember> rangeByScore(String key, double min, double max, int limit);

    boolean remove(String key, String member);

    long size(String key);

    final class ScoredMember {
        public static ScoredMember of(String member, double score) {
            return new ScoredMember(member, score);
        }

        private final String member;
        private final double score;

        private ScoredMember(String member, double score) {
            this.member = Objects.requireNonNull(member, "member");
            this.score = score;
        }

        public String member() {
            return member;
        }

        public double score() {
            return score;
        }

        @Override
        public final boolean equals(Object o) {
            if (o instanceof ScoredMember) {
                ScoredMember that = (ScoredMember) o;
                return member.equals(that.member) && Double.compare(score, that.score) == 0;
            }
            return false;
        }

        @Override
        public final int hashCode() {
            return Objects.hash(member, score);
        }

        @Override
        public String toString() {
            return member + "=" + score;
        }
    }
}
