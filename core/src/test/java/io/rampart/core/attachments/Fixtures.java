package io.rampart.core.attachments;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.verdict.Verdict;

/** Images, documents and MIME messages built by the tests themselves. */
public final class Fixtures {
    public static final String PHISH_URL = "https://secure-login.example-payments.top/verify?id=7731";
    public static final String SECOND_URL = "http://203.0.113.7/login.php";

    public static final String LOCAL_DOMAIN = "corp.example";
    /**
     * The attachment analysis as the standard engine wires it (test signatures, then attachments with
     * URLs going through the link analysis), with every default but the time budgets, raised so that a
     * loaded build machine cannot turn a functional test into a time-out test. The sender, text and
     * model analyzers are left out: they are tested on their own, and their scores would blur what
     * these tests check.
     */
    private static final ScanEngine ENGINE = attachmentEngine(patientConfiguration());

    private static ScanEngine attachmentEngine(RampartConfiguration configuration) {
        return new ScanEngine(configuration, java.util.List.of(
            new io.rampart.core.signatures.TestSignatureAnalyzer(),
            new AttachmentAnalyzer(configuration.attachments(), new io.rampart.core.links.LinkUrlInspector(
                io.rampart.core.links.LinkAnalysis.from(configuration.detection())))));
    }

    private static RampartConfiguration patientConfiguration() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("scan.timeBudget", "120s");
        properties.setProperty("attachments.timePerPart", "60s");
        return RampartConfiguration.parse("tests", properties);
    }

    private Fixtures() {
    }

    public static ScanContext context() {
        return ScanContext.builder().localDomains(Set.of(LOCAL_DOMAIN)).recipients(List.of("alice@" + LOCAL_DOMAIN))
            .envelopeSender(java.util.Optional.of("helpdesk@mailer.example.net")).build();
    }

    /** The whole standard engine over a complete message. */
    public static Verdict scan(byte[] message) {
        return ENGINE.scanInline(message, context());
    }

    /** The findings of one rule, as "rule: detail" lines. */
    public static List<String> details(Verdict verdict, String rule) {
        return verdict.findings().stream().filter(f -> f.rule().equals(rule)).map(Finding::detail)
            .collect(java.util.stream.Collectors.toList());
    }

    /** A black-on-white QR code with a quiet zone, {@code moduleSize} pixels per module. */
    public static BufferedImage qr(String text, int moduleSize) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 4);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
            BitMatrix matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints);
            int size = matrix.getWidth() * moduleSize;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image.setRGB(x, y, matrix.get(x / moduleSize, y / moduleSize) ? 0x000000 : 0xFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BufferedImage inverted(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    public static BufferedImage rotated(BufferedImage image, double degrees) {
        int size = (int) Math.ceil(Math.hypot(image.getWidth(), image.getHeight())) + 20;
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform transform = new AffineTransform();
        transform.translate(size / 2.0, size / 2.0);
        transform.rotate(Math.toRadians(degrees));
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, transform, null);
        g.dispose();
        return out;
    }

    /** A wide, busy marketing banner with a small code in its lower right corner. */
    public static BufferedImage banner(BufferedImage code, int width, int height, long seed) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        Random random = new Random(seed);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(300), 20 + random.nextInt(200));
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 10)));
        g.drawString("Your mailbox storage is full - scan to keep your messages", 20, height / 3);
        g.drawImage(code, width - code.getWidth() - 30, height - code.getHeight() - 30, null);
        g.dispose();
        return out;
    }

    /** Two codes side by side on a white canvas. */
    public static BufferedImage sideBySide(BufferedImage left, BufferedImage right) {
        int width = left.getWidth() + right.getWidth() + 60;
        int height = Math.max(left.getHeight(), right.getHeight()) + 40;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(left, 20, 20, null);
        g.drawImage(right, left.getWidth() + 40, 20, null);
        g.dispose();
        return out;
    }

    /** A photo-like noisy picture without any code. */
    public static BufferedImage noise(int width, int height, long seed) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 5 + random.nextInt(120), 5 + random.nextInt(120));
        }
        g.dispose();
        return out;
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A MIME message builder writing base64 parts. */
    public static final class Mime {
        private final StringBuilder body = new StringBuilder();
        private final String boundary;
        private final String type;
        private final String subject;

        private Mime(String type, String subject) {
            this.type = type;
            this.subject = subject;
            this.boundary = "=_rampart_" + Integer.toHexString(subject.hashCode());
        }

        public static Mime mixed(String subject) {
            return new Mime("multipart/mixed", subject);
        }

        public static Mime related(String subject) {
            return new Mime("multipart/related", subject);
        }

        public Mime text(String text) {
            body.append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .append(text).append("\r\n");
            return this;
        }

        public Mime html(String html) {
            body.append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8))).append("\r\n");
            return this;
        }

        public Mime attach(String contentType, String fileName, byte[] content) {
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)) {
                fileName = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)) + "?=";
            }
            body.append("--").append(boundary).append("\r\n")
                .append("Content-Type: ").append(contentType).append("; name=\"").append(fileName).append("\"\r\n")
                .append("Content-Disposition: attachment; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
            return this;
        }

        public Mime inline(String contentType, String contentId, byte[] content) {
            body.append("--").append(boundary).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-ID: <").append(contentId).append(">\r\n")
                .append("Content-Disposition: inline\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
            return this;
        }

        public byte[] build() {
            String head = "From: \"IT Service Desk\" <helpdesk@mailer.example.net>\r\n"
                + "To: alice@corp.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 5 Mar 2024 10:00:00 +0000\r\n"
                + "Message-ID: <" + Integer.toHexString(body.toString().hashCode()) + "@mailer.example.net>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + type + "; boundary=\"" + boundary + "\"\r\n\r\n";
            return (head + body + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
