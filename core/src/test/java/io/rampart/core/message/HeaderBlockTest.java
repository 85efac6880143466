package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HeaderBlockTest {
    private static final String[] FRAGMENTS = {"Subject: =?UTF-8?B?5YWN?=", " =?UTF-8?B?6K+V?=", "\t=?GB2312?B?5qGj?=",
        "To: a@example.org", "Content-Type: text/html", "X-Mailer: x", "Note: prose", "   indented prose", "", "",
        "<html>body</html>", "=?", "?=", ":", " ", "From: b@example.org"};

    /** Drops every empty line, the only thing a repair may remove. */
    private static String withoutEmptyLines(String text) {
        String previous;
        String current = text;
        do {
            previous = current;
            current = current.replace("\n\r\n", "\n").replace("\n\n", "\n");
        } while (!current.equals(previous));
        return current.startsWith("\r\n") ? current.substring(2) : current.startsWith("\n") ? current.substring(1) : current;
    }

    @Test
    void repairsOnlyRemoveEmptyLinesAndNeverThrow() {
        Random random = new Random(11);
        int repaired = 0;
        for (int n = 0; n < 20_000; n++) {
            String newline = random.nextBoolean() ? "\n" : "\r\n";
            // Shaped like the defect (a subject, then empty lines each followed by more of the header),
            // with random fragments mixed in so that many are near misses that must be left alone.
            StringBuilder text = new StringBuilder(FRAGMENTS[random.nextInt(3)]).append(newline);
            int splits = 1 + random.nextInt(3);
            for (int split = 0; split < splits; split++) {
                for (int empty = random.nextInt(3); empty >= 0; empty--) {
                    text.append(newline);
                }
                int lines = 1 + random.nextInt(4);
                for (int i = 0; i < lines; i++) {
                    text.append(FRAGMENTS[i == 0 && random.nextInt(5) > 0 ? 1 + random.nextInt(2)
                        : random.nextInt(FRAGMENTS.length)]).append(newline);
                }
            }
            text.append(newline).append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            byte[] raw = text.toString().getBytes(StandardCharsets.ISO_8859_1);

            Optional<HeaderBlock.Repaired> result = HeaderBlock.rejoin(raw);

            if (result.isPresent()) {
                repaired++;
                String out = new String(result.get().bytes, StandardCharsets.ISO_8859_1);
                assertThat(out.length()).as(text.toString()).isLessThan(raw.length);
                assertThat(withoutEmptyLines(out)).as(text.toString()).isEqualTo(withoutEmptyLines(text.toString()));
                assertThat(result.get().rejoined).isPositive();
            }
        }
        assertThat(repaired).as("the random messages must include repairable ones").isGreaterThan(1_000);
    }

    private static final String LEAKED = "From: \"Jeff\" <jeff@example.com>\nTo: bob@acme-corp.com\nSubject: visas\n"
        + "Message-Id: <1@relay.example>\n\nThu, 02 Dec 2004 09:48:01 -0500\nMIME-Version: 1.0\nContent-Type: text/html;\n"
        + "\tcharset=\"us-ascii\"\nContent-Transfer-Encoding: quoted-printable\n\n<a href=3D\"http://visa-lottery.example/ap=\n"
        + "ply\">Apply now</a>\n";

    @Test
    void mimeFieldsLeakedIntoTheBodyAfterABrokenHeaderLineJoinTheHeader() {
        String repaired = new String(HeaderBlock.leakedMimeFields(LEAKED.getBytes(StandardCharsets.ISO_8859_1)).orElseThrow(),
            StandardCharsets.ISO_8859_1);
        assertThat(repaired).startsWith("From: \"Jeff\" <jeff@example.com>\nTo: bob@acme-corp.com\nSubject: visas\n"
            + "Message-Id: <1@relay.example>\nMIME-Version: 1.0\nContent-Type: text/html;\n").doesNotContain("Thu, 02 Dec");

        ParsedMessage message = new MessageParser().parse(LEAKED.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(message.texts()).singleElement().satisfies(part -> {
            assertThat(part.isHtml()).isTrue();
            assertThat(part.text()).contains("Apply now").doesNotContain("Content-Type");
        });
        assertThat(message.anomalies()).singleElement().satisfies(anomaly -> assertThat(anomaly).contains("MIME fields"));
    }

    @Test
    void aForwardedHeaderOrAMessageWithItsOwnContentTypeIsLeftAlone() {
        String forwarded = "From: alice@example.org\nTo: bob@acme-corp.com\nSubject: Fwd: plan\n\n"
            + "---------- Forwarded message ---------\nFrom: carol@example.org\nDate: Mon, 1 Dec 2025\nSubject: plan\n\nSee below.\n";
        assertThat(HeaderBlock.leakedMimeFields(forwarded.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        String own = "From: a@example.org\nContent-Type: text/plain\n\nMIME-Version: 1.0\nContent-Type: text/html\n\n<b>x</b>\n";
        assertThat(HeaderBlock.leakedMimeFields(own.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        String prose = "From: a@example.org\n\nHello,\nhere is how a header looks:\nyes really\nContent-Type: text/html\n"
            + "MIME-Version: 1.0\n\nbye\n";
        assertThat(HeaderBlock.leakedMimeFields(prose.getBytes(StandardCharsets.ISO_8859_1))).as("three lines of prose first").isEmpty();
    }

    @Test
    void anEncodedSubjectBrokenWithoutFoldingWhitespaceIsJoinedAgainSilently() {
        String subject = "Re: [求助]我该怎么办";
        String encoded = java.util.Base64.getEncoder().encodeToString(subject.getBytes(java.nio.charset.Charset.forName("GBK")));
        String raw = "From: \"lin\" <lin@example.edu.cn>\nSubject: =?gb2312?B?" + encoded.substring(0, 16) + "\n"
            + encoded.substring(16) + "?=\nDate: Tue, 26 Oct 2004 10:33:05 +0800\nContent-Type: text/plain\n\nbody\n";

        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(message.subject()).isEqualTo(subject);
        assertThat(message.header("Date")).hasValue("Tue, 26 Oct 2004 10:33:05 +0800");
        assertThat(message.anomalies()).as("old clients did this too: not a bulk-mail mark").isEmpty();
        // A line without a field name that closes no encoded word, or follows a closed one, is left alone.
        String prose = "From: a@example.org\nSubject: =?UTF-8?B?SGVsbG8=?=\nnot a field ?= here\n\nbody\n";
        assertThat(HeaderBlock.brokenEncodedWordFolds(prose.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        String open = "From: a@example.org\nSubject: =?UTF-8?B?SGVsbG8\nnot a field\n\nbody\n";
        assertThat(HeaderBlock.brokenEncodedWordFolds(open.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }
}
