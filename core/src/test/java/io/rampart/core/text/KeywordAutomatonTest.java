package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {
    private static int[] find(String text, String... keywords) {
        KeywordAutomaton.Builder builder = KeywordAutomaton.builder();
        for (String keyword : keywords) {
            builder.add(keyword);
        }
        return builder.build().find(text);
    }

    @Test
    void chineseKeywordShouldMatchInsideTextWithoutSpaces() {
        assertThat(find("请尽快代开发票并汇款", "发票", "汇款")).containsExactly(0, 1);
    }

    @Test
    void spacesInsertedBetweenChineseCharactersShouldNotHideAKeyword() {
        assertThat(find("来自 财 务 部 的通知", "财务部")).containsExactly(0);
    }

    @Test
    void mixedKeywordShouldMatchWithOrWithoutTheSpace() {
        assertThat(find("来自IT支持中心", "IT 支持")).containsExactly(0);
        assertThat(find("from it 支持", "IT支持")).containsExactly(0);
    }

    @Test
    void latinKeywordShouldRespectWordBoundaries() {
        assertThat(find("Hi Chris, see attached", "hr")).isEmpty();
        assertThat(find("Message from HR: update", "hr")).containsExactly(0);
        assertThat(find("请联系HR部门", "hr")).containsExactly(0);
    }

    @Test
    void matchingShouldIgnoreCaseAndFullWidthForms() {
        assertThat(find("ＣＯＮＦＩＤＥＮＴＩＡＬ report", "confidential")).containsExactly(0);
    }

    @Test
    void overlappingKeywordsShouldAllBeFound() {
        assertThat(find("ushers", "he", "she", "his", "hers")).isEmpty();
        assertThat(find("ushers", "ushers", "sher")).containsExactly(0);
        assertThat(find("机密文件泄露", "机密", "机密文件", "文件泄露", "泄露")).containsExactly(0, 1, 2, 3);
    }

    @Test
    void zeroWidthCharactersShouldBeIgnored() {
        assertThat(find("机\u200b密", "机密")).containsExactly(0);
    }
}
