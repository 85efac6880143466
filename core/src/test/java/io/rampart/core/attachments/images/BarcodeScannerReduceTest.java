package io.rampart.core.attachments.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;

class BarcodeScannerReduceTest {
    @Test
    void eachReducedPixelIsTheMeanOfItsSquare() {
        Random random = new Random(5);
        for (int n = 0; n < 300; n++) {
            int width = 1 + random.nextInt(700);
            int height = 1 + random.nextInt(700);
            int maxSide = 40 + random.nextInt(400);
            byte[] pixels = new byte[width * height];
            random.nextBytes(pixels);
            LuminanceSource source = new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);

            LuminanceSource reduced = BarcodeScanner.reduce(source, maxSide);

            int longer = Math.max(width, height);
            int factor = (longer + maxSide - 1) / maxSide;
            if (longer <= maxSide || width < factor || height < factor) {
                assertThat(reduced).isSameAs(source);
                continue;
            }
            assertThat(reduced.getWidth()).isEqualTo(width / factor);
            assertThat(reduced.getHeight()).isEqualTo(height / factor);
            byte[] out = reduced.getMatrix();
            for (int y = 0; y < reduced.getHeight(); y++) {
                for (int x = 0; x < reduced.getWidth(); x++) {
                    int sum = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        for (int dx = 0; dx < factor; dx++) {
                            sum += pixels[(y * factor + dy) * width + x * factor + dx] & 0xFF;
                        }
                    }
                    assertThat(out[y * reduced.getWidth() + x] & 0xFF).as("%dx%d by %d at %d,%d", width, height, factor, x, y)
                        .isEqualTo(sum / (factor * factor));
                }
            }
        }
    }
}
