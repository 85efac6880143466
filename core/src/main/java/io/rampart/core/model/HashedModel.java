package io.rampart.core.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.google.common.base.Preconditions;

import io.rampart.core.message.ParsedMessage;

/**
 * Two logistic regressions over hashed features: {@code unwanted} (spam or phish vs ham) and
 * {@code phish} (phish vs spam, trained on unwanted mail only, used to name the class). Thread-safe:
 * scoring takes a read lock, {@link #learn} a write lock, so the quarantine/report feature can
 * teach it online from confirmed reports while mail is scanned.
 */
public final class HashedModel {
    public static final String RESOURCE = "/io/rampart/core/model/rampart.model";
    public static final int DEFAULT_BITS = 20;
    public static final double ONLINE_LEARNING_RATE = 0.3;
    static final double LEARNING_RATE = 1.0;
    static final double L2 = 1e-5;
    /**
     * No feature weighs more than this either way. The corpus's wanted mail is technical lists and old
     * newsletters, so words of ordinary business mail ("your", "order", "invoice", "account") reached
     * weights of 3 to 5 towards unwanted and a plain order confirmation or supplier invoice scored as
     * phishing on those few words alone. Bounded weights make a verdict rest on many features. 5-fold
     * on the corpus the trade-off is the same (at 3 ham false positives 95.2 % of phish and spam either
     * way, at 4 95.9 % against 96.0 %, moving the threshold), but at the default threshold it sits at 3
     * false positives (94.9 % flagged) instead of 4 (95.6 %); of twelve hand-written legitimate
     * notifications, 3 are flagged instead of 6 (README, "Known limit").
     */
    static final float WEIGHT_LIMIT = 2.0f;
    /** "RMP2": weights for sublinear, unit-length feature vectors ("RMP1" files weighted presence bits). */
    private static final int MAGIC = 0x524d5032;
    private static final int MAGIC_V1 = 0x524d5031;

    private final int bits;
    private final FeatureExtractor extractor;
    private final float[] unwanted;
    private final float[] phish;
    private double unwantedBias;
    private double phishBias;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public HashedModel(int bits) {
        Preconditions.checkArgument(bits >= 10 && bits <= 24, "bits must be between 10 and 24, got %s", bits);
        this.bits = bits;
        this.extractor = new FeatureExtractor(bits);
        this.unwanted = new float[1 << bits];
        this.phish = new float[1 << bits];
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public int bits() {
        return bits;
    }

    /** Probability that the message is unwanted (spam or phish). */
    public double unwantedProbability(FeatureVector features) {
        lock.readLock().lock();
        try {
            return sigmoid(features.dot(unwanted, unwantedBias));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Probability that unwanted mail is phishing rather than plain spam. */
    public double phishProbability(FeatureVector features) {
        lock.readLock().lock();
        try {
            return sigmoid(features.dot(phish, phishBias));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One online step from a confirmed report: {@code spam} true for unwanted mail, false for ham. */
    public void learn(ParsedMessage message, boolean spam) {
        learn(message, java.util.List.of(), spam);
    }

    /** The same, with the rules a scan without the model found in the message ({@link FeatureExtractor#ruleFeatures}). */
    public void learn(ParsedMessage message, Collection<String> rules, boolean spam) {
        java.util.List<String> urls = io.rampart.core.links.UrlExtractor.extract(message, FeatureExtractor.MAX_URLS).stream()
            .map(io.rampart.core.links.FoundLink::raw).collect(java.util.stream.Collectors.toList());
        learn(extractor.vector(message, urls, rules), spam, ONLINE_LEARNING_RATE);
    }

    void learn(FeatureVector features, boolean spam, double rate) {
        lock.writeLock().lock();
        try {
            double error = (spam ? 1 : 0) - sigmoid(features.dot(unwanted, unwantedBias));
            for (int i = 0; i < features.size(); i++) {
                unwanted[features.index(i)] = bounded(unwanted[features.index(i)] + (float) (rate * error * features.value(i)));
            }
            unwantedBias += rate * error * 0.1;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Batch training (AdaGrad, L2) used by the {@code train} command. */
    void train(FeatureVector[] features, boolean[] labels, boolean[] phishLabels, int epochs, long seed) {
        lock.writeLock().lock();
        try {
            double[] bias = {0};
            fit(unwanted, bias, features, labels, null, epochs, seed);
            unwantedBias = bias[0];
            boolean[] onlyUnwanted = labels.clone();
            double[] phishBiasHolder = {0};
            fit(phish, phishBiasHolder, features, phishLabels, onlyUnwanted, epochs, seed + 1);
            phishBias = phishBiasHolder[0];
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void fit(float[] weights, double[] bias, FeatureVector[] features, boolean[] labels, boolean[] include,
                     int epochs, long seed) {
        fit(weights, bias, features, labels, include, epochs, seed, LEARNING_RATE, L2);
    }

    private void fit(float[] weights, double[] bias, FeatureVector[] features, boolean[] labels, boolean[] include,
                     int epochs, long seed, double rate, double l2) {
        float[] accumulated = new float[weights.length];
        double biasAccumulated = 1e-8;
        java.util.Random random = new java.util.Random(seed);
        int[] order = new int[features.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int k : order) {
                if (include != null && !include[k]) {
                    continue;
                }
                FeatureVector x = features[k];
                double error = (labels[k] ? 1 : 0) - sigmoid(x.dot(weights, bias[0]));
                for (int i = 0; i < x.size(); i++) {
                    int index = x.index(i);
                    double gradient = error * x.value(i) - l2 * weights[index];
                    accumulated[index] += (float) (gradient * gradient);
                    weights[index] = bounded(weights[index] + (float) (rate * gradient / Math.sqrt(accumulated[index] + 1e-8)));
                }
                biasAccumulated += error * error;
                bias[0] += rate * error / Math.sqrt(biasAccumulated);
            }
        }
    }

    private static float bounded(float weight) {
        return Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, weight));
    }

    static double sigmoid(double z) {
        if (z > 30) {
            return 1;
        }
        if (z < -30) {
            return 0;
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The weight of one feature in the unwanted model (for reviewing what it learnt). */
    public double unwantedWeight(int index) {
        return unwanted[index];
    }

    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    public void write(OutputStream raw) throws IOException {
        lock.readLock().lock();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(MAGIC);
            out.writeInt(bits);
            out.writeDouble(unwantedBias);
            out.writeDouble(phishBias);
            writeSparse(out, unwanted);
            writeSparse(out, phish);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void writeSparse(DataOutputStream out, float[] weights) throws IOException {
        int count = 0;
        for (float weight : weights) {
            if (Math.abs(weight) >= 1e-4f) {
                count++;
            }
        }
        out.writeInt(count);
        int previous = 0;
        for (int i = 0; i < weights.length; i++) {
            if (Math.abs(weights[i]) >= 1e-4f) {
                out.writeInt(i - previous);
                out.writeFloat(weights[i]);
                previous = i;
            }
        }
    }

    public static HashedModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static HashedModel read(InputStream raw) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            int magic = in.readInt();
            if (magic == MAGIC_V1) {
                throw new IOException("model file from an older Rampart (format RMP1, presence features): "
                    + "retrain it with ./rampart train");
            }
            if (magic != MAGIC) {
                throw new IOException("not a Rampart model file");
            }
            HashedModel model = new HashedModel(in.readInt());
            model.unwantedBias = in.readDouble();
            model.phishBias = in.readDouble();
            readSparse(in, model.unwanted);
            readSparse(in, model.phish);
            return model;
        }
    }

    private static void readSparse(DataInputStream in, float[] weights) throws IOException {
        int count = in.readInt();
        int index = 0;
        for (int i = 0; i < count; i++) {
            index += in.readInt();
            if (index < 0 || index >= weights.length) {
                throw new IOException("corrupt model file: index " + index);
            }
            weights[index] = in.readFloat();
        }
    }

    /** The model shipped in core's resources, if present. */
    public static java.util.Optional<HashedModel> builtin() {
        try (InputStream in = HashedModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(read(in));
        } catch (IOException e) {
            throw new IllegalStateException("the built-in model " + RESOURCE + " is unreadable", e);
        }
    }
}
