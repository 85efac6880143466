package io.rampart.core.attachments.images;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;

/**
 * The black matrix ZXing's {@link com.google.zxing.common.HybridBinarizer} computes, bit for bit
 * ({@code BlockBinarizerTest} compares the two), computed a 32-pixel word at a time. Binarizing was the
 * largest single cost of reading codes (a sixth of the CPU time of the slowest messages), and ZXing's
 * class sets each black pixel with its own {@code BitMatrix.set} call, which cost more than the
 * thresholding itself; it is final and its steps private, so the method is written out here.
 *
 * <p>The method: the image is cut into blocks of 8x8 pixels (the last row and column of blocks are moved
 * back to end at the image's edge, so they overlap their neighbours). A block's black point is its mean
 * when its pixels span more than 24 levels; otherwise it is flat, and its black point is half its darkest
 * pixel, or the mean of its upper, left (twice) and upper-left neighbours' black points when its darkest
 * pixel is below that. A block's threshold is the mean of the black points of the 5x5 blocks around it
 * (moved inside the grid at the borders), and a pixel is black when it is at or below the threshold of a
 * block that covers it. Pixels covered by two blocks (where the last row or column of blocks overlaps)
 * need no care: the last two rows (columns) of blocks have the same 5x5 neighbourhood, so the same
 * threshold. Images under 40 pixels on a side are binarized with one global threshold,
 * as ZXing does. Rows for 1-D readers come from the global histogram, as ZXing's do.
 */
public final class BlockBinarizer extends GlobalHistogramBinarizer {
    private static final int BLOCK = 8;
    private static final int MIN_SIDE = 5 * BLOCK;
    private static final int FLAT_RANGE = 24;

    private BitMatrix matrix;

    public BlockBinarizer(LuminanceSource source) {
        super(source);
    }

    /** Over a black matrix already computed for these pixels (a window of a whole image's matrix). */
    BlockBinarizer(LuminanceSource source, BitMatrix matrix) {
        super(source);
        this.matrix = matrix;
    }

    @Override
    public BitMatrix getBlackMatrix() throws NotFoundException {
        if (matrix == null) {
            LuminanceSource source = getLuminanceSource();
            matrix = source.getWidth() >= MIN_SIDE && source.getHeight() >= MIN_SIDE
                ? binarize(source.getMatrix(), source.getWidth(), source.getHeight())
                : super.getBlackMatrix();
        }
        return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
        return new BlockBinarizer(source);
    }

    static BitMatrix binarize(byte[] pixels, int width, int height) {
        int columns = (width + BLOCK - 1) / BLOCK;
        int rows = (height + BLOCK - 1) / BLOCK;
        int[][] thresholds = thresholds(blackPoints(pixels, width, height, columns, rows), columns, rows);
        BitMatrix matrix = new BitMatrix(width, height);
        BitArray row = new BitArray(width);
        int[] words = row.getBitArray();
        int[] pixelThreshold = new int[width];
        for (int y = 0; y < height; y++) {
            int blockRow = Math.min(y / BLOCK, rows - 1);
            if (y % BLOCK == 0) {
                for (int x = 0; x < width; x++) {
                    pixelThreshold[x] = thresholds[blockRow][Math.min(x / BLOCK, columns - 1)];
                }
            }
            int offset = y * width;
            for (int word = 0, x = 0; word < words.length; word++) {
                int bits = 0;
                int end = Math.min(x + 32, width);
                for (int bit = 0; x < end; x++, bit++) {
                    if ((pixels[offset + x] & 0xFF) <= pixelThreshold[x]) {
                        bits |= 1 << bit;
                    }
                }
                words[word] = bits;
            }
            matrix.setRow(y, row);
        }
        return matrix;
    }

    private static int[][] blackPoints(byte[] pixels, int width, int height, int columns, int rows) {
        int[][] points = new int[rows][columns];
        for (int blockRow = 0; blockRow < rows; blockRow++) {
            int top = Math.min(blockRow * BLOCK, height - BLOCK);
            for (int column = 0; column < columns; column++) {
                int left = Math.min(column * BLOCK, width - BLOCK);
                int sum = 0;
                int min = 255;
                int max = 0;
                for (int y = 0, offset = top * width + left; y < BLOCK; y++, offset += width) {
                    for (int x = 0; x < BLOCK; x++) {
                        int pixel = pixels[offset + x] & 0xFF;
                        sum += pixel;
                        min = Math.min(min, pixel);
                        max = Math.max(max, pixel);
                    }
                }
                int point;
                if (max - min > FLAT_RANGE) {
                    point = sum / (BLOCK * BLOCK);
                } else {
                    point = min / 2;
                    if (blockRow > 0 && column > 0) {
                        int neighbours = (points[blockRow - 1][column] + 2 * points[blockRow][column - 1]
                            + points[blockRow - 1][column - 1]) / 4;
                        if (min < neighbours) {
                            point = neighbours;
                        }
                    }
                }
                points[blockRow][column] = point;
            }
        }
        return points;
    }

    private static int[][] thresholds(int[][] points, int columns, int rows) {
        int[][] thresholds = new int[rows][columns];
        for (int blockRow = 0; blockRow < rows; blockRow++) {
            int centreRow = Math.max(2, Math.min(blockRow, rows - 3));
            for (int column = 0; column < columns; column++) {
                int centreColumn = Math.max(2, Math.min(column, columns - 3));
                int sum = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    int[] line = points[centreRow + dy];
                    for (int dx = -2; dx <= 2; dx++) {
                        sum += line[centreColumn + dx];
                    }
                }
                thresholds[blockRow][column] = sum / 25;
            }
        }
        return thresholds;
    }
}
