package io.rampart.core.model;

import io.rampart.core.feedback.Learner;
import io.rampart.core.message.MessageParser;

/**
 * Online learning from people's decisions (confirmed reports: unwanted; releases and "not junk":
 * wanted) into the statistical model the engine scores with. The model instance is shared per JVM
 * ({@link Models}), so what is learned reaches the next scan at once.
 */
public final class ModelLearner implements Learner {
    private final HashedModel model;
    private final MessageParser parser;

    public ModelLearner(HashedModel model, MessageParser parser) {
        this.model = model;
        this.parser = parser;
    }

    @Override
    public void learn(byte[] rawMessage, boolean unwanted) {
        model.learn(parser.parse(rawMessage), unwanted);
    }
}
