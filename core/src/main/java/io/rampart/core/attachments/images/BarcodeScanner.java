package io.rampart.core.attachments.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.google.common.collect.ImmutableList;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/**
 * Finds the barcodes in one image with ZXing, trying harder only while nothing is found: QR codes
 * (several per image, any in-plane rotation) at full resolution with ZXing's hybrid (local-block)
 * binarization, computed by {@link BlockBinarizer}; then, on
 * a copy reduced to {@value #REDUCED_SIDE} pixels, the inverted image (light code on a dark
 * background), the other common 2-D formats (Data Matrix, Aztec) and a global threshold; then
 * overlapping tiles at full resolution (a small code in a large banner). Stops between passes when
 * {@code expired} says so. Stateless and thread-safe.
 */
public final class BarcodeScanner {
    /** Images whose longer side is above this are also scanned as tiles when the whole finds nothing. */
    static final int TILE_THRESHOLD = 1600;
    /** Images are scanned at most at this longer side (downscaled above it). */
    static final int MAX_SIDE = 2400;
    /** The longer side of the reduced copy the harder passes work on. */
    static final int REDUCED_SIDE = 1000;

    /** One decoded barcode. */
    public static final class Code {
        private final BarcodeFormat format;
        private final String text;

        Code(BarcodeFormat format, String text) {
            this.format = format;
            this.text = text;
        }

        public BarcodeFormat format() {
            return format;
        }

        public String text() {
            return text;
        }

        /** "QR code", "Data Matrix code"... for findings. */
        public String kind() {
            switch (format) {
                case QR_CODE:
                    return "QR code";
                case DATA_MATRIX:
                    return "Data Matrix code";
                case AZTEC:
                    return "Aztec code";
                case PDF_417:
                    return "PDF417 code";
                default:
                    return format.name() + " barcode";
            }
        }

        @Override
        public String toString() {
            return kind() + ": " + text;
        }
    }

    private static final Map<DecodeHintType, Object> QR_HINTS = hints(EnumSet.of(BarcodeFormat.QR_CODE));
    /**
     * The other 2-D codes and the 1-D ones mail carries (bank slips such as the Brazilian boleto are
     * Interleaved 2 of 5; invoices carry Code 128/39 and EAN/UPC). PDF417 is left out: rare in mail
     * and, trying hard, the slowest detector by far.
     */
    private static final Map<DecodeHintType, Object> OTHER_2D_HINTS = hints(
        EnumSet.of(BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC, BarcodeFormat.ITF, BarcodeFormat.CODE_128,
            BarcodeFormat.CODE_39, BarcodeFormat.CODE_93, BarcodeFormat.CODABAR, BarcodeFormat.EAN_13,
            BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E), false);

    private static Map<DecodeHintType, Object> hints(EnumSet<BarcodeFormat> formats) {
        return hints(formats, true);
    }

    private static Map<DecodeHintType, Object> hints(EnumSet<BarcodeFormat> formats, boolean tryHarder) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        hints.put(DecodeHintType.POSSIBLE_FORMATS, formats);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        return hints;
    }

    public List<Code> scan(BufferedImage original, BooleanSupplier expired) {
        return scan(original, expired, true);
    }

    /**
     * @param thorough false for a quick look (QR codes, plain and inverted) when the same pixels will be
     *                 scanned thoroughly anyway, as images placed on a PDF page that is then rendered
     */
    public List<Code> scan(BufferedImage original, BooleanSupplier expired, boolean thorough) {
        Map<String, Code> found = new LinkedHashMap<>();
        BufferedImage image = bound(original, MAX_SIDE);
        PlanarYUVLuminanceSource source = luminance(image);
        // Binarizing costs most of a pass (four fifths on a page with no code): the full-resolution black
        // matrix is computed once and reused by the later passes that read the same pixels.
        BinaryBitmap full = new BinaryBitmap(new BlockBinarizer(source));
        qr(full, found);
        if (!found.isEmpty() || expired.getAsBoolean()) {
            return ImmutableList.copyOf(found.values());
        }
        // The harder passes look for codes drawn large (inverted, other formats, low contrast): a reduced
        // copy keeps them cheap on photos and screenshots that carry no code at all.
        LuminanceSource reducedSource = reduce(source, REDUCED_SIDE);
        qr(new BinaryBitmap(new BlockBinarizer(reducedSource.invert())), found);
        if (!found.isEmpty() || expired.getAsBoolean() || !thorough) {
            return ImmutableList.copyOf(found.values());
        }
        BitMatrix fullMatrix = blackMatrix(full);
        other2d(new BinaryBitmap(reducedSource == source && fullMatrix != null
            ? new BlockBinarizer(source, fullMatrix) : new BlockBinarizer(reducedSource)), found);
        if (!found.isEmpty() || expired.getAsBoolean()) {
            return ImmutableList.copyOf(found.values());
        }
        qr(new BinaryBitmap(new GlobalHistogramBinarizer(reducedSource)), found);
        if (!found.isEmpty() || expired.getAsBoolean()) {
            return ImmutableList.copyOf(found.values());
        }
        if (Math.max(image.getWidth(), image.getHeight()) > TILE_THRESHOLD) {
            for (int[] tile : tiles(source.getWidth(), source.getHeight())) {
                if (expired.getAsBoolean()) {
                    break;
                }
                LuminanceSource window = source.crop(tile[0], tile[1], tile[2], tile[3]);
                // A window of the full-resolution black matrix, not a fresh binarization of the window: the
                // binarizer is local (blocks of 8 pixels and their neighbours), so only the window's edges
                // could differ, and there the full matrix saw more of the page.
                qr(new BinaryBitmap(fullMatrix != null
                    ? new BlockBinarizer(window, crop(fullMatrix, tile[0], tile[1], tile[2], tile[3]))
                    : new BlockBinarizer(window)), found);
            }
        }
        return ImmutableList.copyOf(found.values());
    }

    private static BitMatrix blackMatrix(BinaryBitmap bitmap) {
        try {
            return bitmap.getBlackMatrix();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The window of {@code matrix} at (left, top), a word at a time. */
    static BitMatrix crop(BitMatrix matrix, int left, int top, int width, int height) {
        BitMatrix window = new BitMatrix(width, height);
        BitArray sourceRow = new BitArray(matrix.getWidth());
        BitArray row = new BitArray(width);
        int[] out = row.getBitArray();
        for (int y = 0; y < height; y++) {
            int[] in = matrix.getRow(top + y, sourceRow).getBitArray();
            for (int word = 0; word < out.length; word++) {
                int bit = left + word * 32;
                int index = bit >>> 5;
                int shift = bit & 31;
                int value = in[index] >>> shift;
                if (shift != 0 && index + 1 < in.length) {
                    value |= in[index + 1] << (32 - shift);
                }
                out[word] = value;
            }
            int tail = width & 31;
            if (tail != 0) {
                out[out.length - 1] &= (1 << tail) - 1;
            }
            window.setRow(y, row);
        }
        return window;
    }

    private static void qr(BinaryBitmap bitmap, Map<String, Code> found) {
        try {
            for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap, QR_HINTS)) {
                add(result, found);
            }
        } catch (ReaderException | RuntimeException e) {
            // Nothing readable in this pass.
        }
    }

    private static void other2d(BinaryBitmap bitmap, Map<String, Code> found) {
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(OTHER_2D_HINTS);
        try {
            add(reader.decodeWithState(bitmap), found);
        } catch (ReaderException | RuntimeException e) {
            // Nothing readable in this pass.
        }
    }

    private static void add(Result result, Map<String, Code> found) {
        if (result.getText() != null && !result.getText().isEmpty()) {
            found.putIfAbsent(result.getBarcodeFormat() + "\u0000" + result.getText(),
                new Code(result.getBarcodeFormat(), result.getText()));
        }
    }

    /** Overlapping windows ({left, top, width, height}) of half the image's size along each side over the threshold. */
    static List<int[]> tiles(int width, int height) {
        List<int[]> tiles = new ArrayList<>();
        int tileWidth = width > TILE_THRESHOLD ? width / 2 : width;
        int tileHeight = height > TILE_THRESHOLD ? height / 2 : height;
        int stepX = Math.max(1, tileWidth / 2);
        int stepY = Math.max(1, tileHeight / 2);
        for (int y = 0; y + tileHeight <= height; y += stepY) {
            for (int x = 0; x + tileWidth <= width; x += stepX) {
                tiles.add(new int[] {x, y, tileWidth, tileHeight});
            }
        }
        return tiles;
    }

    /**
     * Luminance straight from the raster for the usual image types (ZXing's own conversion goes pixel by
     * pixel through {@code getRGB}); transparent pixels count as white, as ZXing does.
     */
    static PlanarYUVLuminanceSource luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] luminance = new byte[width * height];
        java.awt.image.Raster raster = image.getRaster();
        java.awt.image.DataBuffer buffer = raster.getDataBuffer();
        boolean plain = raster.getParent() == null && raster.getSampleModelTranslateX() == 0
            && raster.getSampleModelTranslateY() == 0;
        if (plain && image.getType() == BufferedImage.TYPE_BYTE_GRAY && buffer instanceof java.awt.image.DataBufferByte
            && ((java.awt.image.DataBufferByte) buffer).getData().length == luminance.length) {
            System.arraycopy(((java.awt.image.DataBufferByte) buffer).getData(), 0, luminance, 0, luminance.length);
        } else if (plain && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] data = ((java.awt.image.DataBufferByte) buffer).getData();
            for (int i = 0, p = 0; i < luminance.length; i++, p += 3) {
                luminance[i] = (byte) gray(data[p + 2] & 0xFF, data[p + 1] & 0xFF, data[p] & 0xFF);
            }
        } else if (plain && image.getType() == BufferedImage.TYPE_4BYTE_ABGR) {
            byte[] data = ((java.awt.image.DataBufferByte) buffer).getData();
            for (int i = 0, p = 0; i < luminance.length; i++, p += 4) {
                int gray = gray(data[p + 3] & 0xFF, data[p + 2] & 0xFF, data[p + 1] & 0xFF);
                int a = data[p] & 0xFF;
                // Most pixels of a screenshot are opaque: no blending (and no division) for them.
                luminance[i] = (byte) (a == 255 ? gray : (gray * a + 255 * (255 - a)) / 255);
            }
        } else if (plain && image.getType() == BufferedImage.TYPE_BYTE_INDEXED
            && image.getColorModel() instanceof java.awt.image.IndexColorModel
            && ((java.awt.image.DataBufferByte) buffer).getData().length == luminance.length) {
            java.awt.image.IndexColorModel palette = (java.awt.image.IndexColorModel) image.getColorModel();
            byte[] grays = new byte[256];
            for (int index = 0; index < palette.getMapSize(); index++) {
                grays[index] = (byte) argbGray(palette.getRGB(index), palette.hasAlpha());
            }
            byte[] data = ((java.awt.image.DataBufferByte) buffer).getData();
            for (int i = 0; i < luminance.length; i++) {
                luminance[i] = grays[data[i] & 0xFF];
            }
        } else if (plain && (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)) {
            int[] data = ((java.awt.image.DataBufferInt) buffer).getData();
            boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
            for (int i = 0; i < luminance.length; i++) {
                luminance[i] = (byte) argbGray(data[i], alpha);
            }
        } else {
            int[] row = new int[width];
            boolean alpha = image.getColorModel().hasAlpha();
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    luminance[y * width + x] = (byte) argbGray(row[x], alpha);
                }
            }
        }
        return new PlanarYUVLuminanceSource(luminance, width, height, 0, 0, width, height, false);
    }

    private static int argbGray(int argb, boolean alpha) {
        int gray = gray((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
        if (!alpha) {
            return gray;
        }
        int a = (argb >>> 24) & 0xFF;
        return (gray * a + 255 * (255 - a)) / 255;
    }

    /** The gray of an RGB pixel, as codes are read (ZXing's weights: 0.299, 0.587, 0.114). */
    public static int gray(int r, int g, int b) {
        return (306 * r + 601 * g + 117 * b + 0x200) >> 10;
    }

    /**
     * A copy at most {@code maxSide} pixels along its longer side, each pixel the mean of a square of the
     * source's (a whole factor, so the result may be smaller): cheap on a luminance array, where scaling
     * the decoded image with Java2D cost more than reading the codes.
     */
    static LuminanceSource reduce(LuminanceSource source, int maxSide) {
        int width = source.getWidth();
        int height = source.getHeight();
        int longer = Math.max(width, height);
        if (longer <= maxSide) {
            return source;
        }
        int factor = (longer + maxSide - 1) / maxSide;
        int reducedWidth = width / factor;
        int reducedHeight = height / factor;
        if (reducedWidth == 0 || reducedHeight == 0) {
            return source; // a strip thinner than one square: nothing to average
        }
        byte[] pixels = source.getMatrix();
        byte[] reduced = new byte[reducedWidth * reducedHeight];
        int area = factor * factor;
        if (factor == 2) {
            // The common case (images of 1,001 to 2,000 pixels), written out: three times faster.
            for (int y = 0; y < reducedHeight; y++) {
                int top = 2 * y * width;
                int bottom = top + width;
                int out = y * reducedWidth;
                for (int x = 0; x < reducedWidth; x++) {
                    int left = 2 * x;
                    reduced[out + x] = (byte) (((pixels[top + left] & 0xFF) + (pixels[top + left + 1] & 0xFF)
                        + (pixels[bottom + left] & 0xFF) + (pixels[bottom + left + 1] & 0xFF)) >> 2);
                }
            }
            return new PlanarYUVLuminanceSource(reduced, reducedWidth, reducedHeight, 0, 0, reducedWidth,
                reducedHeight, false);
        }
        // Otherwise row by row, each source row summed into the output row's accumulators.
        int[] sums = new int[reducedWidth];
        for (int y = 0; y < reducedHeight; y++) {
            java.util.Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int p = (y * factor + dy) * width;
                for (int x = 0; x < reducedWidth; x++) {
                    int sum = 0;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += pixels[p++] & 0xFF;
                    }
                    sums[x] += sum;
                }
            }
            int out = y * reducedWidth;
            for (int x = 0; x < reducedWidth; x++) {
                reduced[out + x] = (byte) (sums[x] / area);
            }
        }
        return new PlanarYUVLuminanceSource(reduced, reducedWidth, reducedHeight, 0, 0, reducedWidth, reducedHeight,
            false);
    }

    private static BufferedImage bound(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longer;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return scaled;
    }
}
