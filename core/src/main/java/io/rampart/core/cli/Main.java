package io.rampart.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.ConfigException;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.model.HashedModel;
import io.rampart.core.model.Trainer;
import io.rampart.core.verdict.Verdict;

/**
 * The command line: {@code scan}, {@code eval} and {@code train} over message files. Bad arguments
 * print a usage error and exit with status 2.
 */
public final class Main {
    static final String USAGE = String.join("\n",
        "usage: rampart scan [--config FILE] [--local-domain D]... FILE...",
        "       rampart eval LABELS.tsv [--root DIR] [--config FILE] [--local-domain D]... [--json OUT] [--folds K|folder]"
            + " [--threads N] [--warmup PASSES] [--seed SEED.tsv|none]...",
        "       rampart train LABELS.tsv [--root DIR] --out MODEL [--seed SEED.tsv|none]...",
        "       (--seed: labelled mail added to every training set and never scored; --seed none drops the earlier ones)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** A usage error: reported with the usage text and exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
            StandardCharsets.UTF_8);
        try {
            status = run(args, out, System.err);
        } catch (UsageException e) {
            System.err.println("rampart: " + e.getMessage());
            System.err.println(USAGE);
            status = 2;
        } catch (ConfigException e) {
            System.err.println("rampart: " + e.getMessage());
            status = 2;
        } catch (IOException e) {
            System.err.println("rampart: " + e);
            status = 1;
        }
        out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0) {
            throw new UsageException("missing command");
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "scan":
                return scan(options, out);
            case "eval":
                return new Evaluation(options, out, err).run();
            case "train":
                return train(options, out, err);
            default:
                throw new UsageException("unknown command '" + args[0] + "'");
        }
    }

    /** Parsed arguments, shared by the commands (each checks what it needs). */
    static final class Options {
        Optional<Path> config = Optional.empty();
        List<String> localDomains = new ArrayList<>();
        Optional<Path> root = Optional.empty();
        Optional<Path> json = Optional.empty();
        Optional<Path> out = Optional.empty();
        int folds = 0;
        /** {@code --folds folder}: each folder of the labels file is held out in turn (mail from a source the model never saw). */
        boolean foldsByFolder;
        int threads = Runtime.getRuntime().availableProcessors();
        int warmup = 1;
        /** Labelled mail added to every training set (train, eval's folds) and never scored; "none" drops earlier ones. */
        List<Path> seeds = new ArrayList<>();
        List<String> positional = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--config":
                            options.config = Optional.of(Paths.get(value));
                            break;
                        case "--local-domain":
                            options.localDomains.add(value.toLowerCase(Locale.ROOT));
                            break;
                        case "--root":
                            options.root = Optional.of(Paths.get(value));
                            break;
                        case "--json":
                            options.json = Optional.of(Paths.get(value));
                            break;
                        case "--out":
                            options.out = Optional.of(Paths.get(value));
                            break;
                        case "--folds":
                            if (value.equals("folder")) {
                                // folds > 0 sends eval through the training path; the count becomes the folders'.
                                options.foldsByFolder = true;
                                options.folds = 2;
                                break;
                            }
                            options.foldsByFolder = false;
                            options.folds = positiveInt(arg, value);
                            if (options.folds < 2) {
                                throw new UsageException("--folds needs at least 2, got " + value);
                            }
                            break;
                        case "--threads":
                            options.threads = positiveInt(arg, value);
                            break;
                        case "--warmup":
                            options.warmup = nonNegativeInt(arg, value);
                            break;
                        case "--seed":
                            if (value.equals("none")) {
                                options.seeds.clear();
                            } else {
                                options.seeds.add(Paths.get(value));
                            }
                            break;
                        default:
                            throw new UsageException("unknown option " + arg);
                    }
                } else {
                    options.positional.add(arg);
                }
            }
            return options;
        }

        private static int nonNegativeInt(String option, String value) {
            return value.equals("0") ? 0 : positiveInt(option, value);
        }

        private static int positiveInt(String option, String value) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < 1) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a positive integer, got '" + value + "'");
            }
        }

        RampartConfiguration configuration() {
            return config.map(RampartConfiguration::load).orElseGet(RampartConfiguration::defaults);
        }

        ScanContext context() {
            return ScanContext.builder().flow(Flow.INBOUND).localDomains(new java.util.HashSet<>(localDomains)).build();
        }
    }

    private static int scan(Options options, PrintStream out) throws IOException {
        if (options.positional.isEmpty()) {
            throw new UsageException("scan needs at least one message file");
        }
        ScanEngine engine = Analyzers.standardEngine(options.configuration());
        ScanContext context = options.context();
        for (String file : options.positional) {
            Path path = Paths.get(file);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("no such message file: " + file);
            }
            Verdict verdict = engine.scanInline(Files.readAllBytes(path), context);
            out.println(JSON.writeValueAsString(verdictJson(file, verdict)));
        }
        return 0;
    }

    static ObjectNode verdictJson(String file, Verdict verdict) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        node.put("verdict", verdict.verdictClass().asString());
        node.put("score", Math.round(verdict.score() * 100) / 100.0);
        node.put("reason", verdict.reason());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : verdict.findings()) {
            ObjectNode f = findings.addObject();
            f.put("rule", finding.rule());
            f.put("score", Math.round(finding.score() * 100) / 100.0);
            f.put("detail", finding.detail());
        }
        node.put("millis", verdict.millis());
        return node;
    }

    /** A {@code path<TAB>label} row of a labels file. */
    static final class Row {
        final String path;
        final String label;
        final Path file;

        Row(String path, String label, Path file) {
            this.path = path;
            this.label = label;
            this.file = file;
        }

        boolean unwanted() {
            return !label.equals("ham");
        }

        /** The folder part of the path as written in the labels file ("." for none). */
        String folder() {
            int slash = path.lastIndexOf('/');
            return slash <= 0 ? "." : path.substring(0, slash);
        }
    }

    static List<Row> readLabels(Options options) throws IOException {
        if (options.positional.size() != 1) {
            throw new UsageException("expected exactly one LABELS.tsv, got " + options.positional.size());
        }
        return readLabels(Paths.get(options.positional.get(0)), options.root);
    }

    /** The rows of every {@code --seed} labels file (paths relative to each file's folder). */
    static List<Row> readSeeds(Options options) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path seed : options.seeds) {
            rows.addAll(readLabels(seed, Optional.empty()));
        }
        return rows;
    }

    private static List<Row> readLabels(Path labels, Optional<Path> rootOption) throws IOException {
        if (!Files.isRegularFile(labels)) {
            throw new UsageException("no such labels file: " + labels);
        }
        Path root = rootOption.orElse(labels.toAbsolutePath().getParent());
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length < 2) {
                throw new UsageException(labels + " line " + (i + 1) + ": expected path<TAB>label");
            }
            rows.add(new Row(cells[0].trim(), cells[1].trim(), root.resolve(cells[0].trim())));
        }
        return rows;
    }

    /**
     * The rules a scan without the model finds in a message: the model is trained on them beside the text, as
     * {@link io.rampart.core.model.ModelAnalyzer} reads them after every rule has run.
     */
    static final class RuleScan {
        private final ScanEngine engine;
        private final ScanContext context;

        RuleScan(RampartConfiguration configuration, ScanContext context) {
            this.engine = new ScanEngine(configuration, Analyzers.standard(configuration, Optional.empty()));
            this.context = context;
        }

        List<String> of(byte[] raw) {
            return io.rampart.core.model.FeatureExtractor.ruleFeatures(engine.scanInline(raw, context).findings());
        }
    }

    private static int train(Options options, PrintStream out, PrintStream err) throws IOException {
        if (!options.out.isPresent()) {
            throw new UsageException("train needs --out MODEL");
        }
        List<Row> labelled = readLabels(options);
        List<Row> seeds = readSeeds(options);
        List<Row> rows = new ArrayList<>(labelled);
        rows.addAll(seeds);
        MessageParser parser = new MessageParser();
        Trainer trainer = new Trainer(HashedModel.DEFAULT_BITS);
        RuleScan rules = new RuleScan(options.configuration(), options.context());
        List<Trainer.Example> examples = new ArrayList<>();
        List<ParsedMessage> sample = new ArrayList<>();
        List<List<String>> sampleRules = new ArrayList<>();
        Progress progress = new Progress(err, "features", rows.size());
        for (Row row : rows) {
            byte[] raw = Files.readAllBytes(row.file);
            ParsedMessage message = parser.parse(raw);
            List<String> found = rules.of(raw);
            examples.add(new Trainer.Example(trainer.features(message, found), row.unwanted(), row.label.equals("phish")));
            if (sample.size() < 100_000) {
                sample.add(message);
                sampleRules.add(found);
            }
            progress.step();
        }
        progress.done();
        HashedModel model = trainer.train(examples, HashedModel.DEFAULT_BITS);
        model.save(options.out.get());
        out.println("trained on " + rows.size() + " messages (" + labelled.size() + " labelled, " + seeds.size()
            + " from --seed), model written to " + options.out.get()
            + " (" + Files.size(options.out.get()) + " bytes)");
        out.println("features that sway the most messages (weight, positive = unwanted; and in how many):");
        for (String line : Trainer.topFeatures(model, sample, sampleRules, 60)) {
            out.println("  " + line);
        }
        return 0;
    }

    /** A progress bar on stderr. */
    static final class Progress {
        private final PrintStream err;
        private final String label;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int lastPercent = -1;

        Progress(PrintStream err, String label, int total) {
            this.err = err;
            this.label = label;
            this.total = Math.max(total, 1);
        }

        void step() {
            int now = done.incrementAndGet();
            int percent = now * 100 / total;
            if (percent != lastPercent) {
                lastPercent = percent;
                int bars = percent / 4;
                synchronized (err) {
                    err.print("\r" + label + " [" + "#".repeat(bars) + " ".repeat(25 - bars) + "] " + percent + "% ("
                        + now + "/" + total + ")");
                    err.flush();
                }
            }
        }

        void done() {
            err.println();
        }
    }

    /** The {@code eval} command. */
    static final class Evaluation {
        private final Options options;
        private final PrintStream out;
        private final PrintStream err;
        private final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        private long[] cpuPerMessage = new long[0];
        private double childCpuAtStart = ChildCpu.seconds();

        Evaluation(Options options, PrintStream out, PrintStream err) {
            this.options = options;
            this.out = out;
            this.err = err;
        }

        int run() throws IOException {
            List<Row> rows = readLabels(options);
            if (options.foldsByFolder && folders(rows).size() < 2) {
                throw new UsageException("--folds folder needs mail in at least two folders (each is scored by a model"
                    + " trained on the others); all of it is in '" + (rows.isEmpty() ? "." : rows.get(0).folder()) + "'");
            }
            cpuPerMessage = new long[rows.size()];
            RampartConfiguration configuration = options.configuration();
            ScanContext context = options.context();
            int threads = options.threads;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Verdict[] verdicts = new Verdict[rows.size()];
            long scanNanos;
            try {
                warmUp(rows, configuration, context, pool);
                if (options.folds > 0) {
                    scanNanos = folds(rows, configuration, context, pool, verdicts);
                } else {
                    ScanEngine engine = Analyzers.standardEngine(configuration);
                    int[] all = new int[rows.size()];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = i;
                    }
                    Progress progress = new Progress(err, "scan", rows.size());
                    scanNanos = scanAll(rows, all, engine, context, pool, verdicts, progress);
                    progress.done();
                }
            } finally {
                pool.shutdownNow();
            }
            report(rows, verdicts, scanNanos, threads);
            return 0;
        }

        /**
         * Scans every message {@code --warmup} times, untimed, before the measured pass: James runs for
         * weeks, so the figure that matters is the JIT-compiled engine's, not the interpreter's first minute.
         */
        private void warmUp(List<Row> rows, RampartConfiguration configuration, ScanContext context,
                            ExecutorService pool) throws IOException {
            if (options.warmup == 0) {
                return;
            }
            ScanEngine engine = Analyzers.standardEngine(configuration);
            Progress progress = new Progress(err, "warm-up", rows.size() * options.warmup);
            for (int pass = 0; pass < options.warmup; pass++) {
                parallel(pool, rows.size(), progress,
                    index -> engine.scanInline(Files.readAllBytes(rows.get(index).file), context));
            }
            progress.done();
            childCpuAtStart = ChildCpu.seconds();
        }

        private long folds(List<Row> rows, RampartConfiguration configuration, ScanContext context,
                           ExecutorService pool, Verdict[] verdicts) throws IOException {
            int k = options.folds;
            Trainer trainer = new Trainer(HashedModel.DEFAULT_BITS);
            MessageParser parser = new MessageParser(configuration.scan().parserLimits());
            Trainer.Example[] examples = new Trainer.Example[rows.size()];
            RuleScan rules = new RuleScan(configuration, context);
            Progress progress = new Progress(err, "features", rows.size());
            parallel(pool, rows.size(), progress, index -> {
                Row row = rows.get(index);
                byte[] raw = Files.readAllBytes(row.file);
                ParsedMessage message = parser.parse(raw);
                examples[index] = new Trainer.Example(trainer.features(message, rules.of(raw)), row.unwanted(),
                    row.label.equals("phish"));
            });
            progress.done();
            // The rules' scan above ran OCR subprocesses too: only the timed scans below count.
            childCpuAtStart = ChildCpu.seconds();
            List<Row> seedRows = readSeeds(options);
            List<Trainer.Example> seeds = new ArrayList<>();
            for (Row row : seedRows) {
                byte[] raw = Files.readAllBytes(row.file);
                ParsedMessage message = parser.parse(raw);
                seeds.add(new Trainer.Example(trainer.features(message, rules.of(raw)), row.unwanted(),
                    row.label.equals("phish")));
            }
            int[] fold = new int[rows.size()];
            if (options.foldsByFolder) {
                // Each folder is a fold: the model never saw mail from the source it scores.
                List<String> folders = folders(rows);
                for (int i = 0; i < rows.size(); i++) {
                    fold[i] = folders.indexOf(rows.get(i).folder());
                }
                k = folders.size();
            } else {
                for (int i = 0; i < rows.size(); i++) {
                    // Stable assignment by path: the same split on every run.
                    fold[i] = Math.floorMod(rows.get(i).path.hashCode() * 31 + 7, k);
                }
            }
            long scanNanos = 0;
            Progress scanProgress = new Progress(err, "scan (" + k + " folds)", rows.size());
            for (int f = 0; f < k; f++) {
                // The seed mail is trained on in every fold and never scored.
                List<Trainer.Example> training = new ArrayList<>(seeds);
                List<Integer> heldOut = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] == f) {
                        heldOut.add(i);
                    } else {
                        training.add(examples[i]);
                    }
                }
                HashedModel model = trainer.train(training, HashedModel.DEFAULT_BITS);
                ScanEngine engine = new ScanEngine(configuration, Analyzers.standard(configuration, Optional.of(model)));
                scanNanos += scanAll(rows, heldOut.stream().mapToInt(Integer::intValue).toArray(), engine, context,
                    pool, verdicts, scanProgress);
            }
            scanProgress.done();
            return scanNanos;
        }

        private long scanAll(List<Row> rows, int[] indices, ScanEngine engine, ScanContext context,
                             ExecutorService pool, Verdict[] verdicts, Progress progress) throws IOException {
            // Read first so that disk time is not counted as scan time.
            byte[][] raw = new byte[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                raw[i] = Files.readAllBytes(rows.get(indices[i]).file);
            }
            long start = System.nanoTime();
            parallel(pool, indices.length, progress, position -> {
                long cpu = CPU.getCurrentThreadCpuTime();
                verdicts[indices[position]] = engine.scanInline(raw[position], context);
                long spent = CPU.getCurrentThreadCpuTime() - cpu;
                cpuNanos.addAndGet(spent);
                cpuPerMessage[indices[position]] = spent;
            });
            return System.nanoTime() - start;
        }

        /** Per folder and label, how many were flagged (printed when the labels file has more than one folder). */
        private void byFolder(List<Row> rows, Verdict[] verdicts, ObjectNode json) {
            Map<String, int[]> counts = new TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                int[] c = counts.computeIfAbsent(rows.get(i).folder() + "\t" + rows.get(i).label, key -> new int[2]);
                c[0]++;
                if (verdicts[i].verdictClass().isFlagged()) {
                    c[1]++;
                }
            }
            if (folders(rows).size() < 2) {
                return;
            }
            out.printf(Locale.ROOT, "%-30s %-14s %7s %8s %9s%n", "per folder", "label", "count", "flagged", "flagged%");
            ArrayNode array = json.putArray("folders");
            for (Map.Entry<String, int[]> entry : counts.entrySet()) {
                String[] key = entry.getKey().split("\t", 2);
                int[] c = entry.getValue();
                double percent = 100.0 * c[1] / c[0];
                out.printf(Locale.ROOT, "%-30s %-14s %7d %8d %8.2f%%%n", key[0], key[1], c[0], c[1], percent);
                ObjectNode node = array.addObject();
                node.put("folder", key[0]);
                node.put("label", key[1]);
                node.put("count", c[0]);
                node.put("flagged", c[1]);
                node.put("flaggedPercent", percent);
            }
        }

        /** The folders of the labels file's rows, sorted. */
        private static List<String> folders(List<Row> rows) {
            return rows.stream().map(Row::folder).distinct().sorted().collect(java.util.stream.Collectors.toList());
        }

        /** One piece of work per index; it may read files. */
        @FunctionalInterface
        private interface IndexTask {
            void run(int index) throws IOException;
        }

        /** Runs {@code task} for every index below {@code count} on the pool, a progress step after each, and waits for all. */
        private static void parallel(ExecutorService pool, int count, Progress progress, IndexTask task) throws IOException {
            List<Future<?>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        task.run(index);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    progress.step();
                    return null;
                }));
            }
            await(futures);
        }

        private static void await(List<Future<?>> futures) throws IOException {
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof java.io.UncheckedIOException) {
                        throw ((java.io.UncheckedIOException) e.getCause()).getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }

        private void report(List<Row> rows, Verdict[] verdicts, long scanNanos, int threads) throws IOException {
            Map<String, int[]> byLabel = new TreeMap<>();
            Map<String, Map<String, Integer>> classes = new TreeMap<>();
            long[] millis = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                int[] counts = byLabel.computeIfAbsent(rows.get(i).label, l -> new int[2]);
                counts[0]++;
                if (verdicts[i].verdictClass().isFlagged()) {
                    counts[1]++;
                }
                classes.computeIfAbsent(rows.get(i).label, l -> new TreeMap<>())
                    .merge(verdicts[i].verdictClass().asString(), 1, Integer::sum);
                millis[i] = verdicts[i].millis();
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            long p50 = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.50))];
            long p99 = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
            double seconds = scanNanos / 1e9;
            double rate = rows.size() / Math.max(seconds, 1e-9);
            String seedNote = options.seeds.isEmpty() ? "" : " and the --seed mail";
            out.println((options.foldsByFolder ? "evaluation leaving one folder out (each folder scored by a model trained"
                + " on the other folders" + seedNote + ")"
                : options.folds > 0 ? "evaluation with " + options.folds
                + "-fold cross-validation (model trained on the other folds" + seedNote + ")"
                : "evaluation with the configured model")
                + (options.warmup > 0 ? ", timed after " + options.warmup + " untimed warm-up pass"
                    + (options.warmup > 1 ? "es" : "") : ", timed from a cold start"));
            out.printf(Locale.ROOT, "%-14s %7s %8s %9s  %s%n", "label", "count", "flagged", "flagged%", "verdicts");
            ObjectNode json = JSON.createObjectNode();
            ObjectNode labels = json.putObject("labels");
            for (Map.Entry<String, int[]> entry : byLabel.entrySet()) {
                int[] counts = entry.getValue();
                double percent = 100.0 * counts[1] / counts[0];
                out.printf(Locale.ROOT, "%-14s %7d %8d %8.2f%%  %s%n", entry.getKey(), counts[0], counts[1], percent,
                    classes.get(entry.getKey()));
                ObjectNode label = labels.putObject(entry.getKey());
                label.put("count", counts[0]);
                label.put("flagged", counts[1]);
                label.put("flaggedPercent", percent);
                ObjectNode verdictClasses = label.putObject("verdicts");
                classes.get(entry.getKey()).forEach(verdictClasses::put);
            }
            int[] ham = byLabel.getOrDefault("ham", new int[2]);
            double fp = ham[0] == 0 ? 0 : 100.0 * ham[1] / ham[0];
            out.printf(Locale.ROOT, "false positives on ham: %d of %d (%.2f%%)%n", ham[1], ham[0], fp);
            byFolder(rows, verdicts, json);
            // Thread CPU misses the OCR subprocesses (Tesseract): their time is added from the kernel's
            // account of this process's waited-for children, so the per-core figure is the whole cost.
            double childSeconds = ChildCpu.seconds() - childCpuAtStart;
            double perCore = rows.size() / Math.max(cpuNanos.get() / 1e9 + childSeconds, 1e-9);
            long[] cpuSorted = cpuPerMessage.clone();
            Arrays.sort(cpuSorted);
            double cpuP50 = cpuSorted[(int) Math.min(cpuSorted.length - 1, Math.floor(cpuSorted.length * 0.50))] / 1e6;
            double cpuP99 = cpuSorted[(int) Math.min(cpuSorted.length - 1, Math.floor(cpuSorted.length * 0.99))] / 1e6;
            out.printf(Locale.ROOT, "throughput: %.0f msg/s wall-clock on %d threads; %.0f msg/s per core by CPU time"
                + " (%.1f s of it in OCR subprocesses)%n", rate, threads, perCore, childSeconds);
            out.printf(Locale.ROOT, "latency per message: wall-clock p50 %d ms, p99 %d ms; CPU time p50 %.1f ms, p99 %.1f ms%n",
                p50, p99, cpuP50, cpuP99);
            json.put("cpuP50Millis", cpuP50);
            json.put("cpuP99Millis", cpuP99);
            json.put("messagesPerSecondPerCore", perCore);
            json.put("subprocessCpuSeconds", childSeconds);
            json.put("hamFalsePositivePercent", fp);
            json.put("messagesPerSecond", rate);
            json.put("threads", threads);
            json.put("warmupPasses", options.warmup);
            json.put("p50Millis", p50);
            json.put("p99Millis", p99);
            if (options.foldsByFolder) {
                json.put("folds", "folder");
            } else {
                json.put("folds", options.folds);
            }
            if (options.json.isPresent()) {
                ArrayNode messages = json.putArray("messages");
                for (int i = 0; i < rows.size(); i++) {
                    ObjectNode node = verdictJson(rows.get(i).path, verdicts[i]);
                    node.put("label", rows.get(i).label);
                    node.put("cpuMillis", Math.round(cpuPerMessage[i] / 1e4) / 100.0);
                    messages.add(node);
                }
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json.get().toFile(), json);
                out.println("details written to " + options.json.get());
            }
        }
    }


    /** CPU seconds of this process's terminated, waited-for children (Linux {@code /proc/self/stat}); 0 elsewhere. */
    static final class ChildCpu {
        private ChildCpu() {
        }

        static double seconds() {
            try {
                String stat = new String(Files.readAllBytes(java.nio.file.Paths.get("/proc/self/stat")),
                    java.nio.charset.StandardCharsets.US_ASCII);
                // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                return ticks / 100.0; // USER_HZ is 100 on Linux
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
