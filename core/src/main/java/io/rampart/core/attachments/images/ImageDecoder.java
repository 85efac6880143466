package io.rampart.core.attachments.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes images safely: the dimensions are read from the header first and an image over the pixel
 * cap is refused before any pixel buffer is allocated (a 50,000 x 50,000 PNG header costs nothing).
 * Large images within the cap are decoded with subsampling down to a working resolution, and for
 * animated images the first few frames are decoded.
 */
public final class ImageDecoder {
    /** Images are decoded at no more than this many pixels (subsampled above it). */
    public static final long WORKING_PIXELS = 6_000_000L;
    public static final int MAX_FRAMES = 4;

    /** The outcome: frames, or why there are none. */
    public static final class Decoded {
        private final List<BufferedImage> frames;
        private final int width;
        private final int height;
        private final Optional<String> refusal;
        private final String format;

        private Decoded(List<BufferedImage> frames, int width, int height, Optional<String> refusal, String format) {
            this.frames = frames;
            this.width = width;
            this.height = height;
            this.refusal = refusal;
            this.format = format;
        }

        public List<BufferedImage> frames() {
            return frames;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** Why the image was not decoded (over the pixel cap, unknown format, broken data). */
        public Optional<String> refusal() {
            return refusal;
        }

        public boolean overPixelCap() {
            return refusal.map(r -> r.startsWith("over")).orElse(false);
        }

        public String format() {
            return format;
        }
    }

    private ImageDecoder() {
    }

    /** True when ImageIO has a reader for these bytes (PNG, JPEG, GIF, BMP, WBMP, TIFF on Java 11). */
    public static boolean isDecodableImage(byte[] bytes) {
        try (ImageInputStream in = stream(bytes)) {
            return ImageIO.getImageReaders(in).hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Decoded decode(byte[] bytes, long maxPixels) {
        try (ImageInputStream in = stream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return refused("unknown image format", 0, 0, "");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                String format = reader.getFormatName();
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (width <= 0 || height <= 0) {
                    return refused("broken image header", width, height, format);
                }
                if (pixels > maxPixels) {
                    return refused("over the pixel cap (" + width + "x" + height + " > " + maxPixels + " pixels)",
                        width, height, format);
                }
                int subsampling = 1;
                while (pixels / ((long) subsampling * subsampling) > WORKING_PIXELS) {
                    subsampling++;
                }
                List<BufferedImage> frames = new ArrayList<>();
                // Only GIF animates in mail; asking other readers for a second image makes them parse the whole stream.
                int maxFrames = "gif".equalsIgnoreCase(format) ? MAX_FRAMES : 1;
                boolean jpeg = "jpeg".equalsIgnoreCase(format) || "jpg".equalsIgnoreCase(format);
                for (int index = 0; index < maxFrames; index++) {
                    try {
                        if (index > 0) {
                            long framePixels = (long) reader.getWidth(index) * reader.getHeight(index);
                            if (framePixels > maxPixels) {
                                break;
                            }
                        }
                        ImageReadParam param = reader.getDefaultReadParam();
                        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                        frames.add(jpeg ? jpeg(reader, index, param) : reader.read(index, param));
                    } catch (IndexOutOfBoundsException e) {
                        break;
                    } catch (IOException | RuntimeException e) {
                        if (index == 0) {
                            return refused("broken image data (" + e.getClass().getSimpleName() + ")", width,
                                height, format);
                        }
                        break;
                    }
                }
                return new Decoded(frames, width, height, Optional.empty(), format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return refused("broken image (" + e.getClass().getSimpleName() + ")", 0, 0, "");
        }
    }

    /**
     * A baseline JPEG stream (a PDF's DCTDecode image) as its luminance, read {@code subsampling} times
     * smaller on each side; empty when ImageIO cannot read it or it has four bands (CMYK), so the caller
     * falls back to its own decoder.
     */
    public static Optional<BufferedImage> jpegLuminance(byte[] bytes, int subsampling) {
        try (ImageInputStream in = stream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                java.awt.image.Raster raster = reader.readRaster(0, param);
                if (raster.getNumBands() != 1 && raster.getNumBands() != 3) {
                    return Optional.empty();
                }
                return Optional.of(luminance(raster));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A JPEG as its luminance only: the raw raster of a one- or three-band JPEG holds Y (or Y, Cb, Cr),
     * which is exactly what code reading and OCR look at, and reading it skips the colour conversion
     * (ICC profiles through LittleCMS) that took more time than decoding. The rare three-band JPEG stored
     * as RGB gives its red channel, still a readable picture of a code or of text. Four-band (CMYK/YCCK)
     * images are converted as usual.
     */
    private static BufferedImage jpeg(ImageReader reader, int index, ImageReadParam param) throws IOException {
        java.awt.image.Raster raster = reader.readRaster(index, param);
        int bands = raster.getNumBands();
        if (bands != 1 && bands != 3) {
            return reader.read(index, param);
        }
        return luminance(raster);
    }

    /** The first band of a JPEG's raw raster (Y, or gray) as a gray image. */
    private static BufferedImage luminance(java.awt.image.Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.image.WritableRaster out = gray.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            out.setSamples(0, y, width, 1, 0, row);
        }
        return gray;
    }

    /** In memory: {@code ImageIO.createImageInputStream} would cache the bytes in a temporary file. */
    private static ImageInputStream stream(byte[] bytes) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    private static Decoded refused(String why, int width, int height, String format) {
        return new Decoded(List.of(), width, height, Optional.of(why), format);
    }
}
