package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexPrefilterTest {
    @Test
    void longestRequiredLiteralShouldBeFound() {
        assertThat(RegexPrefilter.requiredLiteral("(?i)invoice\\s*#?\\d{6}")).contains("invoice");
        assertThat(RegexPrefilter.requiredLiteral("(?:工号|employee\\s*id)[:：]?\\s*12345")).contains("12345");
        assertThat(RegexPrefilter.requiredLiteral("\\b\\d{4}-\\d{4}-\\d{4}\\b")).contains("-");
        assertThat(RegexPrefilter.requiredLiteral("代开发票\\d+")).contains("代开发票");
        assertThat(RegexPrefilter.requiredLiteral("Secret")).contains("secret");
    }

    @Test
    void quantifiedCharactersShouldNotBeRequired() {
        assertThat(RegexPrefilter.requiredLiteral("colou?r")).contains("colo");
        assertThat(RegexPrefilter.requiredLiteral("ab*c")).contains("a");
        assertThat(RegexPrefilter.requiredLiteral("x{2}abc")).contains("abc");
        assertThat(RegexPrefilter.requiredLiteral("\\.?pdf")).contains("pdf");
    }

    @Test
    void unsafePatternsShouldHaveNoPrefilter() {
        assertThat(RegexPrefilter.requiredLiteral("foo|bar")).isEmpty();
        assertThat(RegexPrefilter.requiredLiteral("\\x41bc")).isEmpty();
        assertThat(RegexPrefilter.requiredLiteral("(a)\\1")).isEmpty();
        assertThat(RegexPrefilter.requiredLiteral("(?x) a b c")).isEmpty();
        assertThat(RegexPrefilter.requiredLiteral("\\Qa.b\\E")).isEmpty();
        assertThat(RegexPrefilter.requiredLiteral("[abc]+\\d")).isEmpty();
    }

    @Test
    void characterClassesShouldNotLeakIntoLiterals() {
        assertThat(RegexPrefilter.requiredLiteral("[x\\]y]+tail")).contains("tail");
        assertThat(RegexPrefilter.requiredLiteral("head[a-z]")).contains("head");
    }

    @Test
    void foldingShouldMakeCaseInsensitiveMatchesEqual() {
        assertThat(RegexPrefilter.fold("INVOICE ſ K")).isEqualTo(RegexPrefilter.fold("invoice s k"));
    }
}
