package io.rampart.core.config;

import java.time.Duration;

import io.rampart.core.message.ParserLimits;

/** {@code scan.*}: the time budget, parsing caps and what happens to mail that cannot be fully scanned. */
public final class ScanSettings {
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(5);
    public static final FailMode DEFAULT_FAIL_MODE = FailMode.OPEN;

    /** Mail that cannot be fully scanned: OPEN delivers by the partial verdict, CLOSED quarantines it. */
    public enum FailMode {
        OPEN, CLOSED
    }

    public static ScanSettings from(ConfigReader reader) {
        Duration budget = reader.duration("scan.timeBudget", DEFAULT_TIME_BUDGET);
        if (budget.isZero() || budget.isNegative() || budget.compareTo(Duration.ofMinutes(10)) > 0) {
            throw reader.error("scan.timeBudget", budget.toString(), "a duration between 1ms and 10m");
        }
        FailMode failMode = reader.parsed("scan.failMode", DEFAULT_FAIL_MODE,
            value -> FailMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT)), "open or closed");
        ParserLimits limits = ParserLimits.of(
            reader.integer("scan.maxParts", ParserLimits.DEFAULT_MAX_PARTS, 1, 1_000_000),
            reader.integer("scan.maxDepth", ParserLimits.DEFAULT_MAX_DEPTH, 1, 1_000),
            reader.integer("scan.maxTextChars", ParserLimits.DEFAULT_MAX_TEXT_CHARS, 1_000, Integer.MAX_VALUE),
            reader.longValue("scan.maxPartBytes", ParserLimits.DEFAULT_MAX_PART_BYTES, 1_024, Long.MAX_VALUE));
        return new ScanSettings(budget, failMode, limits);
    }

    public static ScanSettings defaults() {
        return new ScanSettings(DEFAULT_TIME_BUDGET, DEFAULT_FAIL_MODE, ParserLimits.DEFAULT);
    }

    private final Duration timeBudget;
    private final FailMode failMode;
    private final ParserLimits parserLimits;

    public ScanSettings(Duration timeBudget, FailMode failMode, ParserLimits parserLimits) {
        this.timeBudget = timeBudget;
        this.failMode = failMode;
        this.parserLimits = parserLimits;
    }

    public Duration timeBudget() {
        return timeBudget;
    }

    public FailMode failMode() {
        return failMode;
    }

    public ParserLimits parserLimits() {
        return parserLimits;
    }
}
