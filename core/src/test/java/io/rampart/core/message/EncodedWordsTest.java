package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {
    private static String b(String charset, byte[] bytes) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    @Test
    void aCharacterSplitBetweenTwoWordsIsReadWhole() {
        byte[] gbk = bytes("坐垫。", "GBK");
        String split = b("gb2312", Arrays.copyOfRange(gbk, 0, 3)) + "\r\n " + b("gb2312", Arrays.copyOfRange(gbk, 3, gbk.length));
        assertThat(EncodedWords.decode("羊绒 " + split)).isEqualTo("羊绒 坐垫。");
    }

    @Test
    void gbkCharactersUnderAGb2312LabelAndKoreanUnderAChineseLabelAreRead() {
        assertThat(EncodedWords.decode(b("gb2312", bytes("张艺谋——《嫪毐传奇》", "GBK")))).isEqualTo("张艺谋——《嫪毐传奇》");
        assertThat(EncodedWords.decode(b("gb2312", bytes("브라운형 면도기 싸게 사세요", "x-windows-949"))))
            .isEqualTo("브라운형 면도기 싸게 사세요");
        assertThat(EncodedWords.decode(b("gb2312", bytes("关于联欢节目的一点想法", "GBK")))).isEqualTo("关于联欢节目的一点想法");
    }

    @Test
    void whatBulkToolsWriteIsToleratedAndAWesternLabelIsTrusted() {
        assertThat(EncodedWords.decode("=?GB2312?Q?Re: Re: =C4=DC=B0=EF=CE=D2?=")).isEqualTo("Re: Re: 能帮我");
        assertThat(EncodedWords.decode("=?UTF-8?B?UG9zc2libGUu==?=")).as("padding that was not due").isEqualTo("Possible.");
        assertThat(EncodedWords.decode("=?UTF-8?B?UG9zc2li bGUu?=")).as("a space a broken fold left").isEqualTo("Possible.");
        assertThat(EncodedWords.decode(b("iso-8859-1", bytes("Notificação", "ISO-8859-1")))).isEqualTo("Notificação");
        assertThat(EncodedWords.decode("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=")).isEqualTo("日本語");
        assertThat(EncodedWords.decode("=?utf-8*en?Q?caf=C3=A9_au_lait?=")).isEqualTo("café au lait");
    }

    @Test
    void textAroundWordsStaysAndABrokenWordIsLeftAsWritten() {
        assertThat(EncodedWords.decode("Re: =?UTF-8?Q?caf=C3=A9?= =?UTF-8?Q?_noir?= today")).isEqualTo("Re: café noir today");
        assertThat(EncodedWords.decode("Hello =?UTF-8?B?***?= there")).isEqualTo("Hello =?UTF-8?B?***?= there");
        assertThat(EncodedWords.decode("no words at all")).isEqualTo("no words at all");
        assertThat(EncodedWords.decode(null)).isNull();
    }
}
