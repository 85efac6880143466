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
    private final java.util.function.Function<byte[], java.util.Collection<String>> rules;

    /**
     * @param rules the rules a scan without the model finds in a raw message ({@link FeatureExtractor#ruleFeatures}):
     *              the model scores with them beside the text, so it learns their weights from people's decisions too
     */
    public ModelLearner(HashedModel model, MessageParser parser,
                        java.util.function.Function<byte[], java.util.Collection<String>> rules) {
        this.model = model;
        this.parser = parser;
        this.rules = rules;
    }

    @Override
    public void learn(byte[] rawMessage, boolean unwanted) {
        model.learn(parser.parse(rawMessage), rules.apply(rawMessage), unwanted);
    }
}
