package io.rampart.core.engine;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.config.ScanSettings;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;
import io.rampart.core.verdict.VerdictPolicy;

/**
 * Raw bytes to {@link Verdict}: parse, run every analyzer, add up the findings, classify against
 * the flow's threshold. Bounded: analyzers see the deadline, and a scan that overruns its budget
 * is abandoned with a "not fully scanned" finding instead of holding the mail. Never throws for
 * a bad message.
 */
public final class ScanEngine {
    private static final Logger LOGGER = LoggerFactory.getLogger(ScanEngine.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemonThreads());

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "rampart-scan-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private final RampartConfiguration configuration;
    private final MessageParser parser;
    private final ImmutableList<Analyzer> analyzers;

    public ScanEngine(RampartConfiguration configuration, List<Analyzer> analyzers) {
        this.configuration = configuration;
        this.parser = new MessageParser(configuration.scan().parserLimits());
        this.analyzers = ImmutableList.copyOf(analyzers);
    }

    public ImmutableList<Analyzer> analyzers() {
        return analyzers;
    }

    public MessageParser parser() {
        return parser;
    }

    /** Scans with the configured time budget; the deadline in {@code context} is replaced by it. */
    public Verdict scan(byte[] raw, ScanContext context) {
        long start = System.nanoTime();
        ScanSettings settings = configuration.scan();
        long budgetNanos = settings.timeBudget().toNanos();
        ScanContext bounded = context.toBuilder().deadlineNanos(start + budgetNanos).build();
        ScanReport report = new ScanReport(configuration.detection().ruleScores());
        Future<?> work = WORKERS.submit(() -> run(raw, bounded, report));
        try {
            // Analyzers stop themselves at the deadline; the grace period covers one slow step.
            work.get(budgetNanos + Math.max(budgetNanos, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            report.incomplete("scan.timeout", "scan exceeded its time budget of " + settings.timeBudget().toMillis()
                + " ms and was abandoned");
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            report.incomplete("scan.interrupted", "scan was interrupted");
        } catch (ExecutionException | CancellationException e) {
            LOGGER.error("Rampart scan failed unexpectedly", e);
            report.incomplete("scan.error", "scan failed: " + e.getCause());
        }
        return verdict(report, context, (System.nanoTime() - start) / 1_000_000);
    }

    /** Scans on the calling thread (used by the CLI and benchmarks): same result, no hard timeout. */
    public Verdict scanInline(byte[] raw, ScanContext context) {
        long start = System.nanoTime();
        ScanContext bounded = context.toBuilder()
            .deadlineNanos(start + configuration.scan().timeBudget().toNanos()).build();
        ScanReport report = new ScanReport(configuration.detection().ruleScores());
        run(raw, bounded, report);
        return verdict(report, context, (System.nanoTime() - start) / 1_000_000);
    }

    /** The verdict for a message that could not even be read: nothing scanned, so it follows scan.failMode. */
    public Verdict unreadable(String reason, ScanContext context) {
        ScanReport report = new ScanReport(configuration.detection().ruleScores());
        report.incomplete("scan.unreadable", reason);
        return verdict(report, context, 0);
    }

    private void run(byte[] raw, ScanContext context, ScanReport report) {
        ParsedMessage message;
        try {
            message = parser.parse(raw);
        } catch (RuntimeException e) {
            LOGGER.warn("Rampart could not parse a message of {} bytes", raw.length, e);
            report.incomplete("parse.error", "message could not be parsed: " + e);
            return;
        }
        for (String problem : message.problems()) {
            report.incomplete("parse.incomplete", problem);
        }
        message.attachments().forEach(attachment -> report.hash(attachment.sha256()));
        for (Analyzer analyzer : analyzers) {
            if (context.deadlineExceeded()) {
                report.incomplete("scan.budget", "time budget exhausted before the '" + analyzer.name()
                    + "' analysis");
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                analyzer.analyze(message, context, report);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                LOGGER.warn("Rampart analyzer '{}' failed", analyzer.name(), e);
                report.incomplete("scan.analyzer-error", "the '" + analyzer.name() + "' analysis failed: " + e);
            }
        }
        double threshold = configuration.flow(context.flow()).threshold();
        for (ScanReport.Deferred check : report.takeDeferred()) {
            if (VerdictPolicy.total(report.findings()) >= threshold) {
                return; // decided: the remaining checks could only add to a verdict already reached
            }
            if (context.deadlineExceeded()) {
                report.incomplete("scan.budget", "time budget exhausted before the deferred '" + check.name()
                    + "' check");
                continue;
            }
            try {
                check.run();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                LOGGER.warn("Rampart check '{}' failed", check.name(), e);
                report.incomplete("scan.analyzer-error", "the '" + check.name() + "' check failed: " + e);
            }
        }
    }

    private Verdict verdict(ScanReport report, ScanContext context, long millis) {
        double threshold = configuration.flow(context.flow()).threshold();
        List<io.rampart.core.analysis.Finding> findings = report.findings();
        VerdictClass verdictClass = VerdictPolicy.classify(findings, threshold);
        return Verdict.of(verdictClass, VerdictPolicy.total(findings), threshold, findings, report.urls(),
            report.hashes(), report.incompleteReasons(), millis);
    }

}
