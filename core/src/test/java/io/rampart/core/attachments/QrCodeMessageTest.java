package io.rampart.core.attachments;

import static io.rampart.core.attachments.Fixtures.PHISH_URL;
import static io.rampart.core.attachments.Fixtures.SECOND_URL;
import static io.rampart.core.attachments.Fixtures.details;
import static io.rampart.core.attachments.Fixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import io.rampart.core.analysis.Category;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;

/** Quishing: QR codes wherever a message can carry them, run through the whole standard engine. */
class QrCodeMessageTest {
    private static final String LURE_HTML = "<html><body><p>Scan the code to keep your mailbox.</p>"
        + "<img src=\"cid:qr1@lure\"></body></html>";
    private static final String VCARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Alice Martin\nTEL:+33123456789\n"
        + "EMAIL:alice@corp.example\nEND:VCARD";
    private static final String PIX = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
        + "5913Fulano de Tal6008BRASILIA62070503***63041D3D";

    private static BufferedImage code(String text) {
        return Fixtures.qr(text, 6);
    }

    @Test
    void inlineImageCodeShouldBeReportedWithItsUrl() {
        byte[] message = Fixtures.Mime.related("Mailbox full").html(LURE_HTML)
            .inline("image/png", "qr1@lure", Fixtures.png(code(PHISH_URL))).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url")).singleElement().asString()
            .startsWith("QR code in part 1.2 (image/png)").endsWith("decodes to " + PHISH_URL);
        assertThat(verdict.urls()).contains(PHISH_URL);
        assertThat(verdict.rules()).contains("qr.url", "image.lure", "file.url.credential-path");
    }

    @Test
    void defaultEngineShouldReportAnAttachedCode() {
        byte[] message = Fixtures.Mime.mixed("Invoice").text("Please pay the attached invoice today.")
            .attach("image/png", "pay.png", Fixtures.png(code(PHISH_URL))).build();

        Verdict verdict = Analyzers.standardEngine(RampartConfiguration.defaults())
            .scanInline(message, Fixtures.context());

        assertThat(details(verdict, "qr.url")).containsExactly("QR code in 'pay.png' (part 1.2) decodes to " + PHISH_URL);
        assertThat(verdict.urls()).contains(PHISH_URL);
    }

    @Test
    void attachedJpegCodeShouldBeReportedWithItsFileName() {
        byte[] message = Fixtures.Mime.mixed("Invoice").text("Please pay the attached invoice today.")
            .attach("image/jpeg", "invoice.jpg", Fixtures.jpeg(code(PHISH_URL))).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in 'invoice.jpg' (part 1.2) decodes to " + PHISH_URL);
    }

    @Test
    void dataUriCodeInHtmlShouldBeReported() {
        String html = "<html><body><p>Re-validate your account:</p><img src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(Fixtures.png(code(PHISH_URL))) + "\"></body></html>";
        byte[] message = Fixtures.Mime.mixed("Account notice").html(html).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in data: image 1 in HTML part 1.1 decodes to " + PHISH_URL);
        assertThat(verdict.hashes()).hasSize(1);
    }

    @Test
    void codeImageOnAPdfPageShouldBeReported() {
        byte[] message = Fixtures.Mime.mixed("Document").text("See the attached document.")
            .attach("application/pdf", "scan.pdf", Documents.pdfWithImage(code(PHISH_URL))).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url")).singleElement().asString()
            .contains("on page 1 of 'scan.pdf' (part 1.2)").endsWith("decodes to " + PHISH_URL);
    }

    @Test
    void codeInAJpegPlacedOnEveryPageOfAPdfShouldBeReportedOnce() {
        byte[] message = Fixtures.Mime.mixed("Document").text("See the attached document.")
            .attach("application/pdf", "invoice.pdf", Documents.pdfWithJpegOnEveryPage(code(PHISH_URL), 6)).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url")).singleElement().asString()
            .contains("on page 1 of 'invoice.pdf' (part 1.2)").endsWith("decodes to " + PHISH_URL);
    }

    @Test
    void codeDrawnAsVectorsOnAPdfPageShouldBeFoundByRendering() throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 4);
        BitMatrix matrix = new QRCodeWriter().encode(PHISH_URL, BarcodeFormat.QR_CODE, 0, 0, hints);
        byte[] message = Fixtures.Mime.mixed("Document").text("See the attached document.")
            .attach("application/pdf", "drawn.pdf", Documents.pdfWithDrawnCode(matrix)).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in page 1 of 'drawn.pdf' (part 1.2) decodes to " + PHISH_URL);
    }

    /** A code drawn as an HTML table, one cell per module, dark cells painted with {@code darkCell}. */
    private static String tableCode(String text, String darkCell, String lightCell, boolean runsAsColspan)
        throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        StringBuilder html = new StringBuilder("<table cellpadding=\"0\" cellspacing=\"0\" style=\"border:0\">");
        for (int y = 0; y < matrix.getHeight(); y++) {
            html.append("<tr>");
            int x = 0;
            while (x < matrix.getWidth()) {
                boolean dark = matrix.get(x, y);
                int run = 1;
                while (runsAsColspan && x + run < matrix.getWidth() && matrix.get(x + run, y) == dark) {
                    run++;
                }
                html.append("<td").append(run > 1 ? " colspan=\"" + run + "\"" : "").append(' ')
                    .append(dark ? darkCell : lightCell).append(" width=\"4\" height=\"4\"></td>");
                x += run;
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    @Test
    void codeDrawnAsAnHtmlTableInTheBodyShouldBeReported() throws WriterException {
        String html = "<html><body><p>Your password expires today. Scan to keep it:</p>"
            + tableCode(PHISH_URL, "bgcolor=\"#000000\"", "bgcolor=\"#FFFFFF\"", false) + "</body></html>";
        byte[] message = Fixtures.Mime.mixed("Password expiry").html(html).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in an HTML grid in HTML part 1.1 decodes to " + PHISH_URL);
        assertThat(verdict.urls()).contains(PHISH_URL);
    }

    @Test
    void codeWhoseCellsHoldInvisibleCharactersShouldBeReported() throws WriterException {
        String html = "<html><body>" + tableCode(PHISH_URL, "bgcolor=\"#000\"", "bgcolor=\"#fff\"", false)
            .replace("></td>", ">&nbsp;&#8203;</td>") + "</body></html>";
        byte[] message = Fixtures.Mime.mixed("Password expiry").html(html).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in an HTML grid in HTML part 1.1 decodes to " + PHISH_URL);
    }

    @Test
    void codeDrawnWithStyledCellsAndColspanRunsInAnHtmlAttachmentShouldBeReported() throws WriterException {
        String html = "<html><body>" + tableCode(PHISH_URL, "style=\"background-color: rgb(17, 17, 17);\"",
            "style=\"background:#fff\"", true) + "</body></html>";
        byte[] message = Fixtures.Mime.mixed("Secure message").text("Open the attached secure message.")
            .attach("text/html", "message.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in an HTML grid in 'message.html' (part 1.2) decodes to " + PHISH_URL);
    }

    /** A code drawn with boxes: "rows" (a div per row of spans), "br" (spans, a br after each row) or "grid" (flat divs in a CSS grid). */
    private static String boxCode(String text, String layout) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        String box = layout.equals("grid") ? "div" : "span";
        StringBuilder html = new StringBuilder(layout.equals("grid")
            ? "<div style=\"display:grid;grid-template-columns: repeat(" + matrix.getWidth() + ", 4px)\">"
            : "<div style=\"line-height:0\">");
        for (int y = 0; y < matrix.getHeight(); y++) {
            if (layout.equals("rows")) {
                html.append("<div style=\"display:flex\">");
            }
            for (int x = 0; x < matrix.getWidth(); x++) {
                html.append('<').append(box).append(" style=\"display:inline-block;width:4px;height:4px;background:")
                    .append(matrix.get(x, y) ? "#000" : "#fff").append("\"></").append(box).append('>');
            }
            html.append(layout.equals("rows") ? "</div>" : layout.equals("br") ? "<br>" : "");
        }
        return html.append("</div>").toString();
    }

    @Test
    void codeDrawnWithBoxesInRowsLinesOrACssGridShouldBeReported() throws WriterException {
        for (String layout : new String[] {"rows", "br", "grid"}) {
            String html = "<html><body><p>Scan to review the shared document</p>" + boxCode(PHISH_URL, layout) + "</body></html>";
            byte[] message = Fixtures.Mime.mixed("Shared document").html(html).build();

            Verdict verdict = scan(message);

            assertThat(details(verdict, "qr.url")).as(layout)
                .containsExactly("QR code in an HTML grid in HTML part 1.1 decodes to " + PHISH_URL);
        }
    }

    @Test
    void aPageOfBoxesWithWordsIsNotReadAsACode() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int row = 0; row < 30; row++) {
            html.append("<div style=\"display:flex\">");
            for (int column = 0; column < 30; column++) {
                html.append("<span style=\"background:").append((row + column) % 2 == 0 ? "#000" : "#fff")
                    .append("\">").append(row * 30 + column).append("</span>");
            }
            html.append("</div>");
        }
        byte[] message = Fixtures.Mime.mixed("Seat plan").html(html.append("</body></html>").toString()).build();

        Verdict verdict = scan(message);

        assertThat(verdict.rules()).noneMatch(rule -> rule.startsWith("qr.") || rule.startsWith("image."));
    }

    private static BitMatrix matrix(String text) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 2);
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
    }

    /** The code typed with half blocks, two module rows per line (what qrencode -t UTF8 prints). */
    private static String halfBlocks(BitMatrix matrix, String space) {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean top = matrix.get(x, y);
                boolean bottom = y + 1 < matrix.getHeight() && matrix.get(x, y + 1);
                text.append(top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : space);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The code typed with two full blocks per module, a line per module row. */
    private static String fullBlocks(BitMatrix matrix, String space) {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                text.append(matrix.get(x, y) ? "\u2588\u2588" : space + space);
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void codeTypedWithHalfBlocksInAPlainTextBodyShouldBeReported() throws WriterException {
        String body = "Your mailbox will be closed today. Scan with your phone to keep it:\n\n"
            + halfBlocks(matrix(PHISH_URL), " ") + "\nIT Service Desk";
        byte[] message = Fixtures.Mime.mixed("Mailbox closure").text(body).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in block characters in text part 1.1 decodes to " + PHISH_URL);
    }

    @Test
    void codeTypedWithFullBlocksAndNbspInAnHtmlBodyShouldBeReported() throws WriterException {
        String typed = fullBlocks(matrix(PHISH_URL), "&nbsp;").replace("\n", "<br>\n");
        String html = "<html><body><p>Scan to verify your account</p><div style=\"font-family:monospace;line-height:1\">"
            + typed + "</div></body></html>";
        byte[] message = Fixtures.Mime.mixed("Verify your account").html(html).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in block characters in HTML part 1.1 decodes to " + PHISH_URL);
    }

    @Test
    void boxDrawingArtThatIsNoCodeIsNotReported() {
        StringBuilder art = new StringBuilder("Quarterly sales\n");
        for (int row = 0; row < 15; row++) {
            art.append(String.format("%-8s", "Week " + row)).append("\u2588".repeat(5 + row * 3)).append('\n');
        }
        byte[] message = Fixtures.Mime.mixed("Sales chart").text(art.toString()).build();

        Verdict verdict = scan(message);

        assertThat(verdict.rules()).noneMatch(rule -> rule.startsWith("qr."));
    }

    @Test
    void codeWhoseDarkCellsAloneArePaintedByAStyleSheetClassShouldBeReported() throws WriterException {
        String html = "<html><head><style>td{padding:0} .k { background-color: #111 }</style></head><body>"
            + tableCode(PHISH_URL, "class=\"k\"", "", false) + "</body></html>";
        byte[] message = Fixtures.Mime.mixed("Document shared with you").html(html).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url"))
            .containsExactly("QR code in an HTML grid in HTML part 1.1 decodes to " + PHISH_URL);
    }

    @Test
    void aLargeNewsletterLayoutTableIsNotReadAsACode() {
        StringBuilder html = new StringBuilder("<html><body><table>");
        for (int row = 0; row < 30; row++) {
            html.append("<tr>");
            for (int column = 0; column < 30; column++) {
                html.append("<td>item ").append(row * 30 + column).append("</td>");
            }
            html.append("</tr>");
        }
        byte[] message = Fixtures.Mime.mixed("Price list").html(html.append("</table></body></html>").toString()).build();

        Verdict verdict = scan(message);

        assertThat(verdict.rules()).noneMatch(rule -> rule.startsWith("qr."));
    }

    @Test
    void twoCodesInOneImageShouldBothBeReported() {
        BufferedImage both = Fixtures.sideBySide(Fixtures.qr(PHISH_URL, 5), Fixtures.qr(SECOND_URL, 5));
        byte[] message = Fixtures.Mime.mixed("Two ways to pay").text("Use either code.")
            .attach("image/png", "codes.png", Fixtures.png(both)).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url")).containsExactlyInAnyOrder(
            "QR code in 'codes.png' (part 1.2) decodes to " + PHISH_URL,
            "QR code in 'codes.png' (part 1.2) decodes to " + SECOND_URL);
        assertThat(verdict.rules()).contains("file.url.ip-host");
    }

    @Test
    void invertedRotatedAndSmallCodesShouldBeReported() {
        byte[] message = Fixtures.Mime.mixed("Three pictures").text("Look at these.")
            .attach("image/png", "inverted.png", Fixtures.png(Fixtures.inverted(code(PHISH_URL + "&v=1"))))
            .attach("image/png", "rotated.png", Fixtures.png(Fixtures.rotated(code(PHISH_URL + "&v=2"), 30)))
            .attach("image/jpeg", "banner.jpg", Fixtures.jpeg(Fixtures.banner(Fixtures.qr(PHISH_URL + "&v=3", 3),
                2400, 900, 11)))
            .build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.url")).containsExactlyInAnyOrder(
            "QR code in 'inverted.png' (part 1.2) decodes to " + PHISH_URL + "&v=1",
            "QR code in 'rotated.png' (part 1.3) decodes to " + PHISH_URL + "&v=2",
            "QR code in 'banner.jpg' (part 1.4) decodes to " + PHISH_URL + "&v=3");
    }

    @Test
    void paymentCodeShouldBeAFinding() {
        byte[] message = Fixtures.Mime.mixed("Boleto").text("Pague com PIX.")
            .attach("image/png", "pix.png", Fixtures.png(code(PIX))).build();

        Verdict verdict = scan(message);

        assertThat(details(verdict, "qr.payment")).singleElement().asString()
            .startsWith("QR code in 'pix.png' (part 1.2) encodes a PIX payment request: 000201");
    }

    @Test
    void vcardCodeShouldStayClean() {
        byte[] message = Fixtures.Mime.mixed("My card").text("Here is my contact card, see you on Monday at the office.")
            .attach("image/png", "card.png", Fixtures.png(code(VCARD))).build();

        Verdict verdict = scan(message);

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.CLEAN);
        assertThat(verdict.score()).isZero();
        assertThat(verdict.findings()).anySatisfy(finding -> {
            assertThat(finding.rule()).isEqualTo("qr.contact");
            assertThat(finding.category()).isEqualTo(Category.INFO);
        });
    }

    @Test
    void ownDomainCodeShouldStayClean() {
        String url = "https://intranet.corp.example/canteen/menu";
        byte[] message = Fixtures.Mime.mixed("Canteen menu").text("This week's menu is behind the code below, enjoy.")
            .attach("image/png", "menu.png", Fixtures.png(code(url))).build();

        Verdict verdict = scan(message);

        assertThat(verdict.score()).isZero();
        assertThat(details(verdict, "qr.url-benign")).singleElement().asString().contains(url);
        assertThat(verdict.urls()).contains(url);
    }
}
