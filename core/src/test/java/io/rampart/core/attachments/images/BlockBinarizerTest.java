package io.rampart.core.attachments.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;

/** {@link BlockBinarizer} must give exactly ZXing's {@link HybridBinarizer} matrix, on every kind of picture. */
class BlockBinarizerTest {
    private final Random random = new Random(11);

    @Test
    void noiseOfEverySizeBinarizesAsZxingDoes() throws Exception {
        // Sides that are and are not multiples of the 8-pixel block, at and around the 40-pixel minimum.
        int[] sides = {39, 40, 41, 47, 48, 63, 64, 65, 100, 129};
        for (int width : sides) {
            for (int height : sides) {
                byte[] pixels = new byte[width * height];
                random.nextBytes(pixels);
                assertSame(pixels, width, height);
            }
        }
    }

    @Test
    void flatAreasGradientsAndLowContrastBinarizeAsZxingDoes() throws Exception {
        int width = 203;
        int height = 157;
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value;
                if (x < 60) {
                    value = 200 + (y % 7); // flat light area
                } else if (x < 120) {
                    value = (x + y) % 256; // gradient
                } else if (x < 160) {
                    value = 100 + random.nextInt(20); // low contrast, under the 24-level range
                } else if (x < 176) {
                    value = 100 + 24 * random.nextInt(2); // a range of exactly 24 levels: flat
                } else if (x < 192) {
                    value = 100 + 25 * random.nextInt(2); // 25 levels: not flat
                } else {
                    value = y < 80 ? 10 + random.nextInt(10) : 240; // flat dark over flat light
                }
                pixels[y * width + x] = (byte) value;
            }
        }
        assertSame(pixels, width, height);
    }

    @Test
    void aNoisyCodeBinarizesAsZxingDoesAndStillReads() throws Exception {
        BitMatrix code = new QRCodeWriter().encode("https://example.test/pay?id=42", BarcodeFormat.QR_CODE, 0, 0);
        int scale = 5;
        int width = code.getWidth() * scale + 37;
        int height = code.getHeight() * scale + 21;
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cx = (x - 20) / scale;
                int cy = (y - 10) / scale;
                boolean dark = x >= 20 && y >= 10 && cx < code.getWidth() && cy < code.getHeight() && code.get(cx, cy);
                int shade = dark ? 40 : 215;
                pixels[y * width + x] = (byte) Math.max(0, Math.min(255, shade + random.nextInt(41) - 20 + x / 8));
            }
        }
        assertSame(pixels, width, height);
        LuminanceSource source = new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
        assertThat(new com.google.zxing.qrcode.QRCodeReader()
            .decode(new com.google.zxing.BinaryBitmap(new BlockBinarizer(source))).getText())
            .isEqualTo("https://example.test/pay?id=42");
    }

    private static void assertSame(byte[] pixels, int width, int height) throws Exception {
        LuminanceSource source = new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
        BitMatrix expected = new HybridBinarizer(source).getBlackMatrix();
        BitMatrix actual = new BlockBinarizer(source).getBlackMatrix();
        assertThat(actual).as("%dx%d", width, height).isEqualTo(expected);
    }
}
