package io.rampart.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIXTURES = {"phish-en.eml", "phish-zh-gbk.eml", "ham-en.eml", "ham-zh-big5.eml"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws IOException {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path copyFixtures() throws IOException {
        for (String name : FIXTURES) {
            try (InputStream in = MainTest.class.getResourceAsStream("/mail/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "path\tlabel\nphish-en.eml\tphish\nphish-zh-gbk.eml\tphish\nham-en.eml\tham\n"
            + "ham-zh-big5.eml\tham\n");
        return labels;
    }

    @Test
    void scanShouldPrintOneJsonObjectPerMessage() throws IOException {
        copyFixtures();

        int status = run("scan", "--local-domain", "example.com", dir.resolve("phish-en.eml").toString(),
            dir.resolve("ham-en.eml").toString());

        String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(status).isZero();
        assertThat(lines).hasSize(2);
        JsonNode phish = JSON.readTree(lines[0]);
        assertThat(phish.get("verdict").asText()).isEqualTo("phish");
        assertThat(phish.get("file").asText()).endsWith("phish-en.eml");
        assertThat(phish.get("score").asDouble()).isGreaterThan(5);
        assertThat(phish.get("millis").isNumber()).isTrue();
        assertThat(phish.get("findings").get(0).has("rule")).isTrue();
        assertThat(phish.get("findings").get(0).has("detail")).isTrue();
        assertThat(JSON.readTree(lines[1]).get("verdict").asText()).isEqualTo("clean");
    }

    @Test
    void evalShouldPrintFiguresPerLabelAndWriteJson() throws IOException {
        Path labels = copyFixtures();
        Path json = dir.resolve("eval.json");

        int status = run("eval", labels.toString(), "--local-domain", "example.com", "--json", json.toString(),
            "--threads", "2");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).contains("ham").contains("phish").contains("false positives on ham")
            .contains("msg/s").contains("p99");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("labels").get("phish").get("count").asInt()).isEqualTo(2);
        assertThat(report.get("messages")).hasSize(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("100%");
    }

    @Test
    void evalWithFoldsShouldTrainOnTheOtherFolds() throws IOException {
        Path labels = copyFixtures();

        int status = run("eval", labels.toString(), "--folds", "2");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2-fold cross-validation");
    }

    @Test
    void evalByFolderShouldScoreEachFolderWithAModelThatNeverSawIt() throws IOException {
        copyFixtures();
        // Folder "wanted" holds only ham, folder "unwanted" only phish: each is scored by a model trained on
        // the other alone, so the ham meets a model that has seen nothing but unwanted mail, and the reverse.
        for (String folder : new String[] {"wanted", "unwanted"}) {
            Files.createDirectory(dir.resolve(folder));
        }
        Files.move(dir.resolve("ham-en.eml"), dir.resolve("wanted/ham-en.eml"));
        Files.move(dir.resolve("ham-zh-big5.eml"), dir.resolve("wanted/ham-zh-big5.eml"));
        Files.move(dir.resolve("phish-en.eml"), dir.resolve("unwanted/phish-en.eml"));
        Files.move(dir.resolve("phish-zh-gbk.eml"), dir.resolve("unwanted/phish-zh-gbk.eml"));
        Path labels = dir.resolve("by-folder.tsv");
        Files.writeString(labels, "path\tlabel\nwanted/ham-en.eml\tham\nwanted/ham-zh-big5.eml\tham\n"
            + "unwanted/phish-en.eml\tphish\nunwanted/phish-zh-gbk.eml\tphish\n");
        Path json = dir.resolve("eval.json");

        int status = run("eval", labels.toString(), "--folds", "folder", "--json", json.toString(), "--warmup", "0");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).contains("evaluation leaving one folder out").contains("per folder")
            .containsPattern("wanted\\s+ham\\s+2").containsPattern("unwanted\\s+phish\\s+2");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("folds").asText()).isEqualTo("folder");
        assertThat(report.get("folders")).hasSize(2);
        for (JsonNode message : report.get("messages")) {
            double model = 0;
            for (JsonNode finding : message.get("findings")) {
                if (finding.get("rule").asText().startsWith("model.")) {
                    model = finding.get("score").asDouble();
                }
            }
            if (message.get("label").asText().equals("ham")) {
                assertThat(model).as("ham scored by a model trained on phish alone: %s", message).isPositive();
            } else {
                assertThat(model).as("phish scored by a model trained on ham alone: %s", message).isNegative();
            }
        }
    }

    @Test
    void seedMailShouldBeTrainedOnInEveryFoldAndNeverScored() throws IOException {
        Path labels = copyFixtures();
        Path seedDir = Files.createDirectory(dir.resolve("seed"));
        Files.copy(dir.resolve("ham-en.eml"), seedDir.resolve("notice.eml"));
        Path seed = seedDir.resolve("labels.tsv");
        Files.writeString(seed, "path\tlabel\nnotice.eml\tham\n");
        Path json = dir.resolve("eval.json");

        int status = run("eval", labels.toString(), "--folds", "2", "--seed", seed.toString(), "--json", json.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2-fold cross-validation (model trained on the other folds"
            + " and the --seed mail)");
        assertThat(JSON.readTree(json.toFile()).get("messages")).hasSize(4);

        out.reset();
        assertThat(run("train", labels.toString(), "--seed", seed.toString(), "--out", dir.resolve("a.model").toString()))
            .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("trained on 5 messages (4 labelled, 1 from --seed)");
        out.reset();
        assertThat(run("train", labels.toString(), "--seed", seed.toString(), "--seed", "none", "--out",
            dir.resolve("b.model").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("trained on 4 messages (4 labelled, 0 from --seed)");
        assertThatThrownBy(() -> run("train", labels.toString(), "--seed", dir.resolve("missing.tsv").toString(), "--out",
            dir.resolve("c.model").toString())).isInstanceOf(Main.UsageException.class).hasMessageContaining("missing.tsv");
    }

    @Test
    void trainShouldWriteALoadableModel() throws IOException {
        Path labels = copyFixtures();
        Path model = dir.resolve("out.model");

        int status = run("train", labels.toString(), "--out", model.toString());

        assertThat(status).isZero();
        assertThat(io.rampart.core.model.HashedModel.load(model).bits())
            .isEqualTo(io.rampart.core.model.HashedModel.DEFAULT_BITS);
    }

    @Test
    void shouldRejectBadArgumentsAsUsageErrors() {
        assertThatThrownBy(() -> run()).isInstanceOf(Main.UsageException.class);
        assertThatThrownBy(() -> run("frobnicate")).isInstanceOf(Main.UsageException.class)
            .hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> run("scan")).isInstanceOf(Main.UsageException.class);
        assertThatThrownBy(() -> run("eval", copyFixtures().toString(), "--folds", "folder"))
            .isInstanceOf(Main.UsageException.class).hasMessageContaining("at least two folders");
        assertThatThrownBy(() -> run("eval", "x.tsv", "--folds", "1")).isInstanceOf(Main.UsageException.class)
            .hasMessageContaining("--folds");
        assertThatThrownBy(() -> run("eval", "x.tsv", "--bogus", "1")).isInstanceOf(Main.UsageException.class)
            .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> run("train", "x.tsv")).isInstanceOf(Main.UsageException.class)
            .hasMessageContaining("--out");
        assertThatThrownBy(() -> run("scan", "--config")).isInstanceOf(Main.UsageException.class);
    }
}
