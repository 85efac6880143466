package io.rampart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.signatures.TestSignatureAnalyzer;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;

class ScanEngineTest {
    private static final byte[] GTUBE_MAIL = ("From: offers@shop.example\r\nSubject: offer\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\n\r\n" + TestSignatureAnalyzer.GTUBE + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);

    /** A configuration from key, value pairs. */
    private static RampartConfiguration configuration(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("test", properties);
    }

    @Test
    void gtubeShouldBeSpamWithAReadableReason() {
        Verdict verdict = Analyzers.standardEngine(configuration("detection.model", "off"))
            .scan(GTUBE_MAIL, ScanContext.builder().build());

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.SPAM);
        assertThat(verdict.headerValue()).isEqualTo("spam; score=100.00; rules=gtube");
        assertThat(verdict.reason()).isEqualTo("spam (score 100.00 >= 5.00): gtube [GTUBE test string in part 1]");
        assertThat(verdict.complete()).isTrue();
    }

    @Test
    void aProtectedPersonsNameFromFreeMailIsPhishingWithTheModel() {
        byte[] mail = ("From: \"Bob Smith\" <bob.smith.office@gmail.com>\r\nTo: alice@acme.example\r\n"
            + "Subject: Quick favour\r\n\r\nHi Alice, are you at your desk? I need you to buy some gift cards for a "
            + "client today, I will reimburse you. Reply with the codes as soon as you can.\r\nBob\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        ScanContext context = ScanContext.builder().localDomains(java.util.Set.of("acme.example")).build();

        Verdict without = Analyzers.standardEngine(RampartConfiguration.defaults()).scan(mail, context);
        Verdict with = Analyzers.standardEngine(configuration("detection.people", "Bob Smith")).scan(mail, context);

        assertThat(without.rules()).doesNotContain("sender.impersonates-person");
        assertThat(with.rules()).contains("sender.impersonates-person");
        assertThat(with.verdictClass()).isEqualTo(VerdictClass.PHISH);
        assertThat(with.score()).isGreaterThan(without.score());
    }

    @Test
    void anAdministratorsRuleScoreReplacesTheRulesOwn() {
        Verdict silenced = Analyzers.standardEngine(configuration("detection.model", "off", "detection.score.gtube", "0"))
            .scan(GTUBE_MAIL, ScanContext.builder().build());

        assertThat(silenced.verdictClass()).isEqualTo(VerdictClass.CLEAN);
        assertThat(silenced.findings()).filteredOn(f -> f.rule().equals("gtube")).singleElement()
            .satisfies(finding -> assertThat(finding.score()).isZero());
    }

    /** An analyzer that always fails with "boom". */
    private static Analyzer broken() {
        return new Analyzer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void analyze(io.rampart.core.message.ParsedMessage message, ScanContext context,
                                io.rampart.core.analysis.ScanReport report) {
                throw new IllegalStateException("boom");
            }
        };
    }

    @Test
    void aScoreGivenToAnInformationalRuleCountsTowardTheThreshold() {
        Verdict verdict = new ScanEngine(configuration("detection.model", "off", "detection.score.scan.analyzer-error", "7"),
            List.of(broken()))
            .scan("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII), ScanContext.builder().build());

        assertThat(verdict.score()).isEqualTo(7.0);
        assertThat(verdict.verdictClass()).isNotEqualTo(VerdictClass.CLEAN);
    }

    /** An analyzer that scores {@code score} and defers a costly check that would add 2 points. */
    private static Analyzer deferring(double score, java.util.concurrent.atomic.AtomicInteger runs) {
        return new Analyzer() {
            @Override
            public String name() {
                return "deferring";
            }

            @Override
            public void analyze(io.rampart.core.message.ParsedMessage message, ScanContext context,
                                io.rampart.core.analysis.ScanReport report) {
                report.add("cheap", score, Category.PHISH, "cheap evidence");
                report.deferUnlessDecided("costly", () -> {
                    runs.incrementAndGet();
                    report.add("costly", 2, Category.PHISH, "costly evidence");
                });
            }
        };
    }

    @Test
    void deferredCheckShouldRunWhileTheVerdictIsOpen() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        ScanEngine engine = new ScanEngine(RampartConfiguration.defaults(), List.of(deferring(4, runs)));

        Verdict verdict = engine.scanInline("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII),
            ScanContext.builder().build());

        assertThat(runs).hasValue(1);
        assertThat(verdict.rules()).containsExactly("cheap", "costly");
        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
    }

    @Test
    void deferredCheckShouldBeSkippedOnceTheVerdictIsDecided() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        ScanEngine engine = new ScanEngine(RampartConfiguration.defaults(), List.of(deferring(6, runs)));

        Verdict verdict = engine.scanInline("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII),
            ScanContext.builder().build());

        assertThat(runs).hasValue(0);
        assertThat(verdict.rules()).containsExactly("cheap");
        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
    }

    @Test
    void analyzerThatThrowsShouldBecomeAnIncompleteFinding() {
        Analyzer broken = broken();
        ScanEngine engine = new ScanEngine(RampartConfiguration.defaults(), List.of(broken, new TestSignatureAnalyzer()));

        Verdict verdict = engine.scan(GTUBE_MAIL, ScanContext.builder().build());

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.SPAM);
        assertThat(verdict.complete()).isFalse();
        assertThat(verdict.incompleteReasons()).containsExactly("the 'broken' analysis failed: java.lang.IllegalStateException: boom");
        assertThat(verdict.headerValue()).isEqualTo("spam; score=100.00; rules=gtube; incomplete");
    }

    @Test
    void analyzerThatHangsShouldBeAbandonedAtTheBudget() {
        Analyzer hanging = new Analyzer() {
            @Override
            public String name() {
                return "hanging";
            }

            @Override
            public void analyze(io.rampart.core.message.ParsedMessage message, ScanContext context,
                                io.rampart.core.analysis.ScanReport report) {
                report.add("partial", 7, Category.PHISH, "seen before hanging");
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
            }
        };
        ScanEngine engine = new ScanEngine(configuration("scan.timeBudget", "200ms"), List.of(hanging));

        long start = System.nanoTime();
        Verdict verdict = engine.scan(GTUBE_MAIL, ScanContext.builder().build());

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
        assertThat(verdict.incompleteReasons()).containsExactly("scan exceeded its time budget of 200 ms and was abandoned");
    }

    @Test
    void eicarInsideNestedZipShouldBeMalware() throws Exception {
        byte[] inner = zip("eicar.com", TestSignatureAnalyzer.EICAR.getBytes(StandardCharsets.US_ASCII));
        byte[] outer = zip("inner.zip", inner);
        String mail = "Subject: files\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
            + "--b\r\nContent-Type: application/zip; name=\"files.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(outer) + "\r\n--b--\r\n";

        Verdict verdict = Analyzers.standardEngine(RampartConfiguration.defaults())
            .scan(mail.getBytes(StandardCharsets.US_ASCII), ScanContext.builder().build());

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.MALWARE);
        assertThat(verdict.rules()).contains("malware.eicar");
        assertThat(verdict.reason()).contains("inner.zip").contains("eicar.com");
    }

    private static byte[] zip(String name, byte[] content) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
