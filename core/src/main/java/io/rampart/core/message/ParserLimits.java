package io.rampart.core.message;

import com.google.common.base.Preconditions;

/** Caps applied while parsing; hitting one records a problem instead of failing. */
public final class ParserLimits {
    public static final int DEFAULT_MAX_PARTS = 2_000;
    public static final int DEFAULT_MAX_DEPTH = 20;
    public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
    public static final long DEFAULT_MAX_PART_BYTES = 50L * 1024 * 1024;

    public static final ParserLimits DEFAULT = new ParserLimits(DEFAULT_MAX_PARTS, DEFAULT_MAX_DEPTH,
        DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_PART_BYTES);

    public static ParserLimits of(int maxParts, int maxDepth, int maxTextChars, long maxPartBytes) {
        return new ParserLimits(maxParts, maxDepth, maxTextChars, maxPartBytes);
    }

    private final int maxParts;
    private final int maxDepth;
    private final int maxTextChars;
    private final long maxPartBytes;

    private ParserLimits(int maxParts, int maxDepth, int maxTextChars, long maxPartBytes) {
        Preconditions.checkArgument(maxParts > 0, "maxParts must be positive, got %s", maxParts);
        Preconditions.checkArgument(maxDepth > 0, "maxDepth must be positive, got %s", maxDepth);
        Preconditions.checkArgument(maxTextChars > 0, "maxTextChars must be positive, got %s", maxTextChars);
        Preconditions.checkArgument(maxPartBytes > 0, "maxPartBytes must be positive, got %s", maxPartBytes);
        this.maxParts = maxParts;
        this.maxDepth = maxDepth;
        this.maxTextChars = maxTextChars;
        this.maxPartBytes = maxPartBytes;
    }

    public int maxParts() {
        return maxParts;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxTextChars() {
        return maxTextChars;
    }

    public long maxPartBytes() {
        return maxPartBytes;
    }
}
