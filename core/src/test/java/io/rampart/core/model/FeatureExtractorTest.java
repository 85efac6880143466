package io.rampart.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class FeatureExtractorTest {
    private static List<String> features(String raw) {
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        new FeatureExtractor(16).visit(message, Trainer.urls(message), names::add);
        return names;
    }

    @Test
    void shouldNotLearnCollectionArtefacts() {
        List<String> names = features("From: \"Jane Roe via Tools-users\" <jane@lists.example.org>\n"
            + "To: phishing@pot\nDate: Tue, 23 Jun 2020 17:32:23 +0200\n"
            + "Received: from spam-gw.example.edu.cn by mx\nList-Id: <tools.lists.example.org>\n"
            + "X-Mailer: Mailer 2002.1\nSubject: [Tools-users] hello phishing\n\n"
            + "Dear phishing, meeting on 2020-06-23 at 10:30.\n"
            + "_______________________________________________\nTools-users mailing list\n"
            + "http://lists.example.org/mailman/listinfo/tools-users\n");

        assertThat(names).doesNotContain("phishing", "pot", "tools", "jane", "roe", "spam", "gw", "mailer", "2020",
            "u:d:example.org", "listinfo", "mailman");
        assertThat(names).noneMatch(name -> name.contains("2020") || name.startsWith("fn:") || name.startsWith("f:tld"));
        assertThat(names).contains("hello", "meeting");
    }

    @Test
    void theRulesThatFoundSomethingAreFeaturesBesideTheUnitLengthText() {
        ParsedMessage message = new MessageParser().parse(
            "Subject: hello\n\nhello there, see you at the meeting\n".getBytes(StandardCharsets.UTF_8));
        FeatureExtractor extractor = new FeatureExtractor(20);
        FeatureVector text = extractor.vector(message, List.of());
        FeatureVector both = extractor.vector(message, List.of(), List.of("sender.forged-mailer", "text.lure-bulk"));

        assertThat(both.size()).isEqualTo(text.size() + 2);
        int forged = extractor.index("r:sender.forged-mailer");
        for (int i = 0; i < both.size(); i++) {
            if (both.index(i) == forged) {
                assertThat(both.value(i)).isEqualTo(FeatureExtractor.RULE_VALUE);
            }
            if (i > 0) {
                assertThat(both.index(i)).isGreaterThan(both.index(i - 1));
            }
        }
        double textLength = 0;
        for (int i = 0; i < text.size(); i++) {
            textLength += text.value(i) * text.value(i);
        }
        assertThat(textLength).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void onlyRulesThatScoredAndSayWhatTheMessageIsAreFeatures() {
        List<io.rampart.core.analysis.Finding> findings = List.of(
            io.rampart.core.analysis.Finding.of("sender.forged-mailer", 3.0, io.rampart.core.analysis.Category.SPAM, "x"),
            io.rampart.core.analysis.Finding.of("sender.forged-mailer", 0.0, io.rampart.core.analysis.Category.SPAM, "again"),
            io.rampart.core.analysis.Finding.of("model.spam", 4.0, io.rampart.core.analysis.Category.SPAM, "model"),
            io.rampart.core.analysis.Finding.of("scan.budget", 1.0, io.rampart.core.analysis.Category.INFO, "time"),
            io.rampart.core.analysis.Finding.of("link.newly-seen", 1.0, io.rampart.core.analysis.Category.PHISH, "state"),
            io.rampart.core.analysis.Finding.of("sender.brand-consistent", -2.0, io.rampart.core.analysis.Category.HAM, "c"),
            io.rampart.core.analysis.Finding.of("text.lure-bulk", 1.0, io.rampart.core.analysis.Category.SPAM, "bulk"));

        assertThat(FeatureExtractor.ruleFeatures(findings)).containsExactly("sender.forged-mailer", "text.lure-bulk");
    }

    @Test
    void styledLettersAreReadAsTheLettersTheyShow() {
        StringBuilder styled = new StringBuilder();
        "Account locked".codePoints().forEach(c -> styled.appendCodePoint(
            c >= 'A' && c <= 'Z' ? 0x1D5D4 + c - 'A' : c >= 'a' && c <= 'z' ? 0x1D5EE + c - 'a' : c));
        String subject = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
            styled.toString().getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(features("Subject: " + subject + "\nContent-Type: text/plain; charset=utf-8\n\n" + styled))
            .contains("s:account", "s:locked", "account", "locked");
    }

    @Test
    void shouldUseCjkBigramsWithoutSpaces() {
        List<String> names = features("Content-Type: text/plain; charset=utf-8\n\n重新登录");

        assertThat(names).contains("c:重", "b:重新", "b:新登", "b:登录");
    }

    @Test
    void shouldNoticeShoutedWordsAndMarkup() {
        List<String> names = features("Content-Type: text/html\n\n<center><font size=\"5\">Earn money FREE NOW</font></center>");

        assertThat(names).contains("caps:free", "caps:now", "h:center", "h:font-size:5");
        assertThat(names).doesNotContain("caps:earn");
    }

    @Test
    void shouldNameWhichTextPartsTheMessageHas() {
        assertThat(features("Content-Type: text/html\n\n<p>offer</p>")).contains("m:text:html-only");
        assertThat(features("Subject: x\n\nplain words")).contains("m:text:plain-only");
        assertThat(features("Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n"
            + "--b\nContent-Type: text/html\n\n<p>hi</p>\n--b--\n")).contains("m:text:both")
            .doesNotContain("m:text:html-only", "m:text:plain-only");
    }

    @Test
    void shouldDescribeLinksByDomain() {
        List<String> names = features("Subject: x\n\nsee https://login.evil.example.net/a and http://203.0.113.9/b");

        assertThat(names).contains("u:d:example.net", "u:tld:net", "u:ip");
    }
}
