package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class LinksAnalyzerTest {
    private static final ScanContext CONTEXT = ScanContext.builder().localDomains(ImmutableSet.of("example.com")).build();

    private static ScanReport analyze(String raw, int maxUrls) {
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        ScanReport report = new ScanReport();
        new LinksAnalyzer(LinkAnalysis.defaults(), maxUrls).analyze(message, CONTEXT, report);
        return report;
    }

    @Test
    void shouldReportEveryUrlFromHtmlAndText() {
        ScanReport report = analyze("Subject: links\nContent-Type: text/html\n\n"
            + "<a href=\"https://a.example.org/1\">one</a><img src=\"https://img.example.org/p.png\">"
            + "<form action=\"https://forms.example.org/post\"></form>"
            + "<meta http-equiv=\"refresh\" content=\"0; url=https://next.example.org/\">"
            + "<p>visit hxxp://defanged[.]example[.]net/path today</p>", 100);

        assertThat(report.urls()).contains("https://a.example.org/1", "https://img.example.org/p.png",
            "https://forms.example.org/post", "https://next.example.org/", "http://defanged.example.net/path");
        assertThat(report.hasRule("link.meta-refresh")).isTrue();
    }

    @Test
    void shouldFlagCredentialFormAndMismatchedLinkText() {
        ScanReport report = analyze("Subject: verify\nContent-Type: text/html\n\n"
            + "<a href=\"http://login.evil-site.net/\">https://www.example.com/login</a>"
            + "<form action=\"http://login.evil-site.net/post\"><input type=password name=p></form>", 100);

        assertThat(report.hasRule("link.credential-form")).isTrue();
        assertThat(report.hasRule("link.text-mismatch")).isTrue();
    }

    @Test
    void shouldScoreARuleOnlyOncePerMessage() {
        StringBuilder html = new StringBuilder("Subject: many\nContent-Type: text/html\n\n");
        for (int i = 0; i < 10; i++) {
            html.append("<a href=\"https://bit.ly/x").append(i).append("\">link</a>");
        }
        ScanReport report = analyze(html.toString(), 100);

        assertThat(report.findings().stream().filter(f -> f.rule().equals("link.shortener"))
            .mapToDouble(Finding::score).sum()).isEqualTo(LinkAnalysis.SHORTENER_SCORE);
    }

    @Test
    void shouldRecordIncompleteScanWhenUrlCapIsHit() {
        StringBuilder text = new StringBuilder("Subject: many\n\n");
        for (int i = 0; i < 20; i++) {
            text.append("https://site").append(i).append(".example.org/ ");
        }
        ScanReport report = analyze(text.toString(), 5);

        assertThat(report.urls()).hasSize(5);
        assertThat(report.incompleteReasons()).anyMatch(reason -> reason.contains("more than 5"));
    }

    @Test
    void shouldFlagScriptRedirect() {
        ScanReport report = analyze("Subject: go\nContent-Type: text/html\n\n"
            + "<script>window.location=\"http://www.redirect-target.example.net/index.php\";</script>", 100);

        assertThat(report.hasRule("link.script-redirect")).isTrue();
        assertThat(report.urls()).contains("http://www.redirect-target.example.net/index.php");
    }
}
