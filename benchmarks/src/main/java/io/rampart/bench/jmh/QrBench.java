package io.rampart.bench.jmh;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import io.rampart.bench.Messages;

/** QR decoding of a self-built 300x300 PNG with ZXing (the library core bundles): PNG decode + QR decode. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QrBench {
    private byte[] png;
    private byte[] noQrPng;
    private final MultiFormatReader reader = new MultiFormatReader();

    @Setup
    public void setUp() throws IOException {
        png = Messages.qrPng("https://mylinx.example/ndp5i", 300);
        BufferedImage blank = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        noQrPng = out.toByteArray();
        reader.setHints(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE)));
        if (!"https://mylinx.example/ndp5i".equals(decode(png))) {
            throw new IllegalStateException("self-built QR code did not decode");
        }
    }

    private String decode(byte[] image) throws IOException {
        BufferedImage buffered = ImageIO.read(new ByteArrayInputStream(image));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(buffered)));
        try {
            Result result = reader.decodeWithState(bitmap);
            return result.getText();
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Benchmark
    public String decodeQrPng() throws IOException {
        return decode(png);
    }

    /** The cost paid for every image without a code (try-harder search that finds nothing). */
    @Benchmark
    public String decodeImageWithoutQr() throws IOException {
        return decode(noQrPng);
    }
}
