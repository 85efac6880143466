package io.rampart.bench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The long fuzzing run of {@link ScanFuzzTest}'s target, excluded from {@code mvn verify}:
 * {@code mvn -pl benchmarks -Pfuzz test} (30 minutes). Findings land in
 * {@code src/test/resources/io/rampart/bench/fuzz/ScanFuzzLongRunInputs/}: copy each into
 * {@code ScanFuzzTestInputs/scanShouldAlwaysGiveABoundedVerdict/} so every build replays it.
 */
class ScanFuzzLongRun {
    private final ScanFuzzTest target = new ScanFuzzTest();

    @FuzzTest(maxDuration = "30m")
    void scanShouldAlwaysGiveABoundedVerdictLongRun(byte[] raw) {
        target.scanShouldAlwaysGiveABoundedVerdict(raw);
    }
}
