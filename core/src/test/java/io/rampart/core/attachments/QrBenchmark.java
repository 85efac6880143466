package io.rampart.core.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.attachments.images.BarcodeScanner;
import io.rampart.core.attachments.images.ImageDecoder;
import io.rampart.core.config.AttachmentSettings;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

/**
 * Measures barcode decoding per image over generated images (decode from PNG/JPEG bytes + scan,
 * one thread) and the attachment analysis per message over a corpus's messages that carry
 * non-text parts. Not a test: run it by hand, e.g.
 * <pre>
 * mvn -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java -Djava.awt.headless=true -cp core/target/test-classes:core/target/classes:$(cat core/target/test-cp.txt) \
 *     io.rampart.core.attachments.QrBenchmark /work/shared/corpus
 * </pre>
 */
public final class QrBenchmark {
    private static final int IMAGES = 240;
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();

    private QrBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        images();
        if (args.length > 0) {
            corpus(Paths.get(args[0]));
        }
    }

    private static final class Sample {
        final String kind;
        final byte[] bytes;
        final String expected;

        Sample(String kind, byte[] bytes, String expected) {
            this.kind = kind;
            this.bytes = bytes;
            this.expected = expected;
        }
    }

    private static void images() {
        Random random = new Random(42);
        List<Sample> samples = new ArrayList<>();
        String[] kinds = {"plain-png", "plain-jpeg", "inverted", "rotated", "two-codes", "banner", "photo-no-code",
            "blank-page-no-code"};
        for (int i = 0; i < IMAGES; i++) {
            String kind = kinds[i % kinds.length];
            String url = "https://example-" + i + ".top/p/" + Long.toHexString(random.nextLong());
            int module = 2 + random.nextInt(7);
            switch (kind) {
                case "plain-png":
                    samples.add(new Sample(kind, Fixtures.png(Fixtures.qr(url, module)), url));
                    break;
                case "plain-jpeg":
                    samples.add(new Sample(kind, Fixtures.jpeg(Fixtures.qr(url, module + 1)), url));
                    break;
                case "inverted":
                    samples.add(new Sample(kind, Fixtures.png(Fixtures.inverted(Fixtures.qr(url, module + 1))), url));
                    break;
                case "rotated":
                    samples.add(new Sample(kind, Fixtures.png(Fixtures.rotated(Fixtures.qr(url, module + 2),
                        5 + random.nextInt(80))), url));
                    break;
                case "two-codes":
                    samples.add(new Sample(kind, Fixtures.png(Fixtures.sideBySide(Fixtures.qr(url, 4),
                        Fixtures.qr(url + "/2", 4))), url));
                    break;
                case "banner":
                    int width = 1200 + random.nextInt(1200);
                    samples.add(new Sample(kind, Fixtures.jpeg(Fixtures.banner(Fixtures.qr(url, 3), width, width * 3 / 8,
                        i)), url));
                    break;
                case "photo-no-code":
                    samples.add(new Sample(kind, Fixtures.jpeg(Fixtures.noise(800 + random.nextInt(800),
                        600 + random.nextInt(600), i)), null));
                    break;
                default:
                    BufferedImage page = new BufferedImage(992, 1403, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = page.createGraphics();
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, 992, 1403);
                    g.setColor(Color.BLACK);
                    for (int line = 0; line < 40; line++) {
                        g.drawString("Lorem ipsum dolor sit amet, consectetur adipiscing elit " + line, 80, 120 + line * 28);
                    }
                    g.dispose();
                    samples.add(new Sample(kind, Fixtures.png(page), null));
                    break;
            }
        }
        BarcodeScanner scanner = new BarcodeScanner();
        for (Sample sample : samples) {
            decodeAndScan(scanner, sample);
        }
        Map<String, List<Double>> byKind = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        List<Double> allWall = new ArrayList<>();
        int expected = 0;
        int found = 0;
        for (Sample sample : samples) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            List<BarcodeScanner.Code> codes = decodeAndScan(scanner, sample);
            double millis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            allWall.add((System.nanoTime() - start) / 1e6);
            all.add(millis);
            byKind.computeIfAbsent(sample.kind, k -> new ArrayList<>()).add(millis);
            if (sample.expected != null) {
                expected++;
                if (codes.stream().anyMatch(code -> code.text().equals(sample.expected))) {
                    found++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "QR decoding (image bytes to codes), %d generated images, one thread, CPU time: %s;"
            + " decoded %d of %d codes%n", all.size(), stats(all), found, expected);
        System.out.printf(Locale.ROOT, "  wall clock (shared machine): %s%n", stats(allWall));
        byKind.forEach((kind, times) -> System.out.printf(Locale.ROOT, "  %-20s %s%n", kind, stats(times)));
    }

    private static List<BarcodeScanner.Code> decodeAndScan(BarcodeScanner scanner, Sample sample) {
        ImageDecoder.Decoded decoded = ImageDecoder.decode(sample.bytes, AttachmentSettings.DEFAULT_MAX_PIXELS);
        List<BarcodeScanner.Code> codes = new ArrayList<>();
        for (BufferedImage frame : decoded.frames()) {
            codes.addAll(scanner.scan(frame, () -> false));
        }
        return codes;
    }

    private static void corpus(Path root) throws IOException {
        Path labels = root.resolve("labels.tsv");
        MessageParser parser = new MessageParser();
        AttachmentAnalyzer analyzer = new AttachmentAnalyzer(AttachmentSettings.defaults());
        List<Double> times = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        Map<String, Map<String, Integer>> rulesByLabel = new TreeMap<>();
        Map<String, Integer> messagesByLabel = new TreeMap<>();
        List<String> slowest = new ArrayList<>();
        int incomplete = 0;
        for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            if (columns.length < 2 || columns[0].equals("path")) {
                continue;
            }
            byte[] raw = Files.readAllBytes(root.resolve(columns[0]));
            ParsedMessage message = parser.parse(raw);
            boolean dataImage = message.texts().stream()
                .anyMatch(t -> t.html().map(h -> h.contains("data:image")).orElse(false));
            if (message.attachments().isEmpty() && !dataImage) {
                continue;
            }
            ScanContext context = ScanContext.builder().localDomains(Set.of("example.org"))
                .deadlineNanos(System.nanoTime() + TimeUnit.SECONDS.toNanos(5)).build();
            ScanReport report = new ScanReport();
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            analyzer.analyze(message, context, report);
            double millis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            wall.add((System.nanoTime() - start) / 1e6);
            times.add(millis);
            slowest.add(String.format(Locale.ROOT, "%09.1f %s", millis, columns[0]));
            messagesByLabel.merge(columns[1], 1, Integer::sum);
            if (!report.incompleteReasons().isEmpty()) {
                incomplete++;
            }
            for (Finding finding : report.findings()) {
                rulesByLabel.computeIfAbsent(columns[1], k -> new TreeMap<>()).merge(finding.rule(), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "Attachment analysis, %d corpus messages with non-text parts, CPU time: %s;"
            + " %d not fully scanned%n", times.size(), stats(times), incomplete);
        System.out.printf(Locale.ROOT, "  wall clock (shared machine): %s%n", stats(wall));
        System.out.println("  messages by label: " + messagesByLabel);
        rulesByLabel.forEach((label, rules) -> System.out.println("  findings in " + label + ": " + rules));
        Collections.sort(slowest, Collections.reverseOrder());
        System.out.println("  slowest: " + slowest.subList(0, Math.min(5, slowest.size())));
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
            percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1),
            sorted.size());
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
