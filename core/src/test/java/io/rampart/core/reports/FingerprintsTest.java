package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.rampart.core.message.Attachment;

class FingerprintsTest {
    private static final byte[] FILE = "MZ pretend executable".getBytes(StandardCharsets.US_ASCII);
    private static final String INNER = "From: Support <Support@Phish.example>\r\n"
        + "To: alice@acme.test\r\n"
        + "Subject: Verify now\r\n"
        + "Message-ID: <inner-1@phish.example>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"in\"\r\n"
        + "\r\n"
        + "--in\r\n"
        + "Content-Type: text/html; charset=UTF-8\r\n"
        + "\r\n"
        + "<p>Click <a href=\"HTTPS://Login.Phish.example/verify?u=1\">here</a>, or http://backup.phish.example/x.</p>\r\n"
        + "--in\r\n"
        + "Content-Type: application/octet-stream; name=\"tool.exe\"\r\n"
        + "Content-Disposition: attachment; filename=\"tool.exe\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n"
        + Base64.getMimeEncoder().encodeToString(FILE) + "\r\n"
        + "--in--\r\n";

    @Test
    void fingerprintShouldHoldMessageIdSenderSubjectUrlsAndHashes() {
        Fingerprint fingerprint = Fingerprints.of(INNER.getBytes(StandardCharsets.UTF_8));

        assertThat(fingerprint.messageId()).contains("<inner-1@phish.example>");
        assertThat(fingerprint.sender()).contains("support@phish.example");
        assertThat(fingerprint.subject()).isEqualTo("Verify now");
        assertThat(fingerprint.urls()).contains("https://login.phish.example/verify?u=1", "http://backup.phish.example/x");
        assertThat(fingerprint.sha256()).containsExactly(Attachment.sha256(FILE));
    }

    @Test
    void attachedMessageShouldBeFoundInAForwardAsAttachment() {
        String forward = "From: alice@acme.test\r\n"
            + "To: report-phish@acme.test\r\n"
            + "Subject: Fwd: Verify now\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"out\"\r\n"
            + "\r\n"
            + "--out\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "Phishing?\r\n"
            + "--out\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "\r\n"
            + INNER
            + "--out--\r\n";

        byte[] attached = Fingerprints.attachedMessage(forward.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(Fingerprints.of(attached).messageId()).contains("<inner-1@phish.example>");
        assertThat(Fingerprints.of(attached).sha256()).containsExactly(Attachment.sha256(FILE));
    }

    @Test
    void plainMessageShouldHaveNoAttachedMessage() {
        assertThat(Fingerprints.attachedMessage("Subject: x\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
