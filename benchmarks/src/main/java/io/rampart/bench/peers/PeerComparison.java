package io.rampart.bench.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.rampart.bench.Args;
import io.rampart.bench.Corpus;
import io.rampart.bench.Corpus.Sample;
import io.rampart.bench.Detection;
import io.rampart.bench.Latencies;
import io.rampart.bench.Machine;

/**
 * Rampart, Rspamd and SpamAssassin on the same messages, the same cores, in the same run, one
 * after the other (never at once), each with the same client concurrency: messages per second,
 * latency, detection per label and the ham false-positive rate. Start the peers first with
 * {@code bench/peers.sh} (it runs this too).
 */
public final class PeerComparison {
    private static final String USAGE = "PeerComparison [--labels FILE] [--limit N] [--concurrency N]"
        + " [--engines rampart,rspamd,spamassassin|spamc] [--rspamd 127.0.0.1:11333] [--spamd 127.0.0.1:7830]"
        + " [--warmup N] [--max-seconds S] [--config rampart.properties]";

    private PeerComparison() {
    }

    /** The figures of one filter over the corpus. */
    static final class Result {
        final String name;
        final Detection detection = new Detection();
        final Latencies latencies = new Latencies();
        long wallNanos;
        int attempted;
        long skipped;
        String firstError;

        Result(String name) {
            this.name = name;
        }

        double perSecond() {
            return latencies.count() / (wallNanos / 1e9);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--labels", "--limit", "--concurrency", "--engines", "--rspamd", "--spamd",
            "--warmup", "--max-seconds", "--config"), Set.of(), USAGE);
        Path root = Path.of(System.getProperty("rampart.root", "."));
        Corpus corpus = Corpus.load(Corpus.locate(args.get("--labels"), root), args.getInt("--limit", 0));
        int concurrency = args.getInt("--concurrency", 2 * Runtime.getRuntime().availableProcessors());
        int warmup = args.getInt("--warmup", 300);
        long maxNanos = TimeUnit.SECONDS.toNanos(args.getInt("--max-seconds", 900));
        List<String> engines = List.of(args.get("--engines", "rampart,rspamd,spamassassin").split(","));

        System.out.println("== Rampart vs Rspamd vs SpamAssassin, same corpus, same machine, one engine at a time");
        System.out.println("machine:     " + Machine.describe());
        System.out.printf(Locale.ROOT, "corpus:      %s: %d messages, %.1f MB %s%n", corpus.labels(), corpus.size(),
            corpus.totalBytes() / 1e6, corpus.countsByLabel());
        System.out.println("concurrency: " + concurrency + " client threads per engine; warm-up " + warmup
            + " messages (not counted); at most " + TimeUnit.NANOSECONDS.toSeconds(maxNanos) + " s per engine");

        List<Result> results = new ArrayList<>();
        for (String engine : engines) {
            try (Filter filter = filter(engine.trim(), args)) {
                if (filter instanceof RampartFilter) {
                    System.out.println("rampart analyzers: " + ((RampartFilter) filter).analyzers());
                }
                System.out.println("-- " + filter.name() + " ...");
                Result result = run(filter, corpus, concurrency, warmup, maxNanos);
                results.add(result);
                System.out.printf(Locale.ROOT, "   %.1f msg/s, %s, %s%n", result.perSecond(), result.latencies.summary(),
                    result.detection.summary());
                if (result.firstError != null) {
                    System.out.println("   first error: " + result.firstError);
                }
            }
        }
        table(results, corpus);
    }

    static Filter filter(String name, Args args) {
        switch (name) {
            case "rampart":
                return new RampartFilter(args.get("--config").map(Path::of));
            case "rspamd":
                return new RspamdFilter(args.get("--rspamd", "127.0.0.1:11333"));
            case "spamassassin":
            case "spamd":
                return new SpamdFilter(args.get("--spamd", "127.0.0.1:7830"));
            case "spamc":
                return new SpamcProcessFilter(args.get("--spamd", "127.0.0.1:7830"));
            default:
                throw new IllegalArgumentException("unknown engine '" + name + "' (rampart, rspamd, spamassassin, spamc)");
        }
    }

    static Result run(Filter filter, Corpus corpus, int concurrency, int warmup, long maxNanos) throws Exception {
        List<Sample> samples = corpus.samples();
        for (int i = 0; i < Math.min(warmup, samples.size()); i++) {
            try {
                filter.flags(samples.get(i).bytes());
            } catch (Exception e) {
                // Reported in the measured pass.
            }
        }
        long skippedBefore = filter.skipped();
        Result result = new Result(filter.name());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long deadline = start + maxNanos;
        List<Future<Latencies>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                int i;
                while ((i = next.getAndIncrement()) < samples.size() && System.nanoTime() < deadline) {
                    Sample sample = samples.get(i);
                    long t0 = System.nanoTime();
                    try {
                        boolean flagged = filter.flags(sample.bytes());
                        mine.add(System.nanoTime() - t0);
                        result.detection.record(sample.label(), flagged);
                    } catch (Exception e) {
                        mine.add(System.nanoTime() - t0);
                        result.detection.error(sample.label());
                        synchronized (result) {
                            if (result.firstError == null) {
                                result.firstError = sample.path() + ": " + e;
                            }
                        }
                    }
                }
                return mine;
            }));
        }
        for (Future<Latencies> future : futures) {
            result.latencies.addAll(future.get());
        }
        result.wallNanos = System.nanoTime() - start;
        pool.shutdown();
        result.attempted = result.latencies.count();
        result.skipped = filter.skipped() - skippedBefore;
        return result;
    }

    static void table(List<Result> results, Corpus corpus) {
        List<String> labels = new ArrayList<>(corpus.countsByLabel().keySet());
        labels.remove("ham");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-13s %9s %9s %9s", "engine", "msg/s",
            "p50 ms", "p99 ms"));
        for (String label : labels) {
            header.append(String.format(Locale.ROOT, " %13s", label));
        }
        header.append(String.format(Locale.ROOT, " %13s %7s %8s %8s", "ham FP", "errors", "skipped", "scanned"));
        System.out.println();
        System.out.println(header);
        for (Result result : results) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-13s %9.1f %9.2f %9.2f", result.name,
                result.perSecond(), result.latencies.quantileMillis(0.5), result.latencies.quantileMillis(0.99)));
            for (String label : labels) {
                row.append(String.format(Locale.ROOT, " %12.1f%%", 100 * result.detection.rate(label)));
            }
            row.append(String.format(Locale.ROOT, " %12.2f%% %7d %8d %8s", 100 * result.detection.rate("ham"),
                result.detection.errors(), result.skipped, result.attempted + "/" + corpus.size()));
            System.out.println(row);
        }
        Optional<Result> rampart = results.stream().filter(r -> r.name.equals("rampart")).findFirst();
        Optional<Result> rspamd = results.stream().filter(r -> r.name.equals("rspamd")).findFirst();
        if (rampart.isPresent() && rspamd.isPresent()) {
            double ratio = rampart.get().perSecond() / rspamd.get().perSecond();
            System.out.printf(Locale.ROOT, "%nthroughput: Rampart = %.2fx Rspamd (goal >= 3x: %s)%n", ratio,
                ratio >= 3 ? "met" : "NOT met");
            double ours = recall(rampart.get(), labels);
            double theirs = recall(rspamd.get(), labels);
            System.out.printf(Locale.ROOT, "detection (all non-ham): Rampart %.1f%% vs Rspamd %.1f%% (goal: better: %s)%n",
                100 * ours, 100 * theirs, ours > theirs ? "met" : "NOT met");
            System.out.println("  note: Rampart scored with its configured model. The model shipped in the bundle was trained"
                + " on the development corpus, so on that corpus its detection is not a quality figure: compare"
                + " `./rampart eval LABELS.tsv --folds 5` (held-out folds) with the peers' rows instead.");
            double ourFp = rampart.get().detection.rate("ham");
            double theirFp = rspamd.get().detection.rate("ham");
            System.out.printf(Locale.ROOT, "ham false positives: Rampart %.2f%% vs Rspamd %.2f%% (goal: fewer: %s)%n",
                100 * ourFp, 100 * theirFp, ourFp < theirFp ? "met" : ourFp == theirFp ? "equal" : "NOT met");
        }
    }

    private static double recall(Result result, List<String> labels) {
        int flagged = 0;
        int total = 0;
        for (String label : labels) {
            flagged += result.detection.flagged(label);
            total += result.detection.total(label);
        }
        return total == 0 ? Double.NaN : (double) flagged / total;
    }
}
