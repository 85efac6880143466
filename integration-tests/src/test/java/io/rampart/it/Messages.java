package io.rampart.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test messages the project writes itself (no corpus mail). */
public final class Messages {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private Messages() {
    }

    public static byte[] plain(String from, String to, String subject, String body) {
        return ("From: " + from + "\r\n"
            + "To: " + to + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Date: " + now() + "\r\n"
            + "Message-ID: <" + java.util.UUID.randomUUID() + "@test.local>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] withAttachment(String from, String to, String subject, String fileName, byte[] content) {
        String boundary = "rampart-test-boundary";
        String encoded = Base64.getMimeEncoder().encodeToString(content);
        return ("From: " + from + "\r\n"
            + "To: " + to + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Date: " + now() + "\r\n"
            + "Message-ID: <" + java.util.UUID.randomUUID() + "@test.local>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
            + "\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "Please find the file attached.\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Type: application/octet-stream; name=\"" + fileName + "\"\r\n"
            + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + encoded + "\r\n"
            + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Every mail program writes a Date (Rampart scores its absence): today's, in RFC 5322 form. */
    static String now() {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
    }

    public static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] eicar() {
        return EICAR.getBytes(StandardCharsets.US_ASCII);
    }
}
