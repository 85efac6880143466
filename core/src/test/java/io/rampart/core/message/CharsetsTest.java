package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static final String KOREAN = "바쁜 현대인을 위한 온라인 학사취득안내! 학위를 취득하면 일반 4년제 대학과 동등한 조건의 "
        + "대우를 받습니다. 대학원 진학이 가능하고 학사 편입도 가능합니다. 지금 신청하시면 자세한 자료를 보내드립니다.";
    private static final String SIMPLIFIED = "您好：我公司出售无线终端电话机，北京市话可以无限打，每月包月费用一百元。"
        + "如果有意者我们可以上门为您安装调试，欢迎来电咨询，联系人戴先生。";
    private static final String TRADITIONAL = "各位同學好，這個學期的課程時間有變動，請大家注意。上課的教室改在新大樓三樓，"
        + "有問題請來電話或者到辦公室問我們，謝謝大家的合作。";

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    @Test
    void westernTextWithStrayWindows1252BytesIsNotReadAsChinese() {
        // A no-break space and a dash before letters, no charset: GB18030 would read "\u00a0M" as one character.
        byte[] lone = "From: enenkio@webtv.net (Robert\u00a0Moore), thirty\u2014three years later\u00a0Today"
            .getBytes(Charset.forName("windows-1252"));
        assertThat(Charsets.decode(lone, null).text())
            .isEqualTo("From: enenkio@webtv.net (Robert\u00a0Moore), thirty\u2014three years later\u00a0Today");

        // Mostly UTF-8 with one stray windows-1252 byte: each read as what it is.
        byte[] utf8 = "\u00bb Forum \u00bb News \u00bb caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = new byte[utf8.length + 7];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(new byte[] {'t', (byte) 0xA0, 'M', 'o', 'o', 'r', 'e'}, 0, mixed, utf8.length, 7);
        Charsets.Decoded decoded = Charsets.decode(mixed, null);
        assertThat(decoded.text()).isEqualTo("\u00bb Forum \u00bb News \u00bb caf\u00e9 t\u00a0Moore");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);

        // Real Chinese in GBK still reads as Chinese; so does a run of stray bytes that is not UTF-8.
        assertThat(Charsets.decode(bytes(SIMPLIFIED, "GB18030"), null).text()).isEqualTo(SIMPLIFIED);
        assertThat(Charsets.mostlyUtf8(bytes(SIMPLIFIED, "GB18030"))).isEmpty();
    }

    @Test
    void koreanMailLabelledOrGuessedAsChineseIsReadAsKorean() {
        Charsets.Decoded labelled = Charsets.decode(bytes(KOREAN, "x-windows-949"), "gb2312");
        assertThat(labelled.text()).isEqualTo(KOREAN);
        Charsets.Decoded unlabelled = Charsets.decode(bytes(KOREAN, "x-windows-949"), null);
        assertThat(unlabelled.text()).isEqualTo(KOREAN);
    }

    @Test
    void big5LabelledGb2312IsReadAsBig5() {
        assertThat(Charsets.decode(bytes(TRADITIONAL, "Big5"), "gb2312").text()).isEqualTo(TRADITIONAL);
    }

    @Test
    void correctlyLabelledChineseKeepsItsLabel() {
        Charsets.Decoded simplified = Charsets.decode(bytes(SIMPLIFIED, "GB18030"), "gb2312");
        assertThat(simplified.text()).isEqualTo(SIMPLIFIED);
        assertThat(simplified.charset().name()).isEqualTo("GB18030");
        assertThat(Charsets.decode(bytes(TRADITIONAL, "Big5"), "big5").text()).isEqualTo(TRADITIONAL);
        assertThat(Charsets.decode(bytes(SIMPLIFIED, "GB18030"), null).text()).isEqualTo(SIMPLIFIED);
        // Too short to judge: the label is trusted.
        String shortText = "芙蓉姐姐";
        assertThat(Charsets.decode(bytes(shortText, "GB18030"), "gb2312").text()).isEqualTo(shortText);
        assertThat(Charsets.decode("plain ascii".getBytes(StandardCharsets.US_ASCII), "gb2312").text())
            .isEqualTo("plain ascii");
    }

    @Test
    void unlabelledWesternTextWhoseAccentsPrecedeLettersIsNotTakenForChinese() {
        // Turkish in Windows-1254: nearly every accented byte is followed by an ASCII letter, the byte
        // shape of GBK/Big5 pairs; decoded as Chinese it is a soup of rare characters.
        String turkish = "Değerli kullanıcımız, programımız çeşitli aksaklıklar sebebi ile kullanılamaz hale gelmiştir. "
            + "Yeni bir program hazırlamak zorunda kaldık; aşağıdaki linki kullanarak indirebilirsiniz. Programı biz "
            + "virüs kontrolünden geçirmiş bulunmaktayız. Bu yeni versiyonda çok daha ayrıcalıklı özellikler var.";
        Charsets.Decoded decoded = Charsets.decode(bytes(turkish, "windows-1254"), null);
        assertThat(decoded.text()).doesNotContainPattern("[\\u4e00-\\u9fff]").contains("kullan", "program");
        // With the label it is read exactly.
        assertThat(Charsets.decode(bytes(turkish, "windows-1254"), "windows-1254").text()).isEqualTo(turkish);
    }

    @Test
    void anHtmlMetaCharsetIsFoundAndOnlyAKnownOneIsReturned() {
        assertThat(Charsets.htmlDeclared("<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1254\">"
            .getBytes(StandardCharsets.US_ASCII))).contains("windows-1254");
        assertThat(Charsets.htmlDeclared("<meta charset='gb2312'>".getBytes(StandardCharsets.US_ASCII))).contains("gb2312");
        assertThat(Charsets.htmlDeclared("<meta charset=\"x-no-such\">".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Charsets.htmlDeclared("<p>charset=utf-8 is in the text, not in a meta tag</p>"
            .getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Charsets.isUninformative(null)).isTrue();
        assertThat(Charsets.isUninformative("us-ascii")).isTrue();
        assertThat(Charsets.isUninformative("x-no-such")).isTrue();
        assertThat(Charsets.isUninformative("gb2312")).isFalse();
    }

    /** Random bytes under any label, and Korean text cut mid-character, decode to something: never an exception. */
    @Test
    void anyBytesDecodeWithoutThrowing() {
        java.util.Random random = new java.util.Random(4);
        String[] labels = {"gb2312", "big5", "euc-kr", "utf-8", "iso-8859-1", "x-unknown", null, "\"gbk\""};
        byte[] korean = bytes(KOREAN, "x-windows-949");
        for (int n = 0; n < 3_000; n++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            assertThat(Charsets.decode(data, labels[random.nextInt(labels.length)]).text()).isNotNull();
            byte[] cut = java.util.Arrays.copyOf(korean, random.nextInt(korean.length + 1));
            assertThat(Charsets.decode(cut, "gb2312").text()).isNotNull();
        }
    }
}
