package io.rampart.core.feedback;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.google.common.collect.ImmutableList;

/** A {@link Learner} that only remembers the last examples it was given (bounded), for tests and until a model is wired. */
public final class RecordingLearner implements Learner {
    public static final int DEFAULT_CAPACITY = 1_000;

    /** One training example. */
    public static final class Example {
        private final byte[] raw;
        private final boolean unwanted;

        Example(byte[] raw, boolean unwanted) {
            this.raw = raw.clone();
            this.unwanted = unwanted;
        }

        public byte[] raw() {
            return raw.clone();
        }

        public boolean unwanted() {
            return unwanted;
        }
    }

    private final int capacity;
    private final Deque<Example> examples = new ArrayDeque<>();

    public RecordingLearner() {
        this(DEFAULT_CAPACITY);
    }

    public RecordingLearner(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void learn(byte[] rawMessage, boolean unwanted) {
        examples.addLast(new Example(rawMessage, unwanted));
        while (examples.size() > capacity) {
            examples.removeFirst();
        }
    }

    public synchronized List<Example> examples() {
        return ImmutableList.copyOf(examples);
    }
}
