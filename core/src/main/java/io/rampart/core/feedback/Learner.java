package io.rampart.core.feedback;

/**
 * Trains the statistical model from people's decisions: confirmed reports are unwanted, released
 * quarantine and "not junk" moves are wanted. The model owner supplies the real implementation;
 * {@link RecordingLearner} keeps the examples until then.
 */
public interface Learner {
    void learn(byte[] rawMessage, boolean unwanted);
}
