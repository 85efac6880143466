package io.rampart.core.attachments.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;

class BarcodeScannerCropTest {
    @Test
    void aWindowHoldsExactlyTheBitsUnderIt() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            int width = 1 + random.nextInt(200);
            int height = 1 + random.nextInt(40);
            BitMatrix matrix = new BitMatrix(width, height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (random.nextInt(3) == 0) {
                        matrix.set(x, y);
                    }
                }
            }
            int left = random.nextInt(width);
            int top = random.nextInt(height);
            int windowWidth = 1 + random.nextInt(width - left);
            int windowHeight = 1 + random.nextInt(height - top);

            BitMatrix window = BarcodeScanner.crop(matrix, left, top, windowWidth, windowHeight);

            assertThat(window.getWidth()).isEqualTo(windowWidth);
            assertThat(window.getHeight()).isEqualTo(windowHeight);
            for (int y = 0; y < windowHeight; y++) {
                int[] words = window.getRow(y, null).getBitArray();
                for (int x = 0; x < windowWidth; x++) {
                    assertThat(window.get(x, y)).as("bit %d,%d of a %dx%d window at %d,%d", x, y, windowWidth,
                        windowHeight, left, top).isEqualTo(matrix.get(left + x, top + y));
                }
                // Nothing set past the window's right edge (readers scan whole words).
                int tail = windowWidth & 31;
                if (tail != 0) {
                    assertThat(words[words.length - 1] >>> tail).isZero();
                }
            }
        }
    }

    @Test
    void tilesCoverTheImageWithOverlappingHalves() {
        // 2400 x 900: only the width is over the threshold, so three windows of half the width, full height.
        assertThat(BarcodeScanner.tiles(2400, 900)).containsExactly(
            new int[] {0, 0, 1200, 900}, new int[] {600, 0, 1200, 900}, new int[] {1200, 0, 1200, 900});
        assertThat(BarcodeScanner.tiles(2000, 2000)).hasSize(9);
    }
}
