package io.rampart.core.attachments;

import static io.rampart.core.attachments.Fixtures.details;
import static io.rampart.core.attachments.Fixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.rampart.core.attachments.images.LureWords;
import io.rampart.core.attachments.images.TesseractOcr;
import io.rampart.core.verdict.Verdict;

/** Messages that are a picture and a link: flagged without OCR; read with Tesseract when it is installed. */
class ImageLureTest {
    private static final String LINK = "https://portal-update.example-mail.top/keep";

    private static BufferedImage poster(String text) {
        BufferedImage image = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 300);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString(text, 30, 150);
        g.dispose();
        return image;
    }

    @Test
    void pictureWithALinkAndNoTextShouldBeALure() {
        String html = "<html><body><a href=\"" + LINK + "\"><img src=\"cid:poster@x\"></a></body></html>";
        byte[] message = Fixtures.Mime.related("Action required").html(html)
            .inline("image/png", "poster@x", Fixtures.png(poster("Your mailbox password expires"))).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "image.lure")).containsExactly(
            "message is mostly a picture (0 characters of text, 1 image(s)) with a link to " + LINK);
    }

    @Test
    void pictureLinkingToTheOwnDomainShouldNotBeALure() {
        String html = "<html><body><a href=\"https://intranet.corp.example/party\"><img src=\"cid:poster@x\"></a>"
            + "</body></html>";
        byte[] message = Fixtures.Mime.related("Summer party").html(html)
            .inline("image/png", "poster@x", Fixtures.png(poster("Summer party on Friday"))).build();

        Verdict verdict = scan(message);

        assertThat(verdict.rules()).doesNotContain("image.lure");
    }

    @Test
    void pictureInAWordyMessageShouldNotBeALure() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append("<p>Minutes of the weekly engineering meeting, item ").append(i)
                .append(": the build is green and the release is on track.</p>");
        }
        String html = "<html><body>" + text + "<a href=\"" + LINK + "\"><img src=\"cid:poster@x\"></a></body></html>";
        byte[] message = Fixtures.Mime.related("Minutes").html(html)
            .inline("image/png", "poster@x", Fixtures.png(poster("Team photo"))).build();

        Verdict verdict = scan(message);

        assertThat(verdict.rules()).doesNotContain("image.lure", "image.ocr-lure");
    }

    @Test
    void tesseractShouldReadLureWordsWhenInstalled() {
        Assumptions.assumeTrue(TesseractOcr.available(), "tesseract is not installed");

        String read = new TesseractOcr().read(poster("Your mailbox password expires"), Duration.ofSeconds(20))
            .orElse("");

        assertThat(LureWords.found(read)).contains("mailbox", "password");
    }
}
