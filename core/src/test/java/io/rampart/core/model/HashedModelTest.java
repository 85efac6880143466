package io.rampart.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class HashedModelTest {
    private static final int BITS = 16;
    private static final String[] SPAM = {
        "Subject: cheap pills\n\nBuy cheap pills now, best price, click here to order!",
        "Subject: winner\n\nYou have won a prize, click here to claim your reward now!",
        "Subject: offer\n\nLimited offer: cheap watches, click here, best price guaranteed!",
        "Subject: =?UTF-8?B?5Luj5byA5Y+R56Wo?=\nContent-Type: text/plain; charset=utf-8\n\n代开发票，优惠价格，欢迎来电咨询。",
    };
    private static final String[] HAM = {
        "Subject: Re: build failure\n\nThe build fails on the parser module, I will look at the test tomorrow.",
        "Subject: meeting notes\n\nNotes from the design review: we keep the release branch stable.",
        "Subject: Re: patch\n\nThanks, the patch looks fine, I merged it into the main branch.",
        "Subject: =?UTF-8?B?5Lya6K6u?=\nContent-Type: text/plain; charset=utf-8\n\n明天下午三点在会议室讨论项目进度。",
    };

    private static ParsedMessage parse(String raw) {
        return new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static HashedModel trained() {
        Trainer trainer = new Trainer(BITS);
        List<Trainer.Example> examples = new ArrayList<>();
        for (String spam : SPAM) {
            examples.add(new Trainer.Example(trainer.features(parse(spam)), true, false));
        }
        for (String ham : HAM) {
            examples.add(new Trainer.Example(trainer.features(parse(ham)), false, false));
        }
        return trainer.train(examples, BITS);
    }

    private static double probability(HashedModel model, String raw) {
        return model.unwantedProbability(model.extractor().vector(parse(raw), Trainer.urls(parse(raw))));
    }

    @Test
    void shouldSeparateSpamFromHamAfterTraining() {
        HashedModel model = trained();

        assertThat(probability(model, "Subject: deal\n\nclick here for cheap pills, best price")).isGreaterThan(0.5);
        assertThat(probability(model, "Subject: Re: review\n\nI looked at the test in the parser module")).isLessThan(0.5);
        assertThat(probability(model, "Content-Type: text/plain; charset=utf-8\n\n代开发票，价格优惠")).isGreaterThan(0.5);
    }

    @Test
    void shouldRoundTripThroughItsFileFormat() throws IOException {
        HashedModel model = trained();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);

        HashedModel copy = HashedModel.read(new ByteArrayInputStream(out.toByteArray()));

        String probe = "Subject: deal\n\nclick here for cheap pills";
        assertThat(copy.bits()).isEqualTo(BITS);
        assertThat(probability(copy, probe)).isCloseTo(probability(model, probe),
            org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void shouldRejectAFileThatIsNotAModel() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                HashedModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
            .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseAModelFileFromTheOlderFormatAndSayToRetrain() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(raw))) {
            out.writeInt(0x524d5031);
            out.writeInt(BITS);
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                HashedModel.read(new ByteArrayInputStream(raw.toByteArray())))
            .isInstanceOf(IOException.class).hasMessageContaining("./rampart train");
    }

    @Test
    void aConfiguredModelFileInTheOlderFormatShouldBeRefusedNamingTheKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path old = dir.resolve("old.model");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(old)))) {
            out.writeInt(0x524d5031);
            out.writeInt(BITS);
        }
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("detection.model", old.toString());
        io.rampart.core.config.DetectionSettings settings =
            io.rampart.core.config.RampartConfiguration.parse("test", properties).detection();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Models.forSettings(settings))
            .isInstanceOf(io.rampart.core.config.ConfigException.class)
            .hasMessageContaining("detection.model").hasMessageContaining("retrain");
    }

    @Test
    void featureVectorsShouldCountSublinearlyAndHaveUnitLength() {
        FeatureVector vector = FeatureVector.fromOccurrences(new int[] {7, 3, 7, 7, 9, 3}, 6);

        assertThat(vector.size()).isEqualTo(3);
        assertThat(new int[] {vector.index(0), vector.index(1), vector.index(2)}).containsExactly(3, 7, 9);
        double norm = Math.sqrt(Math.pow(1 + Math.log(2), 2) + Math.pow(1 + Math.log(3), 2) + 1);
        assertThat((double) vector.value(0)).isCloseTo((1 + Math.log(2)) / norm, org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) vector.value(1)).isCloseTo((1 + Math.log(3)) / norm, org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) vector.value(2)).isCloseTo(1 / norm, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(FeatureVector.fromOccurrences(new int[0], 0).size()).isZero();
    }

    @Test
    void noFeatureWeighsMoreThanTheLimitWhateverTheTrainingOrTheReports() {
        HashedModel model = trained();
        assertThat(largestWeight(model)).isEqualTo(HashedModel.WEIGHT_LIMIT);

        // Reports that keep contradicting each other push the shared words back and forth, never past the limit.
        for (int i = 0; i < 200; i++) {
            model.learn(parse("Subject: invoice " + i + "\n\nPlease settle the attached invoice via the portal"), i % 4 != 0);
        }
        assertThat(largestWeight(model)).isEqualTo(HashedModel.WEIGHT_LIMIT);
    }

    private static double largestWeight(HashedModel model) {
        double largest = 0;
        for (int index = 0; index < 1 << BITS; index++) {
            largest = Math.max(largest, Math.abs(model.unwantedWeight(index)));
        }
        return largest;
    }

    @Test
    void shouldMoveTowardsConfirmedReportsWhenLearningOnline() {
        HashedModel model = trained();
        String reported = "Subject: invoice\n\nPlease settle the attached invoice via the portal today";
        double before = probability(model, reported);

        for (int i = 0; i < 5; i++) {
            model.learn(parse(reported), true);
        }

        assertThat(probability(model, reported)).isGreaterThan(before);
    }

    @Test
    void aReportTeachesTheWeightsOfTheRulesTheScanFoundBesideTheWords() {
        HashedModel model = trained();
        int rule = model.extractor().index("r:link.sign-in-app-host");
        double before = model.unwantedWeight(rule);
        ModelLearner learner = new ModelLearner(model, new io.rampart.core.message.MessageParser(),
            raw -> java.util.List.of("link.sign-in-app-host"));

        learner.learn("Subject: Q4 figures\n\nSign in with your account to open the file https://q4.workers.dev/x\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8), true);

        assertThat(model.unwantedWeight(rule)).isGreaterThan(before);
    }

    @Test
    void shouldLearnAndScoreConcurrently() throws Exception {
        HashedModel model = trained();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    if (n % 2 == 0) {
                        model.learn(parse(SPAM[n % SPAM.length]), true);
                    }
                    return probability(model, HAM[n % HAM.length]);
                }));
            }
            for (Future<Double> future : futures) {
                assertThat(future.get()).isBetween(0.0, 1.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldShipABuiltInModel() {
        assertThat(HashedModel.builtin()).isPresent();
        assertThat(HashedModel.builtin().get().bits()).isEqualTo(HashedModel.DEFAULT_BITS);
    }
}
