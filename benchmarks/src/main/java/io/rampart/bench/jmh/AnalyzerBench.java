package io.rampart.bench.jmh;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.rampart.bench.Messages;
import io.rampart.bench.RampartScanner;
import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;

/**
 * Single analyzers on a pre-parsed message, found by {@link Subjects} among the registered ones:
 * the image/QR analyzer on a quishing mail and the text classifier on a typical mail. {@link JmhMain}
 * leaves out a benchmark whose analyzer is not registered yet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnalyzerBench {
    private Optional<Analyzer> image;
    private Optional<Analyzer> classifier;
    private ParsedMessage qrMessage;
    private ParsedMessage typical;
    private ScanContext context;

    @Setup
    public void setUp() {
        RampartScanner scanner = new RampartScanner(Optional.empty());
        image = Subjects.analyzer(Subjects.IMAGE);
        classifier = Subjects.analyzer(Subjects.CLASSIFIER);
        qrMessage = scanner.engine().parser().parse(Messages.qrMessage("https://example.com/login"));
        typical = scanner.engine().parser().parse(Messages.typical());
        context = scanner.context().toBuilder().deadlineNanos(Long.MAX_VALUE).build();
    }

    private ScanReport run(Optional<Analyzer> analyzer, ParsedMessage message) {
        ScanContext bounded = context.toBuilder().deadlineNanos(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).build();
        ScanReport report = new ScanReport();
        analyzer.orElseThrow(() -> new IllegalStateException("analyzer not registered")).analyze(message, bounded, report);
        return report;
    }

    @Benchmark
    public ScanReport imageAnalyzerOnQrMail() {
        return run(image, qrMessage);
    }

    @Benchmark
    public ScanReport classifierOnTypicalMail() {
        return run(classifier, typical);
    }
}
