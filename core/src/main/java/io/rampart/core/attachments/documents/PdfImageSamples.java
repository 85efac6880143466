package io.rampart.core.attachments.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import com.google.common.collect.ImmutableSet;
import com.google.common.io.ByteStreams;

import io.rampart.core.attachments.images.BarcodeScanner;

/**
 * The luminance of a losslessly compressed image placed in a PDF, read straight from its samples.
 * PDFBox's {@code getImage} converts every pixel to an RGB {@code BufferedImage} (through Java2D for
 * indexed images: 15 to 25 ms for a 472x472 4-bit palette image, a fifth of the time Rampart spent on
 * the PDFs that cost the most), and the code scanner then turns that back into gray. No library reads a
 * PDF image's samples as gray, so this does, for the plain cases that make up most placed images:
 * DeviceGray (1, 2, 4 or 8 bits), DeviceRGB (8 bits) and Indexed over either (1 to 8 bits), behind
 * lossless filters only, with no mask, soft mask or decode array. Everything else, and any stream that
 * is shorter than its size says, is left to PDFBox (empty result).
 */
final class PdfImageSamples {
    private static final Set<COSName> LOSSLESS_FILTERS = ImmutableSet.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
        COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION,
        COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
        COSName.RUN_LENGTH_DECODE_ABBREVIATION);

    private PdfImageSamples() {
    }

    /** The image as gray, every {@code subsampling}-th sample of every {@code subsampling}-th row. */
    static Optional<BufferedImage> luminance(PDImageXObject image, int subsampling) {
        try {
            if (!plain(image)) {
                return Optional.empty();
            }
            PDColorSpace space = image.getColorSpace();
            int bits = image.getBitsPerComponent();
            int[] palette;
            int components;
            if (space instanceof PDDeviceGray && (bits == 1 || bits == 2 || bits == 4 || bits == 8)) {
                palette = grayRamp(bits);
                components = 1;
            } else if (space instanceof PDDeviceRGB && bits == 8) {
                palette = null;
                components = 3;
            } else if (space instanceof PDIndexed && (bits == 1 || bits == 2 || bits == 4 || bits == 8)
                && (((PDIndexed) space).getBaseColorSpace() instanceof PDDeviceRGB
                    || ((PDIndexed) space).getBaseColorSpace() instanceof PDDeviceGray)) {
                palette = palette((PDIndexed) space, bits);
                components = 1;
            } else {
                return Optional.empty();
            }
            int width = image.getWidth();
            int height = image.getHeight();
            long rowBytes = ((long) width * components * bits + 7) / 8;
            long expected = rowBytes * height;
            if (width <= 0 || height <= 0 || expected > Integer.MAX_VALUE - 1) {
                return Optional.empty();
            }
            byte[] samples;
            try (InputStream in = image.createInputStream()) {
                samples = ByteStreams.toByteArray(ByteStreams.limit(in, expected));
            }
            if (samples.length < expected) {
                return Optional.empty(); // PDFBox pads a short stream its own way: let it
            }
            return Optional.of(gray(samples, width, height, (int) rowBytes, bits, components, palette, subsampling));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the image's samples are its picture: no stencil, decode array, mask or soft mask changing
     * them on the page. Both fast paths (this one and the plain JPEG's) read only such images.
     */
    static boolean drawnAsStored(PDImageXObject image) {
        return !image.isStencil() && image.getCOSObject().getDictionaryObject(COSName.DECODE, COSName.D) == null
            && image.getCOSObject().getDictionaryObject(COSName.SMASK) == null
            && image.getCOSObject().getDictionaryObject(COSName.MASK) == null;
    }

    private static boolean plain(PDImageXObject image) throws IOException {
        if (!drawnAsStored(image)) {
            return false;
        }
        List<COSName> filters = image.getStream().getFilters();
        for (COSName filter : filters) {
            if (!LOSSLESS_FILTERS.contains(filter)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage gray(byte[] samples, int width, int height, int rowBytes, int bits, int components,
                                      int[] palette, int subsampling) {
        int outWidth = (width + subsampling - 1) / subsampling;
        int outHeight = (height + subsampling - 1) / subsampling;
        BufferedImage gray = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int mask = (1 << bits) - 1;
        for (int y = 0, o = 0; y < outHeight; y++) {
            int row = y * subsampling * rowBytes;
            for (int x = 0; x < outWidth; x++, o++) {
                int column = x * subsampling;
                int value;
                if (components == 3) {
                    int p = row + 3 * column;
                    value = BarcodeScanner.gray(samples[p] & 0xFF, samples[p + 1] & 0xFF, samples[p + 2] & 0xFF);
                } else if (bits == 8) {
                    value = palette[samples[row + column] & 0xFF];
                } else {
                    int bit = column * bits;
                    int shift = 8 - bits - (bit & 7);
                    value = palette[(samples[row + (bit >> 3)] >> shift) & mask];
                }
                out[o] = (byte) value;
            }
        }
        return gray;
    }

    private static int[] grayRamp(int bits) {
        int levels = 1 << bits;
        int[] ramp = new int[levels];
        for (int i = 0; i < levels; i++) {
            ramp[i] = i * 255 / (levels - 1);
        }
        return ramp;
    }

    /** The gray of every index a sample of {@code bits} can hold (indices past the table's end clamp, as PDFBox's do). */
    private static int[] palette(PDIndexed space, int bits) {
        int[] palette = new int[1 << bits];
        for (int i = 0; i < palette.length; i++) {
            float[] rgb = space.toRGB(new float[] {i});
            palette[i] = BarcodeScanner.gray(Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255));
        }
        return palette;
    }
}
