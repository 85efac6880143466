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
import io.rampart.core.verdict.Verdict;

/** The whole engine (parse + every registered analyzer + verdict) on one typical message. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBench {
    private RampartScanner scanner;
    private byte[] typical;
    private byte[] gtube;

    @Setup
    public void setUp() {
        scanner = new RampartScanner(Optional.empty());
        typical = Messages.typical();
        gtube = Messages.gtube("gtube-1@example.net", "spammer@example.net", "alice@acme-corp.com");
    }

    /** On the calling thread (CLI path). */
    @Benchmark
    public Verdict scanInlineTypical() {
        return scanner.scanInline(typical);
    }

    /** Through the engine's worker pool with the hard time budget (the mailet's path). */
    @Benchmark
    public Verdict scanTypical() {
        return scanner.scan(typical);
    }

    @Benchmark
    public Verdict scanInlineGtube() {
        return scanner.scanInline(gtube);
    }
}
