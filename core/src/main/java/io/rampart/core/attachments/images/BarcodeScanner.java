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
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/**
 * Finds the barcodes in one image with ZXing, trying harder only while nothing is found: QR codes
 * (several per image, any in-plane rotation) with the hybrid binarizer, then the inverted image
 * (light code on a dark background), then the other common 2-D formats (Data Matrix, Aztec),
 * then overlapping tiles at full resolution (a small code in a large banner), then a global
 * threshold. Stops between passes when {@code expired} says so. Stateless and thread-safe.
 */
public final class BarcodeScanner {
    /** Images whose longer side is above this are also scanned as tiles when the whole finds nothing. */
    static final int TILE_THRESHOLD = 1600;
    /** Images are scanned at most at this longer side (downscaled above it). */
    static final int MAX_SIDE = 2400;

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
    /** PDF417 is left out: rare in mail and, trying hard, the slowest detector by far. */
    private static final Map<DecodeHintType, Object> OTHER_2D_HINTS = hints(
        EnumSet.of(BarcodeFormat.DATA_MATRIX, BarcodeFormat.AZTEC), false);

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
        Map<String, Code> found = new LinkedHashMap<>();
        BufferedImage image = boundSize(original);
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        qr(new BinaryBitmap(new HybridBinarizer(source)), found);
        if (!found.isEmpty() || expired.getAsBoolean()) {
            return ImmutableList.copyOf(found.values());
        }
        LuminanceSource inverted = source.invert();
        qr(new BinaryBitmap(new HybridBinarizer(inverted)), found);
        if (!found.isEmpty() || expired.getAsBoolean()) {
            return ImmutableList.copyOf(found.values());
        }
        other2d(new BinaryBitmap(new HybridBinarizer(source)), found);
        if (!found.isEmpty() || expired.getAsBoolean()) {
            return ImmutableList.copyOf(found.values());
        }
        if (Math.max(image.getWidth(), image.getHeight()) > TILE_THRESHOLD) {
            for (BufferedImage tile : tiles(image)) {
                if (expired.getAsBoolean()) {
                    break;
                }
                qr(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(tile))), found);
            }
            if (!found.isEmpty() || expired.getAsBoolean()) {
                return ImmutableList.copyOf(found.values());
            }
        }
        qr(new BinaryBitmap(new GlobalHistogramBinarizer(source)), found);
        return ImmutableList.copyOf(found.values());
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

    /** Overlapping windows of half the image's size in each direction (3 x 3 for a large image). */
    static List<BufferedImage> tiles(BufferedImage image) {
        List<BufferedImage> tiles = new ArrayList<>();
        int width = image.getWidth();
        int height = image.getHeight();
        int tileWidth = width > TILE_THRESHOLD ? width / 2 : width;
        int tileHeight = height > TILE_THRESHOLD ? height / 2 : height;
        int stepX = Math.max(1, tileWidth / 2);
        int stepY = Math.max(1, tileHeight / 2);
        for (int y = 0; y + tileHeight <= height; y += stepY) {
            for (int x = 0; x + tileWidth <= width; x += stepX) {
                tiles.add(image.getSubimage(x, y, tileWidth, tileHeight));
            }
        }
        return tiles;
    }

    private static BufferedImage boundSize(BufferedImage image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= MAX_SIDE) {
            return image;
        }
        double scale = (double) MAX_SIDE / longer;
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
