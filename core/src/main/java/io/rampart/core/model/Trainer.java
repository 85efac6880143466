package io.rampart.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rampart.core.links.FoundLink;
import io.rampart.core.links.UrlExtractor;
import io.rampart.core.message.ParsedMessage;

/** Batch training of a {@link HashedModel} from labelled messages (the {@code train} command and eval folds). */
public final class Trainer {
    public static final int EPOCHS = 32;
    public static final long SEED = 20240611L;

    /** One labelled example, already reduced to features. */
    public static final class Example {
        private final FeatureVector features;
        private final boolean unwanted;
        private final boolean phish;

        public Example(FeatureVector features, boolean unwanted, boolean phish) {
            this.features = features;
            this.unwanted = unwanted;
            this.phish = phish;
        }

        public FeatureVector features() {
            return features;
        }

        public boolean unwanted() {
            return unwanted;
        }

        public boolean phish() {
            return phish;
        }
    }

    private final FeatureExtractor extractor;

    public Trainer(int bits) {
        this.extractor = new FeatureExtractor(bits);
    }

    /** Features of a message as training sees them (URLs found the way the links analyzer finds them). */
    public FeatureVector features(ParsedMessage message) {
        return extractor.vector(message, urls(message));
    }

    /** The features of {@code message} with the rules a scan without the model found in it ({@link FeatureExtractor#ruleFeatures}). */
    public FeatureVector features(ParsedMessage message, java.util.Collection<String> rules) {
        return extractor.vector(message, urls(message), rules);
    }

    public static List<String> urls(ParsedMessage message) {
        return UrlExtractor.extract(message, FeatureExtractor.MAX_URLS * 3).stream().map(FoundLink::raw)
            .collect(Collectors.toList());
    }

    public HashedModel train(List<Example> examples, int bits) {
        HashedModel model = new HashedModel(bits);
        FeatureVector[] features = new FeatureVector[examples.size()];
        boolean[] unwanted = new boolean[examples.size()];
        boolean[] phish = new boolean[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            features[i] = examples.get(i).features();
            unwanted[i] = examples.get(i).unwanted();
            phish[i] = examples.get(i).phish();
        }
        model.train(features, unwanted, phish, EPOCHS, SEED);
        return model;
    }

    /**
     * The features that sway the most of {@code sample}: weight times the number of sample messages
     * that have the feature (with weights bounded, many rare words share the largest weight, and the
     * features worth reviewing for collection artefacts are the ones that decide many verdicts), with a
     * name seen for each hash.
     */
    public static List<String> topFeatures(HashedModel model, List<ParsedMessage> sample, List<List<String>> sampleRules,
                                           int count) {
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, Integer> messages = new HashMap<>();
        for (int m = 0; m < sample.size(); m++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            java.util.function.Consumer<String> sink = name -> {
                int index = model.extractor().index(name);
                names.putIfAbsent(index, name);
                if (seen.add(index)) {
                    messages.merge(index, 1, Integer::sum);
                }
            };
            model.extractor().visit(sample.get(m), urls(sample.get(m)), sink);
            sampleRules.get(m).forEach(rule -> sink.accept("r:" + rule));
        }
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(names.entrySet());
        entries.sort(Comparator.comparingDouble(e -> -Math.abs(model.unwantedWeight(e.getKey())) * messages.get(e.getKey())));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : entries.subList(0, Math.min(count, entries.size()))) {
            lines.add(String.format(Locale.ROOT, "%+.3f  %-30s in %d messages", model.unwantedWeight(entry.getKey()),
                entry.getValue(), messages.get(entry.getKey())));
        }
        return lines;
    }
}
