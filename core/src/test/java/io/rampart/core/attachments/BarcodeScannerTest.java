package io.rampart.core.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rampart.core.attachments.images.BarcodeScanner;
import io.rampart.core.attachments.images.ImageDecoder;

class BarcodeScannerTest {
    private final BarcodeScanner scanner = new BarcodeScanner();

    private List<String> texts(BufferedImage image) {
        ImageDecoder.Decoded decoded = ImageDecoder.decode(Fixtures.png(image), 40_000_000L);
        return scanner.scan(decoded.frames().get(0), () -> false).stream().map(BarcodeScanner.Code::text)
            .collect(Collectors.toList());
    }

    @Test
    void scanShouldReadABoletoBarcodeAndCallItAPayment() throws Exception {
        String boleto = "23793381286000782713695000063305975520000370000";
        String barcode = boleto.substring(0, 44);
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.oned.ITFWriter()
            .encode(barcode, com.google.zxing.BarcodeFormat.ITF, 900, 120);
        BufferedImage image = com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(matrix);

        List<BarcodeScanner.Code> codes = scanner.scan(image, () -> false);

        assertThat(codes).extracting(BarcodeScanner.Code::text).containsExactly(barcode);
        assertThat(codes.get(0).format()).isEqualTo(com.google.zxing.BarcodeFormat.ITF);
        assertThat(io.rampart.core.attachments.images.CodePayload.classify(barcode).kind())
            .isEqualTo(io.rampart.core.attachments.images.CodePayload.Kind.PAYMENT);
    }

    @Test
    void scanShouldReadAPlainCode() {
        assertThat(texts(Fixtures.qr(Fixtures.PHISH_URL, 6))).containsExactly(Fixtures.PHISH_URL);
    }

    @Test
    void scanShouldReadAnInvertedCode() {
        assertThat(texts(Fixtures.inverted(Fixtures.qr(Fixtures.PHISH_URL, 6)))).containsExactly(Fixtures.PHISH_URL);
    }

    @Test
    void scanShouldReadTwoCodesInOneImage() {
        BufferedImage image = Fixtures.sideBySide(Fixtures.qr(Fixtures.PHISH_URL, 5), Fixtures.qr(Fixtures.SECOND_URL, 5));
        assertThat(texts(image)).containsExactlyInAnyOrder(Fixtures.PHISH_URL, Fixtures.SECOND_URL);
    }

    @Test
    void scanShouldReadARotatedCode() {
        assertThat(texts(Fixtures.rotated(Fixtures.qr(Fixtures.PHISH_URL, 6), 30))).containsExactly(Fixtures.PHISH_URL);
    }

    @Test
    void scanShouldReadACodeRotatedByFortyFiveDegrees() {
        assertThat(texts(Fixtures.rotated(Fixtures.qr(Fixtures.PHISH_URL, 6), 45))).containsExactly(Fixtures.PHISH_URL);
    }

    @Test
    void scanShouldReadASmallCodeInALargeBanner() {
        BufferedImage banner = Fixtures.banner(Fixtures.qr(Fixtures.PHISH_URL, 3), 2400, 900, 7);
        assertThat(texts(banner)).containsExactly(Fixtures.PHISH_URL);
    }

    @Test
    void scanShouldFindNothingInANoisyPicture() {
        assertThat(texts(Fixtures.noise(1200, 800, 3))).isEmpty();
    }
}
