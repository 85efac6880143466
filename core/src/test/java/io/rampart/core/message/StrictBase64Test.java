package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;

import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.junit.jupiter.api.Test;

import com.google.common.io.ByteStreams;

/** The JDK shortcut for well-formed base64 decodes exactly what mime4j's lenient decoder does, or declines. */
class StrictBase64Test {
    private static byte[] mime4j(byte[] raw) throws Exception {
        try (InputStream in = new Base64InputStream(new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
            return ByteStreams.toByteArray(in);
        }
    }

    @Test
    void agreesWithMime4jOrDeclines() throws Exception {
        Random random = new Random(5);
        String junk = "=\r\n \t!-_.*A";
        int decoded = 0;
        int declined = 0;
        for (int n = 0; n < 5_000; n++) {
            byte[] data = new byte[random.nextInt(200)];
            random.nextBytes(data);
            StringBuilder text = new StringBuilder(Base64.getEncoder().encodeToString(data));
            if (random.nextBoolean()) {
                // Folded lines of a random length, as mailers write them.
                int line = 4 + random.nextInt(76);
                for (int i = line; i < text.length(); i += line + 2) {
                    text.insert(i, "\r\n");
                }
            }
            if (random.nextInt(3) == 0) {
                text.setLength(Math.max(0, text.length() - random.nextInt(4)));
            }
            for (int k = random.nextInt(3); k > 0 && text.length() > 0; k--) {
                text.insert(random.nextInt(text.length()), junk.charAt(random.nextInt(junk.length())));
            }
            if (random.nextBoolean()) {
                text.append("\r\n");
            }
            byte[] raw = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Optional<byte[]> strict = MessageParser.strictBase64(raw);
            if (strict.isPresent()) {
                assertThat(strict.get()).as(text.toString()).isEqualTo(mime4j(raw));
                decoded++;
            } else {
                declined++;
            }
        }
        assertThat(decoded).as("well-formed inputs take the shortcut").isGreaterThan(1_000);
        assertThat(declined).as("damaged inputs are left to mime4j").isGreaterThan(500);
    }
}
