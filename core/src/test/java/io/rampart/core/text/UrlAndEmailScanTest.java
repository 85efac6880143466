package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The shortcuts give exactly what the regular expressions give on their own. */
class UrlAndEmailScanTest {
    private static final String[] PIECES = {"see", "http://a.example/x", "https://b.example", "hxxps[:]//evil.test/p",
        "www.c.example", "WWW.D.EXAMPLE/q", "xhttps://not.boundary", "ftp://f.example", "//", "www", "wwwx", "a@b.c",
        "first.last@sub.example.org", "@", "x@", "@y", "a@@b", "o'neil+tag@ex-ample.com.", "é", "日本", "http:/x",
        "(https://paren.example)", "\"www.quoted.example\"", "  ", "\n", ".", "-", "_", "hxxp://", "[.]"};

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(30);
        for (int i = 0; i < words; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return text.toString();
    }

    private static List<String> regexMatches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + ":" + matcher.group());
        }
        return found;
    }

    @Test
    void urlScanShouldFindWhatFindFinds() throws Exception {
        java.lang.reflect.Field field = io.rampart.core.links.UrlExtractor.class.getDeclaredField("TEXT_URL");
        field.setAccessible(true);
        List<Pattern> patterns = List.of((Pattern) field.get(null),
            Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+"), Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+"));
        Random random = new Random(11);
        int compared = 0;
        for (int n = 0; n < 5_000; n++) {
            String text = text(random);
            for (Pattern pattern : patterns) {
                List<String> expected = regexMatches(pattern, text);
                List<String> actual = new ArrayList<>();
                UrlScan.findAll(pattern, text, matcher -> actual.add(matcher.start() + ":" + matcher.group()));
                assertThat(actual).as(pattern + " on " + text).containsExactlyElementsOf(expected);
                assertThat(UrlScan.replaceAll(pattern, text, " ")).isEqualTo(pattern.matcher(text).replaceAll(" "));
                compared += expected.size();
            }
        }
        assertThat(compared).as("the random texts must hold URLs").isGreaterThan(10_000);
    }

    @Test
    void maskEmailsShouldReplaceWhatTheRegularExpressionMatches() {
        Random random = new Random(5);
        int masked = 0;
        for (int n = 0; n < 5_000; n++) {
            String text = text(random);
            String expected = Tokens.EMAIL.matcher(text).replaceAll(" emailaddr ");
            assertThat(Tokens.maskEmails(text)).as(text).isEqualTo(expected);
            if (!expected.equals(text)) {
                masked++;
            }
        }
        assertThat(masked).isGreaterThan(1_000);
        assertThat(Tokens.maskEmails("write to first.last@sub.example.org.")).isEqualTo("write to  emailaddr .");
    }
}
