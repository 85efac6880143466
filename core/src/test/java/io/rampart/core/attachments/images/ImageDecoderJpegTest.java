package io.rampart.core.attachments.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageDecoderJpegTest {
    private static byte[] jpeg(int type) throws IOException {
        BufferedImage image = new BufferedImage(200, 100, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 200, 100);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(0, 0, 100, 100);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void readsGrayAndColourJpegsAsLuminanceSubsampled() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR}) {
            Optional<BufferedImage> luminance = ImageDecoder.jpegLuminance(jpeg(type), 2);

            assertThat(luminance).isPresent();
            BufferedImage gray = luminance.get();
            assertThat(gray.getWidth()).isEqualTo(100);
            assertThat(gray.getHeight()).isEqualTo(50);
            assertThat(gray.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(gray.getRaster().getSample(20, 25, 0)).isLessThan(30);
            assertThat(gray.getRaster().getSample(80, 25, 0)).isGreaterThan(225);
        }
    }

    @Test
    void saysNothingAboutBytesThatAreNotAJpeg() {
        assertThat(ImageDecoder.jpegLuminance(new byte[] {1, 2, 3, 4}, 1)).isEmpty();
        assertThat(ImageDecoder.jpegLuminance(new byte[0], 1)).isEmpty();
    }
}
