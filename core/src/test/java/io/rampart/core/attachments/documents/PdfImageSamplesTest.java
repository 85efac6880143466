package io.rampart.core.attachments.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * The gray read straight from a placed image's samples must be the gray of the picture PDFBox decodes,
 * pixel for pixel, for every kind it accepts; the others are left to PDFBox.
 */
class PdfImageSamplesTest {
    private final Random random = new Random(7);

    @Test
    void eightBitGrayMatchesPdfBox() throws Exception {
        assertSameAsPdfBox(picture(37, 23, BufferedImage.TYPE_BYTE_GRAY));
    }

    @Test
    void oneBitGrayWithRowsNotEndingOnAByteMatchesPdfBox() throws Exception {
        assertSameAsPdfBox(picture(29, 17, BufferedImage.TYPE_BYTE_BINARY));
    }

    @Test
    void rgbMatchesPdfBox() throws Exception {
        assertSameAsPdfBox(picture(41, 19, BufferedImage.TYPE_INT_RGB));
    }

    @Test
    void fourBitPaletteWithOddWidthMatchesPdfBox() throws Exception {
        try (PDDocument document = new PDDocument()) {
            int width = 13;
            int height = 9;
            int rowBytes = (width * 4 + 7) / 8;
            byte[] samples = new byte[rowBytes * height];
            random.nextBytes(samples);
            byte[] table = new byte[16 * 3];
            random.nextBytes(table);
            COSArray indexed = new COSArray();
            indexed.add(COSName.INDEXED);
            indexed.add(COSName.DEVICERGB);
            indexed.add(COSInteger.get(15));
            indexed.add(new COSString(table));
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(deflate(samples)),
                COSName.FLATE_DECODE, width, height, 4, new PDIndexed(indexed));
            assertSame(image);
        }
    }

    @Test
    void subsamplingTakesEveryNthSample() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(document, picture(10, 7, BufferedImage.TYPE_BYTE_GRAY));
            BufferedImage full = PdfImageSamples.luminance(image, 1).orElseThrow();
            BufferedImage reduced = PdfImageSamples.luminance(image, 3).orElseThrow();
            assertThat(reduced.getWidth()).isEqualTo(4);
            assertThat(reduced.getHeight()).isEqualTo(3);
            for (int y = 0; y < reduced.getHeight(); y++) {
                for (int x = 0; x < reduced.getWidth(); x++) {
                    assertThat(reduced.getRaster().getSample(x, y, 0)).isEqualTo(full.getRaster().getSample(3 * x, 3 * y, 0));
                }
            }
        }
    }

    @Test
    void anImageWithTransparencyIsLeftToPdfBox() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(document, picture(12, 12, BufferedImage.TYPE_INT_ARGB));
            assertThat(image.getCOSObject().getDictionaryObject(COSName.SMASK)).isNotNull();
            assertThat(PdfImageSamples.luminance(image, 1)).isEmpty();
        }
    }

    @Test
    void aStreamShorterThanItsSizeIsLeftToPdfBox() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(deflate(new byte[20])),
                COSName.FLATE_DECODE, 10, 10, 8, org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
            assertThat(PdfImageSamples.luminance(image, 1)).isEmpty();
        }
    }

    private void assertSameAsPdfBox(BufferedImage picture) throws Exception {
        try (PDDocument document = new PDDocument()) {
            assertSame(LosslessFactory.createFromImage(document, picture));
        }
    }

    private static void assertSame(PDImageXObject image) throws Exception {
        Optional<BufferedImage> mine = PdfImageSamples.luminance(image, 1);
        assertThat(mine).isPresent();
        BufferedImage theirs = image.getImage();
        assertThat(mine.get().getWidth()).isEqualTo(theirs.getWidth());
        assertThat(mine.get().getHeight()).isEqualTo(theirs.getHeight());
        for (int y = 0; y < theirs.getHeight(); y++) {
            for (int x = 0; x < theirs.getWidth(); x++) {
                int rgb = theirs.getRGB(x, y);
                int gray = (306 * ((rgb >> 16) & 0xFF) + 601 * ((rgb >> 8) & 0xFF) + 117 * (rgb & 0xFF) + 0x200) >> 10;
                assertThat(mine.get().getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y).isEqualTo(gray);
            }
        }
    }

    private BufferedImage picture(int width, int height, int type) {
        BufferedImage picture = new BufferedImage(width, height, type);
        Graphics2D graphics = picture.createGraphics();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    type == BufferedImage.TYPE_INT_ARGB ? random.nextInt(256) : 255));
                graphics.fillRect(x, y, 1, 1);
            }
        }
        graphics.dispose();
        return picture;
    }

    private static byte[] deflate(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(bytes);
        }
        return out.toByteArray();
    }
}
