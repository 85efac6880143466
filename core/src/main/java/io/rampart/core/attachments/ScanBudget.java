package io.rampart.core.attachments;

import java.util.HashSet;
import java.util.Set;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.AttachmentSettings;

/**
 * The caps of one message's attachment analysis: archive members and unpacked bytes shared by
 * every archive of the message, a deadline per top-level part (never later than the scan's), and
 * the "not fully scanned" findings already recorded (each cap is reported once per part).
 * One instance per message, used by one thread.
 */
public final class ScanBudget {
    private final AttachmentSettings settings;
    private final ScanContext context;
    private final ScanReport report;
    private final Set<String> reported = new HashSet<>();
    private int entries;
    private long unpackedBytes;
    private long partDeadlineNanos = Long.MAX_VALUE;

    public ScanBudget(AttachmentSettings settings, ScanContext context, ScanReport report) {
        this.settings = settings;
        this.context = context;
        this.report = report;
    }

    public AttachmentSettings settings() {
        return settings;
    }

    public ScanContext context() {
        return context;
    }

    /** Starts the clock of a new top-level part. */
    public void startPart() {
        long now = System.nanoTime();
        long partDeadline = now + settings.timePerPart().toNanos();
        long scanDeadline = context.deadlineNanos();
        partDeadlineNanos = scanDeadline - partDeadline < 0 ? scanDeadline : partDeadline;
    }

    /** The part's time or the scan's time is up. */
    public boolean expired() {
        return context.deadlineExceeded() || System.nanoTime() - partDeadlineNanos > 0
            || Thread.currentThread().isInterrupted();
    }

    /** Nanoseconds left for the current part (0 when expired). */
    public long remainingNanos() {
        long left = Math.min(partDeadlineNanos, context.deadlineNanos()) - System.nanoTime();
        return Math.max(0, left);
    }

    /** Takes one archive member from the message's allowance; false when the cap is reached. */
    public boolean takeEntry() {
        if (entries >= settings.maxArchiveEntries()) {
            return false;
        }
        entries++;
        return true;
    }

    public long remainingBytes() {
        return Math.max(0, settings.maxTotalUncompressedBytes() - unpackedBytes);
    }

    public void consumeBytes(long bytes) {
        unpackedBytes += bytes;
    }

    /** Records a "not fully scanned" finding, once per rule and subject. */
    public void incomplete(String rule, String subject, String detail) {
        if (reported.add(rule + "\u0000" + subject)) {
            report.incomplete(rule, detail);
        }
    }

    /** The usual time-out finding for {@code where}. */
    public void timedOut(String where) {
        incomplete("attachment.timeout", where, where + ": not fully scanned, time per part ("
            + settings.timePerPart().toMillis() + " ms) or scan budget exhausted");
    }
}
