package io.rampart.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.rampart.bench.Corpus.Sample;
import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.verdict.Verdict;

/**
 * Messages per second and per-message latency of Rampart's analysis over a labelled corpus of real
 * mail, on one thread and on all cores, with whatever analyzers are registered. Every loop is
 * bounded in count (the corpus, {@code --passes}) and in time ({@code --max-seconds} per phase).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.rampart.bench.EngineBenchmark [--labels FILE]
 *     [--limit N] [--threads N] [--passes N] [--warmup-seconds S] [--max-seconds S] [--mode inline|scan]
 *     [--per-analyzer] [--config rampart.properties]</pre>
 */
public final class EngineBenchmark {
    private static final String USAGE = "EngineBenchmark [--labels FILE] [--limit N] [--threads N] [--passes N]"
        + " [--warmup-seconds S] [--max-seconds S] [--mode inline|scan] [--per-analyzer] [--config FILE]";

    private EngineBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--labels", "--limit", "--threads", "--passes", "--warmup-seconds",
            "--max-seconds", "--mode", "--config"), Set.of("--per-analyzer"), USAGE);
        Path root = Path.of(System.getProperty("rampart.root", "."));
        Corpus corpus = Corpus.load(Corpus.locate(args.get("--labels"), root), args.getInt("--limit", 0));
        RampartScanner scanner = new RampartScanner(args.get("--config").map(Path::of));
        int threads = args.getInt("--threads", Runtime.getRuntime().availableProcessors());
        int passes = args.getInt("--passes", 1);
        long maxNanos = TimeUnit.SECONDS.toNanos(args.getInt("--max-seconds", 600));
        boolean inline = !"scan".equals(args.get("--mode", "inline"));

        System.out.println("== Rampart engine benchmark");
        System.out.println("machine:   " + Machine.describe());
        System.out.printf(Locale.ROOT, "corpus:    %s: %d messages, %.1f MB %s%n", corpus.labels(), corpus.size(),
            corpus.totalBytes() / 1e6, corpus.countsByLabel());
        System.out.println("analyzers: " + scanner.analyzerNames());
        System.out.println("mode:      " + (inline ? "scanInline (calling thread)" : "scan (engine worker pool, hard budget)"));

        Run warmup = run(corpus, scanner, inline, threads, 1, TimeUnit.SECONDS.toNanos(args.getInt("--warmup-seconds", 60)));
        System.out.printf(Locale.ROOT, "warm-up:   %d messages on %d threads%n", warmup.latencies.count(), threads);

        Run single = run(corpus, scanner, inline, 1, passes, maxNanos);
        print("1 thread", single);
        Run multi = run(corpus, scanner, inline, threads, passes, maxNanos);
        print(threads + " threads", multi);
        System.out.println("detection: " + multi.detection.summary() + " (flagged = verdict not clean)");
        System.out.printf(Locale.ROOT, "scaling:   %.2fx on %d threads%n", multi.perSecond() / single.perSecond(), threads);
        if (args.flag("--per-analyzer")) {
            perAnalyzer(corpus, scanner, maxNanos);
        }
    }

    private static void print(String name, Run run) {
        System.out.printf(Locale.ROOT, "%-10s %8.1f msg/s  %6.2f MB/s  %s  (%d messages in %.1f s, %d not fully scanned)%n",
            name + ":", run.perSecond(), run.bytes / 1e6 / run.seconds(), run.latencies.summary(), run.latencies.count(),
            run.seconds(), run.incomplete.get());
    }

    /** The result of one timed phase. */
    static final class Run {
        final Latencies latencies = new Latencies();
        final Detection detection = new Detection();
        final AtomicInteger incomplete = new AtomicInteger();
        long bytes;
        long wallNanos;

        double seconds() {
            return wallNanos / 1e9;
        }

        double perSecond() {
            return latencies.count() / seconds();
        }
    }

    static Run run(Corpus corpus, RampartScanner scanner, boolean inline, int threads, int passes, long maxNanos)
        throws Exception {
        List<Sample> samples = corpus.samples();
        int total = samples.size() * passes;
        AtomicInteger next = new AtomicInteger();
        Run run = new Run();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + maxNanos;
        List<Future<Latencies>> futures = new ArrayList<>();
        List<long[]> bytes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] counted = new long[1];
            bytes.add(counted);
            futures.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                int i;
                while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    Sample sample = samples.get(i % samples.size());
                    long t0 = System.nanoTime();
                    Verdict verdict = inline ? scanner.scanInline(sample.bytes()) : scanner.scan(sample.bytes());
                    mine.add(System.nanoTime() - t0);
                    counted[0] += sample.bytes().length;
                    run.detection.record(sample.label(), verdict.verdictClass().isFlagged());
                    if (!verdict.complete()) {
                        run.incomplete.incrementAndGet();
                    }
                }
                return mine;
            }));
        }
        for (Future<Latencies> future : futures) {
            run.latencies.addAll(future.get());
        }
        run.wallNanos = System.nanoTime() - start;
        pool.shutdown();
        run.bytes = bytes.stream().mapToLong(b -> b[0]).sum();
        return run;
    }

    /** Where the time goes: parsing, then each registered analyzer, over the corpus on one thread. */
    static void perAnalyzer(Corpus corpus, RampartScanner scanner, long maxNanos) {
        Map<String, Latencies> stages = new LinkedHashMap<>();
        stages.put("parse", new Latencies());
        for (Analyzer analyzer : scanner.engine().analyzers()) {
            stages.put(analyzer.name(), new Latencies());
        }
        long deadline = System.nanoTime() + maxNanos;
        for (Sample sample : corpus.samples()) {
            if (System.nanoTime() > deadline) {
                break;
            }
            long t0 = System.nanoTime();
            ParsedMessage message = scanner.engine().parser().parse(sample.bytes());
            stages.get("parse").add(System.nanoTime() - t0);
            ScanContext context = scanner.context().toBuilder().deadlineNanos(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).build();
            ScanReport report = new ScanReport();
            for (Analyzer analyzer : scanner.engine().analyzers()) {
                long a0 = System.nanoTime();
                try {
                    analyzer.analyze(message, context, report);
                } catch (RuntimeException e) {
                    // The engine turns this into a finding; here only the time counts.
                }
                stages.get(analyzer.name()).add(System.nanoTime() - a0);
            }
        }
        System.out.println("per stage (1 thread, after warm-up):");
        stages.forEach((name, latencies) -> System.out.printf(Locale.ROOT, "  %-24s mean %7.3f ms  %s%n", name,
            latencies.meanMillis(), latencies.summary()));
    }
}
