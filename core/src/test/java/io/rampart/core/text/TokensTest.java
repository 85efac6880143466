package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void chineseCharactersAreCjkUnigramsAndBigrams() {
        assertThat(Tokens.words("发票代开")).contains("c:发", "c:票", "b:发票", "b:票代");
    }

    @Test
    void japaneseTextHasItsOwnPrefixSoItsKanjiAreNotJudgedAsChinese() {
        assertThat(Tokens.words("来週の会議の資料をお送りします。ご確認ください。"))
            .contains("jc:会", "jb:会議", "jc:の").noneMatch(token -> token.startsWith("c:") || token.startsWith("b:"));
        // A Chinese advert that borrows a stray の stays Chinese.
        assertThat(Tokens.words("夏季の特价商品，全场五折，欢迎来电咨询订购，厂家直销价格优惠"))
            .contains("c:特", "b:特价").noneMatch(token -> token.startsWith("jc:"));
    }
}
