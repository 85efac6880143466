package io.rampart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A labelled mail corpus read from a {@code labels.tsv} ({@code path<TAB>label}, paths relative to
 * the file), loaded into memory once so that timing measures analysis, not the disk. The messages
 * stay where they are: nothing is copied into the repository.
 */
public final class Corpus {
    public static final String LABELS_ENV = "RAMPART_CORPUS";

    /** One message and its label. */
    public static final class Sample {
        private final Path path;
        private final String label;
        private final byte[] bytes;

        Sample(Path path, String label, byte[] bytes) {
            this.path = path;
            this.label = label;
            this.bytes = bytes;
        }

        public Path path() {
            return path;
        }

        public String label() {
            return label;
        }

        public byte[] bytes() {
            return bytes;
        }

        /** Mail a filter should flag: everything but ham. */
        public boolean isBad() {
            return !"ham".equals(label);
        }
    }

    private final Path labels;
    private final List<Sample> samples;

    private Corpus(Path labels, List<Sample> samples) {
        this.labels = labels;
        this.samples = Collections.unmodifiableList(samples);
    }

    /**
     * The labels file to use: the explicit one, else {@code $RAMPART_CORPUS}, else the first
     * {@code shared/corpus/labels.tsv} found beside the repository root or one of its parents
     * ({@code ../shared/corpus/labels.tsv} for a checkout next to {@code shared/}).
     */
    public static Path locate(Optional<String> explicit, Path repositoryRoot) {
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        String env = System.getenv(LABELS_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path dir = repositoryRoot.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/labels.tsv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no corpus found: pass --labels FILE or set " + LABELS_ENV
            + " (expected ../shared/corpus/labels.tsv next to the repository)");
    }

    /** Loads every message (or {@code limit} of them, picked evenly by a fixed seed) into memory. */
    public static Corpus load(Path labels, int limit) {
        List<String[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length < 2) {
                    throw new IllegalArgumentException(labels + ": not path<TAB>label: '" + line + "'");
                }
                if ("path".equals(cells[0]) && "label".equals(cells[1].trim())) {
                    continue;
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + labels, e);
        }
        if (limit > 0 && limit < rows.size()) {
            Collections.shuffle(rows, new Random(42));
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        Path base = labels.toAbsolutePath().getParent();
        List<Sample> samples = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            Path path = base.resolve(row[0]);
            try {
                samples.add(new Sample(path, row[1].trim(), Files.readAllBytes(path)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus message " + path, e);
            }
        }
        return new Corpus(labels, samples);
    }

    public Path labels() {
        return labels;
    }

    public List<Sample> samples() {
        return samples;
    }

    public int size() {
        return samples.size();
    }

    public long totalBytes() {
        return samples.stream().mapToLong(s -> s.bytes().length).sum();
    }

    /** Message count per label, in first-seen order. */
    public Map<String, Integer> countsByLabel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        samples.forEach(s -> counts.merge(s.label(), 1, Integer::sum));
        return counts;
    }
}
