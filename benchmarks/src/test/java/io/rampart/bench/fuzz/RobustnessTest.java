package io.rampart.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.rampart.bench.RampartScanner;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;

/**
 * Hostile and broken mail, built here: each gets a verdict, complete or with a "not fully scanned"
 * reason, within a time bound, on both entry points ({@code scanInline} and the mailet's {@code scan}).
 */
class RobustnessTest {
    private static final RampartScanner SCANNER = new RampartScanner(Optional.empty());
    private static final long BUDGET_SECONDS = 5;
    /** scan(): the budget, the engine's grace period (one budget more), and a margin for a loaded CI machine. */
    private static final long SCAN_BOUND_SECONDS = 2 * BUDGET_SECONDS + 10;
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static Verdict scanBoth(byte[] raw, long inlineBoundSeconds) {
        long start = System.nanoTime();
        Verdict inline = SCANNER.scanInline(raw);
        assertThat(System.nanoTime() - start).as("scanInline time").isLessThan(TimeUnit.SECONDS.toNanos(inlineBoundSeconds));
        ScanFuzzTest.assertBounded(inline);
        start = System.nanoTime();
        Verdict pooled = SCANNER.scan(raw);
        assertThat(System.nanoTime() - start).as("scan time").isLessThan(TimeUnit.SECONDS.toNanos(SCAN_BOUND_SECONDS));
        ScanFuzzTest.assertBounded(pooled);
        return pooled;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void unterminatedMultipartShouldGetAVerdict() {
        byte[] raw = ascii("From: a@example.net\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n"
            + "--never-closed\r\nContent-Type: text/plain\r\n\r\n" + GTUBE + "\r\n"
            + "--never-closed\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA");
        Verdict verdict = scanBoth(raw, 30);
        assertThat(verdict.verdictClass()).as("GTUBE still found in the first part").isEqualTo(VerdictClass.SPAM);
    }

    @Test
    void multipartWithoutBoundaryAndHeadersWithoutColonShouldGetAVerdict() {
        byte[] raw = ascii("From a@example.net no colon here\r\nX-Broken\r\n: empty name\r\n"
            + "Content-Type: multipart/mixed\r\n\r\n--\r\n--\r\n\u0000\u0001\u0002binary\r\n");
        scanBoth(raw, 30);
    }

    @Test
    void binaryGarbageShouldGetAVerdict() {
        byte[] raw = new byte[256 * 1024];
        new java.util.Random(3).nextBytes(raw);
        scanBoth(raw, 30);
    }

    @Test
    void mixedChineseCharsetsShouldGetAVerdict() {
        byte[] gbk = "您好，这是一封测试邮件。发票请查收".getBytes(GBK);
        byte[] big5 = "您好，這是一封測試郵件".getBytes(BIG5);
        byte[] utf8 = "混合 UTF-8 文本 and English".getBytes(StandardCharsets.UTF_8);
        byte[] raw = concat(ascii("From: =?GBK?B?xOO6ww==?= <a@example.net>\r\n"
                + "Subject: =?big5?Q?=A7=DA?= =?utf-8?B?5rWL6K+V?= =?x-unknown?Q?abc?= raw:"), gbk, ascii("\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"c\"\r\n\r\n"
                + "--c\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"), gbk, utf8, ascii("\r\n"
                + "--c\r\nContent-Type: text/html; charset=GBK\r\n\r\n<p>"), big5, ascii("</p>\r\n"
                + "--c\r\nContent-Type: text/plain; charset=no-such-charset\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"),
            utf8, gbk, ascii("\r\n--c--\r\n"));
        scanBoth(raw, 30);
    }

    @Test
    void brokenBase64AndQuotedPrintableShouldGetAVerdict() {
        byte[] raw = ascii("From: a@example.net\r\nSubject: enc\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"e\"\r\n\r\n"
            + "--e\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "SGVsbG8g!!!d29y#bGQ=====\r\nnot*base64*at*all\r\nQUJD\r\n"
            + "--e\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "=ZZ=4=\r\n<a href=3D\"http://x.example/=\r\n=E4=BD\r\n"
            + "--e\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "JVBERi0xLjQK" + "A".repeat(10_001) + "\r\n"
            + "--e\r\nContent-Type: application/zip\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 a\r\n"
            + "--e--\r\n");
        scanBoth(raw, 30);
    }

    @Test
    void tenThousandPartsShouldGiveAVerdictMarkedNotFullyScanned() {
        StringBuilder message = new StringBuilder("From: a@example.net\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < 10_000; i++) {
            message.append("--p\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        }
        message.append("--p--\r\n");
        Verdict verdict = scanBoth(ascii(message.toString()), 60);
        assertThat(verdict.complete()).isFalse();
        assertThat(verdict.incompleteReasons()).isNotEmpty();
    }

    @Test
    void deepNestingShouldGiveAVerdictMarkedNotFullyScanned() {
        StringBuilder message = new StringBuilder("From: a@example.net\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        int depth = 200;
        for (int i = 0; i < depth; i++) {
            message.append("Content-Type: multipart/mixed; boundary=\"d").append(i).append("\"\r\n\r\n--d").append(i).append("\r\n");
        }
        message.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            message.append("--d").append(i).append("--\r\n");
        }
        Verdict verdict = scanBoth(ascii(message.toString()), 30);
        assertThat(verdict.complete()).isFalse();
    }

    @Test
    void hundredMegabyteMessageShouldGiveAVerdictWithinBounds() {
        int size = 100 * 1024 * 1024;
        byte[] head = ascii("From: a@example.net\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\n"
            + GTUBE + "\r\n--big\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        byte[] tail = ascii("\r\n--big--\r\n");
        byte[] raw = new byte[size];
        System.arraycopy(head, 0, raw, 0, head.length);
        byte[] line = ascii("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n");
        int at = head.length;
        while (at + line.length + tail.length <= size) {
            System.arraycopy(line, 0, raw, at, line.length);
            at += line.length;
        }
        System.arraycopy(tail, 0, raw, at, tail.length);
        raw = Arrays.copyOf(raw, at + tail.length);

        long start = System.nanoTime();
        Verdict verdict = SCANNER.scan(raw);
        long took = System.nanoTime() - start;
        ScanFuzzTest.assertBounded(verdict);
        assertThat(took).as("scan of 100 MB took %d ms", took / 1_000_000)
            .isLessThan(TimeUnit.SECONDS.toNanos(SCAN_BOUND_SECONDS));
        assertThat(verdict.verdictClass() == VerdictClass.SPAM || !verdict.complete())
            .as("GTUBE found, or the verdict says it is not fully scanned: %s", verdict.reason()).isTrue();
    }
}
