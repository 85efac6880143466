package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RawHeaderFieldsTest {
    private static final String BODY = "\r\n\r\n\u8001\u5f20\uff0c\u5468\u4e94\u89c1\u3002\r\n";

    @Test
    void rawUtf8FieldsAreFoundAndWrittenAsEncodedWordsThatDecodeBack() {
        byte[] raw = ("Received: from mx.example by relay.example; Sat, 28 Nov 2026 12:00:00 +0800\r\n"
            + "From: \"\u738b\u78ca\" <wanglei@partner-co.example>\r\n"
            + "To: bob@acme-corp.example\r\n"
            + "Subject: \u5468\u4e94\u7684\u4f1a\u8bae\u6539\u5230\u4e09\u697c\r\n"
            + "Content-Type: text/plain; charset=UTF-8" + BODY).getBytes(StandardCharsets.UTF_8);

        List<RawHeaderFields.Field> fields = RawHeaderFields.eightBit(raw);

        assertThat(fields).extracting(RawHeaderFields.Field::name).containsExactly("From", "Subject");
        assertThat(fields.get(0).asciiValue()).isEqualTo("=?UTF-8?B?546L56OK?= <wanglei@partner-co.example>");
        assertThat(fields.get(1).asciiValue()).matches("\\p{ASCII}+");
        assertThat(EncodedWords.decode(fields.get(1).asciiValue().replaceAll("\\r\\n ", " ")))
            .isEqualTo("\u5468\u4e94\u7684\u4f1a\u8bae\u6539\u5230\u4e09\u697c");
        ParsedMessage rewritten = new MessageParser().parse(("From: " + fields.get(0).asciiValue() + "\r\nSubject: "
            + fields.get(1).asciiValue() + BODY).getBytes(StandardCharsets.US_ASCII));
        assertThat(rewritten.subject()).isEqualTo("\u5468\u4e94\u7684\u4f1a\u8bae\u6539\u5230\u4e09\u697c");
        assertThat(rewritten.from()).hasValueSatisfying(from -> {
            assertThat(from.displayName()).hasValue("\u738b\u78ca");
            assertThat(from.address()).isEqualTo("wanglei@partner-co.example");
        });
    }

    @Test
    void aGbkSubjectIsReadByCharsetDetection() {
        Charset gbk = Charset.forName("GBK");
        byte[] raw = ("Subject: \u4e0b\u5468\u7684\u62a5\u4ef7\u5355\r\nFrom: lina@partner-co.example\r\n"
            + "Content-Type: text/plain; charset=GBK" + BODY).getBytes(gbk);

        List<RawHeaderFields.Field> fields = RawHeaderFields.eightBit(raw);

        assertThat(fields).singleElement().satisfies(field -> {
            assertThat(field.value()).isEqualTo("\u4e0b\u5468\u7684\u62a5\u4ef7\u5355");
            assertThat(EncodedWords.decode(field.asciiValue())).isEqualTo("\u4e0b\u5468\u7684\u62a5\u4ef7\u5355");
        });
    }

    @Test
    void asciiHeadersTraceFieldsAndTheBodyAreLeftAlone() {
        assertThat(RawHeaderFields.eightBit(("From: a@b.example\r\nSubject: =?UTF-8?B?5ZGo5LqU?=" + BODY)
            .getBytes(StandardCharsets.UTF_8))).as("encoded words and an 8-bit body").isEmpty();
        assertThat(RawHeaderFields.eightBit(("Received: from \u4e3b\u673a by mx.example\r\nSubject: hi" + BODY)
            .getBytes(StandardCharsets.UTF_8))).as("a trace field").isEmpty();
    }

    @Test
    void everyOccurrenceOfANameWithAnEightBitOneIsReturnedInOrder() {
        byte[] raw = ("To: bob@acme-corp.example\r\nTo: \u5f20\u4e09 <zhangsan@acme-corp.example>\r\n"
            + "Subject: a\r\n folded \u6807\u9898" + BODY).getBytes(StandardCharsets.UTF_8);

        List<RawHeaderFields.Field> fields = RawHeaderFields.eightBit(raw);

        assertThat(fields).extracting(RawHeaderFields.Field::toString).containsExactly("To: bob@acme-corp.example",
            "To: \u5f20\u4e09 <zhangsan@acme-corp.example>", "Subject: a folded \u6807\u9898");
        assertThat(fields.get(1).asciiValue()).isEqualTo("=?UTF-8?B?5byg5LiJ?= <zhangsan@acme-corp.example>");
        assertThat(fields.get(2).asciiValue()).startsWith("a folded =?UTF-8?B?");
    }

    @Test
    void longTextIsSplitIntoWordsOfAtMost75CharactersBetweenCharacters() {
        String text = "\u8d22\u52a1\u90e8\u5173\u4e8e\u5e74\u5ea6\u85aa\u916c\u8c03\u6574\u7684\u901a\u77e5".repeat(6) + "\ud83d\ude00";

        String encoded = RawHeaderFields.encodedWords(text);

        assertThat(encoded.split("\r\n ")).hasSizeGreaterThan(3).allSatisfy(word -> assertThat(word.length()).isLessThanOrEqualTo(75));
        assertThat(EncodedWords.decode(encoded.replace("\r\n ", " "))).isEqualTo(text);
    }
}
