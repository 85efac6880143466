package io.rampart.core.config;

import java.time.Duration;

import com.google.common.base.MoreObjects;
import com.google.common.base.Preconditions;

/**
 * {@code attachments.*}: the caps that keep attachment, archive, document and image analysis bounded.
 * Hitting any of them records a "not fully scanned" finding; none of them makes a scan fail.
 */
public final class AttachmentSettings {
    /** Largest image decoded, in pixels (width x height read from the header before decoding). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** PDF pages whose annotations and actions are read. */
    public static final int DEFAULT_MAX_PDF_PAGES = 50;
    /** PDF pages rendered to look for drawn barcodes (images embedded in those pages are read too). */
    public static final int DEFAULT_MAX_PDF_RENDERED_PAGES = 2;
    /** Archive members looked at, over all archives of one message. */
    public static final int DEFAULT_MAX_ARCHIVE_ENTRIES = 1_000;
    /** Uncompressed bytes of an archive (or compressed stream) over its compressed size. */
    public static final int DEFAULT_MAX_EXPANSION_RATIO = 200;
    /** Bytes unpacked from archives, over all archives of one message. */
    public static final long DEFAULT_MAX_TOTAL_UNCOMPRESSED_BYTES = 64L * 1024 * 1024;
    /** Archive nesting: an archive at this depth is listed as a member but not opened. */
    public static final int DEFAULT_MAX_DEPTH = 5;
    /** Time spent on one attachment (archive members and embedded files included). */
    public static final Duration DEFAULT_TIME_PER_PART = Duration.ofSeconds(2);
    /** Run Tesseract on image-only lures when the {@code tesseract} binary is installed. */
    public static final boolean DEFAULT_OCR_ENABLED = true;
    public static final Duration DEFAULT_OCR_TIMEOUT = Duration.ofSeconds(3);

    public static AttachmentSettings from(ConfigReader reader) {
        long maxPixels = reader.longValue("attachments.maxPixels", DEFAULT_MAX_PIXELS, 10_000, 1_000_000_000L);
        int maxPdfPages = reader.integer("attachments.maxPdfPages", DEFAULT_MAX_PDF_PAGES, 1, 100_000);
        int maxRendered = reader.integer("attachments.maxPdfRenderedPages", DEFAULT_MAX_PDF_RENDERED_PAGES, 0, 1_000);
        int maxEntries = reader.integer("attachments.maxArchiveEntries", DEFAULT_MAX_ARCHIVE_ENTRIES, 1, 1_000_000);
        int maxRatio = reader.integer("attachments.maxExpansionRatio", DEFAULT_MAX_EXPANSION_RATIO, 2, 1_000_000);
        long maxTotal = reader.longValue("attachments.maxTotalUncompressedBytes",
            DEFAULT_MAX_TOTAL_UNCOMPRESSED_BYTES, 1_024, 16L * 1024 * 1024 * 1024);
        int maxDepth = reader.integer("attachments.maxDepth", DEFAULT_MAX_DEPTH, 1, 50);
        Duration timePerPart = reader.duration("attachments.timePerPart", DEFAULT_TIME_PER_PART);
        if (timePerPart.isZero() || timePerPart.isNegative()) {
            throw reader.error("attachments.timePerPart", timePerPart.toString(), "a positive duration such as 2s");
        }
        boolean ocr = reader.bool("attachments.ocr.enabled", DEFAULT_OCR_ENABLED);
        Duration ocrTimeout = reader.duration("attachments.ocr.timeout", DEFAULT_OCR_TIMEOUT);
        if (ocrTimeout.isZero() || ocrTimeout.isNegative()) {
            throw reader.error("attachments.ocr.timeout", ocrTimeout.toString(), "a positive duration such as 3s");
        }
        return new AttachmentSettings(maxPixels, maxPdfPages, maxRendered, maxEntries, maxRatio, maxTotal, maxDepth,
            timePerPart, ocr, ocrTimeout);
    }

    public static AttachmentSettings defaults() {
        return new AttachmentSettings(DEFAULT_MAX_PIXELS, DEFAULT_MAX_PDF_PAGES, DEFAULT_MAX_PDF_RENDERED_PAGES,
            DEFAULT_MAX_ARCHIVE_ENTRIES, DEFAULT_MAX_EXPANSION_RATIO, DEFAULT_MAX_TOTAL_UNCOMPRESSED_BYTES,
            DEFAULT_MAX_DEPTH, DEFAULT_TIME_PER_PART, DEFAULT_OCR_ENABLED, DEFAULT_OCR_TIMEOUT);
    }

    private final long maxPixels;
    private final int maxPdfPages;
    private final int maxPdfRenderedPages;
    private final int maxArchiveEntries;
    private final int maxExpansionRatio;
    private final long maxTotalUncompressedBytes;
    private final int maxDepth;
    private final Duration timePerPart;
    private final boolean ocrEnabled;
    private final Duration ocrTimeout;

    public AttachmentSettings(long maxPixels, int maxPdfPages, int maxPdfRenderedPages, int maxArchiveEntries,
                              int maxExpansionRatio, long maxTotalUncompressedBytes, int maxDepth,
                              Duration timePerPart, boolean ocrEnabled, Duration ocrTimeout) {
        Preconditions.checkArgument(maxPixels > 0, "maxPixels must be positive, got %s", maxPixels);
        Preconditions.checkArgument(maxPdfPages > 0, "maxPdfPages must be positive, got %s", maxPdfPages);
        Preconditions.checkArgument(maxPdfRenderedPages >= 0, "maxPdfRenderedPages must not be negative, got %s",
            maxPdfRenderedPages);
        Preconditions.checkArgument(maxArchiveEntries > 0, "maxArchiveEntries must be positive, got %s",
            maxArchiveEntries);
        Preconditions.checkArgument(maxExpansionRatio > 1, "maxExpansionRatio must be over 1, got %s",
            maxExpansionRatio);
        Preconditions.checkArgument(maxTotalUncompressedBytes > 0, "maxTotalUncompressedBytes must be positive, got %s",
            maxTotalUncompressedBytes);
        Preconditions.checkArgument(maxDepth > 0, "maxDepth must be positive, got %s", maxDepth);
        this.maxPixels = maxPixels;
        this.maxPdfPages = maxPdfPages;
        this.maxPdfRenderedPages = maxPdfRenderedPages;
        this.maxArchiveEntries = maxArchiveEntries;
        this.maxExpansionRatio = maxExpansionRatio;
        this.maxTotalUncompressedBytes = maxTotalUncompressedBytes;
        this.maxDepth = maxDepth;
        this.timePerPart = Preconditions.checkNotNull(timePerPart);
        this.ocrEnabled = ocrEnabled;
        this.ocrTimeout = Preconditions.checkNotNull(ocrTimeout);
    }

    public long maxPixels() {
        return maxPixels;
    }

    public int maxPdfPages() {
        return maxPdfPages;
    }

    public int maxPdfRenderedPages() {
        return maxPdfRenderedPages;
    }

    public int maxArchiveEntries() {
        return maxArchiveEntries;
    }

    public int maxExpansionRatio() {
        return maxExpansionRatio;
    }

    public long maxTotalUncompressedBytes() {
        return maxTotalUncompressedBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public Duration timePerPart() {
        return timePerPart;
    }

    public boolean ocrEnabled() {
        return ocrEnabled;
    }

    public Duration ocrTimeout() {
        return ocrTimeout;
    }

    @Override
    public String toString() {
        return MoreObjects.toStringHelper(this).add("maxPixels", maxPixels).add("maxPdfPages", maxPdfPages)
            .add("maxPdfRenderedPages", maxPdfRenderedPages).add("maxArchiveEntries", maxArchiveEntries)
            .add("maxExpansionRatio", maxExpansionRatio).add("maxTotalUncompressedBytes", maxTotalUncompressedBytes)
            .add("maxDepth", maxDepth).add("timePerPart", timePerPart).add("ocrEnabled", ocrEnabled)
            .add("ocrTimeout", ocrTimeout).toString();
    }
}
