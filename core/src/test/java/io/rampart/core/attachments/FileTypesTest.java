package io.rampart.core.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

class FileTypesTest {
    private static final Tika TIKA = new Tika();

    private static byte[] encode(String format) throws Exception {
        BufferedImage image = Fixtures.noise(64, 48, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(format.equals("gif") ? toIndexed(image) : image, format, out);
        return out.toByteArray();
    }

    private static BufferedImage toIndexed(BufferedImage image) {
        BufferedImage indexed = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
        indexed.getGraphics().drawImage(image, 0, 0, null);
        return indexed;
    }

    @Test
    void theShortcutForCommonTypesAgreesWithTika() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        for (byte[] file : new byte[][] {encode("png"), encode("jpg"), encode("gif"), pdf}) {
            assertThat(FileTypes.commonImageOrPdf(file)).isPresent();
            assertThat(FileTypes.detect(file, java.util.Optional.empty())).isEqualTo(TIKA.detect(file));
        }
    }

    @Test
    void otherFilesAndTruncatedSignaturesGoToTika() {
        byte[] zip = Documents.zip(java.util.Map.of("a.txt", "hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(FileTypes.commonImageOrPdf(zip)).isEmpty();
        assertThat(FileTypes.detect(zip, java.util.Optional.empty())).isEqualTo("application/zip");
        assertThat(FileTypes.commonImageOrPdf(new byte[] {(byte) 0x89, 'P', 'N'})).isEmpty();
        assertThat(FileTypes.commonImageOrPdf("GIF8".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileTypes.commonImageOrPdf("%PDF".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
