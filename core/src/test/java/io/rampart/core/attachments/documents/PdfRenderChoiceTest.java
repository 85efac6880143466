package io.rampart.core.attachments.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.qrcode.QRCodeWriter;

import io.rampart.core.attachments.Documents;

/** Which PDF pages are worth rendering to look for a code drawn with shapes. */
class PdfRenderChoiceTest {
    @Test
    void aPageOfTextAndRulesIsNotRendered() throws Exception {
        byte[] pdf = Documents.pdf(1, document -> {
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.beginText();
                content.setFont(PDType1Font.HELVETICA, 12);
                content.newLineAtOffset(72, 700);
                content.showText("Minutes of the meeting: nothing to pay, nothing to scan.");
                content.endText();
                content.addRect(72, 690, 400, 1);
                content.fill();
            }
        });
        try (PDDocument document = PDDocument.load(pdf)) {
            assertThat(PdfInspector.drawsShapes(document.getPage(0))).isFalse();
        }
    }

    @Test
    void aPageDrawingACodeIsRendered() throws Exception {
        byte[] pdf = Documents.pdfWithDrawnCode(
            new QRCodeWriter().encode("https://example.test/pay", BarcodeFormat.QR_CODE, 0, 0));
        try (PDDocument document = PDDocument.load(pdf)) {
            assertThat(PdfInspector.drawsShapes(document.getPage(0))).isTrue();
        }
    }
}
