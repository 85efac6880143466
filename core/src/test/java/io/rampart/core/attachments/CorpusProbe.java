package io.rampart.core.attachments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.AttachmentSettings;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

/**
 * Prints the attachment findings of messages, for tuning by hand: {@code CorpusProbe <corpus> [rule-prefix]}
 * lists every finding whose rule starts with the prefix, or {@code CorpusProbe <file>...} every finding of
 * those messages. Not a test.
 */
public final class CorpusProbe {
    private CorpusProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path first = Paths.get(args[0]);
        if (Files.isDirectory(first)) {
            String prefix = args.length > 1 ? args[1] : "";
            for (String line : Files.readAllLines(first.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t");
                if (columns.length < 2 || columns[0].equals("path")) {
                    continue;
                }
                for (Finding finding : analyze(first.resolve(columns[0])).findings()) {
                    if (finding.rule().startsWith(prefix)) {
                        System.out.println(columns[1] + "\t" + columns[0] + "\t" + finding);
                    }
                }
            }
            return;
        }
        for (String file : args) {
            System.out.println(file);
            analyze(Paths.get(file)).findings().forEach(finding -> System.out.println("  " + finding));
        }
    }

    private static ScanReport analyze(Path file) throws IOException {
        ParsedMessage message = new MessageParser().parse(Files.readAllBytes(file));
        ScanReport report = new ScanReport();
        if (message.attachments().isEmpty() && message.texts().stream()
            .noneMatch(t -> t.html().map(h -> h.contains("data:image")).orElse(false))) {
            return report;
        }
        ScanContext context = ScanContext.builder().localDomains(Set.of("example.org"))
            .deadlineNanos(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).build();
        AttachmentSettings defaults = AttachmentSettings.defaults();
        // -Dprobe.timePerPart=<seconds> lifts the per-part budget, to tell a loaded machine from a real cap.
        java.time.Duration timePerPart = java.time.Duration.ofSeconds(
            Long.getLong("probe.timePerPart", defaults.timePerPart().getSeconds()));
        AttachmentSettings settings = new AttachmentSettings(defaults.maxPixels(), defaults.maxPdfPages(),
            defaults.maxPdfRenderedPages(), defaults.maxArchiveEntries(), defaults.maxExpansionRatio(),
            defaults.maxTotalUncompressedBytes(), defaults.maxDepth(), timePerPart, defaults.ocrEnabled(),
            defaults.ocrTimeout());
        new AttachmentAnalyzer(settings).analyze(message, context, report);
        return report;
    }
}
