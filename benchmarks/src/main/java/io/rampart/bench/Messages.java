package io.rampart.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/** Messages the benchmarks build themselves (no corpus needed): typical, QR, GTUBE, EICAR. */
public final class Messages {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final String CRLF = "\r\n";

    private Messages() {
    }

    /**
     * A typical business mail, about 9 KB: multipart/alternative text and HTML with a few links and
     * a signature, plus a small PDF-like attachment.
     */
    public static byte[] typical(String messageId, String to) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 25; i++) {
            String sentence = "Paragraph " + i + ": following up on the quarterly review, please find the updated"
                + " figures for the north-east region and the notes from Tuesday's meeting.";
            text.append(sentence).append(CRLF).append(CRLF);
            html.append("<p>").append(sentence);
            if (i % 6 == 0) {
                html.append(" See <a href=\"https://intranet.example.com/reports/q").append(i).append("\">the report</a>.");
            }
            html.append("</p>");
        }
        html.append("<p>Best regards,<br>Jane Doe<br>Finance</p></body></html>");
        String attachment = Base64.getMimeEncoder().encodeToString(
            ("%PDF-1.4\n% benchmark attachment\n" + "0123456789".repeat(150)).getBytes(StandardCharsets.US_ASCII));
        String message = "Return-Path: <jane.doe@example.net>" + CRLF
            + "Received: from mail.example.net (mail.example.net [192.0.2.10]) by mx.acme-corp.com; Tue, 4 Mar 2025 10:00:00 +0000" + CRLF
            + "From: Jane Doe <jane.doe@example.net>" + CRLF
            + "To: <" + to + ">" + CRLF
            + "Subject: Q1 review: updated figures" + CRLF
            + "Date: Tue, 4 Mar 2025 10:00:00 +0000" + CRLF
            + "Message-ID: <" + messageId + ">" + CRLF
            + "MIME-Version: 1.0" + CRLF
            + "Content-Type: multipart/mixed; boundary=\"outer\"" + CRLF + CRLF
            + "--outer" + CRLF
            + "Content-Type: multipart/alternative; boundary=\"alt\"" + CRLF + CRLF
            + "--alt" + CRLF
            + "Content-Type: text/plain; charset=UTF-8" + CRLF + CRLF
            + text + CRLF
            + "--alt" + CRLF
            + "Content-Type: text/html; charset=UTF-8" + CRLF + CRLF
            + html + CRLF
            + "--alt--" + CRLF
            + "--outer" + CRLF
            + "Content-Type: application/pdf; name=\"figures.pdf\"" + CRLF
            + "Content-Disposition: attachment; filename=\"figures.pdf\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + attachment + CRLF
            + "--outer--" + CRLF;
        return message.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] typical() {
        return typical("typical-1@example.net", "alice@acme-corp.com");
    }

    /** A short plain mail whose body is {@code body}. */
    public static byte[] plain(String messageId, String from, String to, String subject, String body) {
        return ("From: <" + from + ">" + CRLF
            + "To: <" + to + ">" + CRLF
            + "Subject: " + subject + CRLF
            + "Date: Tue, 4 Mar 2025 10:00:00 +0000" + CRLF
            + "Message-ID: <" + messageId + ">" + CRLF
            + "MIME-Version: 1.0" + CRLF
            + "Content-Type: text/plain; charset=UTF-8" + CRLF + CRLF
            + body + CRLF).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gtube(String messageId, String from, String to) {
        return plain(messageId, from, to, "Test spam", "This is the GTUBE test message." + CRLF + GTUBE);
    }

    public static byte[] eicar(String messageId, String from, String to) {
        String file = Base64.getMimeEncoder().encodeToString(EICAR.getBytes(StandardCharsets.US_ASCII));
        return ("From: <" + from + ">" + CRLF
            + "To: <" + to + ">" + CRLF
            + "Subject: Invoice attached" + CRLF
            + "Date: Tue, 4 Mar 2025 10:00:00 +0000" + CRLF
            + "Message-ID: <" + messageId + ">" + CRLF
            + "MIME-Version: 1.0" + CRLF
            + "Content-Type: multipart/mixed; boundary=\"b\"" + CRLF + CRLF
            + "--b" + CRLF
            + "Content-Type: text/plain; charset=UTF-8" + CRLF + CRLF
            + "Please see the attached invoice." + CRLF
            + "--b" + CRLF
            + "Content-Type: application/octet-stream; name=\"invoice.com\"" + CRLF
            + "Content-Disposition: attachment; filename=\"invoice.com\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + file + CRLF
            + "--b--" + CRLF).getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG of a QR code holding {@code content}. */
    public static byte[] qrPng(String content, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.MARGIN, 4));
            BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A quishing-style mail: short HTML text and a QR code image attached inline. */
    public static byte[] qrMessage(String url) {
        String png = Base64.getMimeEncoder().encodeToString(qrPng(url, 300));
        return ("From: IT Helpdesk <helpdesk@example.net>" + CRLF
            + "To: <alice@acme-corp.com>" + CRLF
            + "Subject: Action required: re-validate your mailbox" + CRLF
            + "Date: Tue, 4 Mar 2025 10:00:00 +0000" + CRLF
            + "Message-ID: <qr-1@example.net>" + CRLF
            + "MIME-Version: 1.0" + CRLF
            + "Content-Type: multipart/related; boundary=\"r\"" + CRLF + CRLF
            + "--r" + CRLF
            + "Content-Type: text/html; charset=UTF-8" + CRLF + CRLF
            + "<html><body><p>Scan the code below with your phone to keep your mailbox.</p><img src=\"cid:qr\"></body></html>" + CRLF
            + "--r" + CRLF
            + "Content-Type: image/png; name=\"code.png\"" + CRLF
            + "Content-ID: <qr>" + CRLF
            + "Content-Disposition: inline; filename=\"code.png\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + png + CRLF
            + "--r--" + CRLF).getBytes(StandardCharsets.UTF_8);
    }
}
