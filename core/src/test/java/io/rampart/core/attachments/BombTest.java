package io.rampart.core.attachments;

import static io.rampart.core.attachments.Fixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.rampart.core.config.AttachmentSettings;
import io.rampart.core.verdict.Verdict;

/** Hostile inputs end within their caps, quickly, with a "not fully scanned" finding. */
class BombTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    private static Verdict scanQuickly(byte[] message) {
        return assertTimeoutPreemptively(QUICKLY, () -> scan(message));
    }

    @Test
    void hugePngHeaderShouldBeRefusedBeforeDecoding() throws IOException {
        byte[] png = png(50_000, 50_000);
        byte[] message = Fixtures.Mime.mixed("Photo").text("A photo.").attach("image/png", "huge.png", png).build();

        Verdict verdict = scanQuickly(message);

        assertThat(verdict.incompleteReasons()).containsExactly("'huge.png' (part 1.2): image not scanned for codes, "
            + "over the pixel cap (50000x50000 > " + AttachmentSettings.DEFAULT_MAX_PIXELS + " pixels)");
    }

    @Test
    void zipBombShouldStopAtTheExpansionRatio() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] megabyte = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(megabyte);
            }
            zip.closeEntry();
        }
        byte[] message = Fixtures.Mime.mixed("Data").text("The data.").attach("application/zip", "data.zip",
            out.toByteArray()).build();

        Verdict verdict = scanQuickly(message);

        assertThat(verdict.incompleteReasons()).anySatisfy(reason -> assertThat(reason)
            .startsWith("'data.zip' (part 1.2): zip expands more than 200 times its size"));
    }

    @Test
    void tenThousandPagePdfShouldBeReadUpToThePageCap() {
        byte[] pdf = Documents.pdf(10_000, document -> { });
        byte[] message = Fixtures.Mime.mixed("Report").text("The report.").attach("application/pdf", "report.pdf", pdf)
            .build();

        Verdict verdict = scanQuickly(message);

        assertThat(verdict.incompleteReasons()).contains("'report.pdf' (part 1.2): PDF has 10000 pages; only the first "
            + AttachmentSettings.DEFAULT_MAX_PDF_PAGES + " were scanned");
    }

    @Test
    void deeplyNestedZipShouldStopAtTheDepthCap() {
        byte[] content = "the end".getBytes(StandardCharsets.US_ASCII);
        for (int level = 100; level > 0; level--) {
            content = Documents.zip("level" + level + ".zip", content);
        }
        byte[] message = Fixtures.Mime.mixed("Nested").text("Open it.").attach("application/zip", "level0.zip", content)
            .build();

        Verdict verdict = scanQuickly(message);

        assertThat(verdict.incompleteReasons()).anySatisfy(reason -> assertThat(reason).startsWith("'level0.zip' (part 1.2) > level1.zip > level2.zip > level3.zip > level4.zip > level5.zip: "
                + "zip archive nested deeper than " + AttachmentSettings.DEFAULT_MAX_DEPTH + " levels; not opened"));
    }

    /** A PNG whose header claims {@code width x height} followed by a tiny, truncated image stream. */
    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
            .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(idat)) {
            deflater.write(new byte[4096]);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
