package io.rampart.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.rampart.bench.RampartScanner;
import io.rampart.core.verdict.Verdict;

/**
 * Coverage-guided fuzzing of the message entry point: any bytes in, a verdict out, within bounds,
 * never an exception. Without {@code JAZZER_FUZZ} (the {@code no-fuzz} profile) it replays the seeds
 * under {@code src/test/resources/io/rampart/bench/fuzz/ScanFuzzTestInputs/} as a regression test;
 * {@code mvn verify} fuzzes for a short bounded time; BENCHMARKS.md gives the long run. Every
 * crash or hang found is added there as a seed, so it is replayed on every build.
 */
class ScanFuzzTest {
    private static final RampartScanner SCANNER = new RampartScanner(Optional.empty());
    /** The engine's default budget is 5 s; inline scans have no hard stop, so allow a margin for a slow CI. */
    private static final long MAX_INLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    @FuzzTest(maxDuration = "30s")
    void scanShouldAlwaysGiveABoundedVerdict(byte[] raw) {
        long start = System.nanoTime();
        Verdict inline = SCANNER.scanInline(raw);
        long took = System.nanoTime() - start;
        assertBounded(inline);
        assertThat(took).as("scanInline took %d ms on %d bytes", took / 1_000_000, raw.length)
            .isLessThan(MAX_INLINE_NANOS);
        // The mailet's path (worker pool, hard budget) on one input in four, to keep executions fast.
        if (raw.length % 4 == 0) {
            Verdict pooled = SCANNER.scan(raw);
            assertBounded(pooled);
            if (pooled.complete() && inline.complete()) {
                assertThat(pooled.verdictClass()).isEqualTo(inline.verdictClass());
            }
        }
    }

    static void assertBounded(Verdict verdict) {
        assertThat(verdict).isNotNull();
        assertThat(verdict.verdictClass()).isNotNull();
        assertThat(Double.isFinite(verdict.score())).as("finite score").isTrue();
        assertThat(verdict.complete()).isEqualTo(verdict.incompleteReasons().isEmpty());
        assertThat(verdict.headerValue()).isNotBlank();
        assertThat(verdict.reason()).isNotBlank();
    }
}
