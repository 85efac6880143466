package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessageParserDetectionTest {
    private final MessageParser parser = new MessageParser();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = MessageParserDetectionTest.class.getResourceAsStream("/mail/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldDecodeGbkBodyMislabelledAsLatin1() throws IOException {
        ParsedMessage message = parser.parse(fixture("phish-zh-gbk.eml"));

        assertThat(message.texts().get(0).text()).contains("请立即点击下方链接重新登录");
        assertThat(message.texts().get(0).charset()).isEqualTo("GB18030");
        assertThat(message.subject()).isEqualTo("紧急通知：邮箱升级");
        assertThat(message.from().get().displayName()).contains("财务部");
    }

    @Test
    void shouldDecodeUnlabelledBig5Body() throws IOException {
        ParsedMessage message = parser.parse(fixture("ham-zh-big5.eml"));

        assertThat(message.texts().get(0).text()).contains("這是本週的會議紀錄");
        assertThat(message.subject()).isEqualTo("會議紀錄");
    }

    @Test
    void shouldDecodeRfc2231FileNameAndKeepGoingAfterBrokenBase64() throws IOException {
        ParsedMessage message = parser.parse(fixture("nested-rfc2231.eml"));

        assertThat(message.attachments()).extracting(a -> a.fileName().orElse("")).contains("报告.pdf");
        assertThat(message.subject()).isEqualTo("Fwd: résumé");
    }

    @Test
    void shouldExposeNestedMessageText() throws IOException {
        ParsedMessage message = parser.parse(fixture("nested-rfc2231.eml"));

        assertThat(message.allText()).contains("inner subject line").contains("Inner body with a soft break and an € sign");
    }

    @Test
    void shouldLeaveHiddenHtmlOutOfRenderedText() {
        ParsedMessage message = parser.parse(("Content-Type: text/html\n\n<p>Visible</p>"
            + "<div style=\"display:none\">secret filler</div><script>var x='code';</script><p>Also visible</p>")
            .getBytes(StandardCharsets.UTF_8));

        String text = message.texts().get(0).text();
        assertThat(text).contains("Visible").contains("Also visible").doesNotContain("secret filler")
            .doesNotContain("code");
    }

    @Test
    void shouldBreakLinesAtHtmlBlocks() {
        ParsedMessage message = parser.parse("Content-Type: text/html\n\n<p>one</p><p>two</p>"
            .getBytes(StandardCharsets.UTF_8));

        assertThat(message.texts().get(0).text()).isEqualTo("one\ntwo");
    }

    @Test
    void shouldDropHugeInlineDataPayloadBeforeRendering() {
        String payload = "A".repeat(100_000);
        ParsedMessage message = parser.parse(("Content-Type: text/html\n\n<img src=\"data:image/png;base64," + payload
            + "\"><p>caption</p>").getBytes(StandardCharsets.UTF_8));

        assertThat(message.texts().get(0).text()).isEqualTo("caption");
        assertThat(message.texts().get(0).html().get()).contains(payload);
    }
}
