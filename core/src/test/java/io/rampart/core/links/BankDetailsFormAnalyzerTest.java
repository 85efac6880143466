package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;

class BankDetailsFormAnalyzerTest {
    private static ScanReport analyze(String body) {
        String raw = "From: \"Sarah Kim\" <sarah.kim@acme-corp.com>\nTo: staff@acme-corp.com\nSubject: Action needed\n"
            + "Content-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
        ScanReport report = new ScanReport();
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("https://\\S+").matcher(body);
        while (links.find()) {
            report.url(links.group());
        }
        new BankDetailsFormAnalyzer().analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().build(), report);
        return report;
    }

    @Test
    void payDetailsAskedForOnAFormBuilderArePayrollDiversion() {
        ScanReport report = analyze("HR asked me to pass this on: everyone has to re-enter their direct deposit details by "
            + "Friday.\nForm: https://forms.office.com/r/Xy7Kp2LmQa");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(BankDetailsFormAnalyzer.RULE);
            assertThat(finding.score()).isEqualTo(BankDetailsFormAnalyzer.SCORE);
            assertThat(finding.detail()).contains("re-enter their direct deposit details", "forms.office.com");
        });
        assertThat(analyze("请于周五前填写新的工资卡信息：https://www.wjx.cn/vm/abc.aspx").hasRule(BankDetailsFormAnalyzer.RULE))
            .isTrue();
        assertThat(analyze("Update your banking details here: https://docs.google.com/forms/d/e/1FAIpQ/viewform")
            .hasRule(BankDetailsFormAnalyzer.RULE)).isTrue();
    }

    @Test
    void aFormForSomethingElseOrPayDetailsInThePayrollSystemAreNot() {
        assertThat(analyze("Please fill in the lunch survey: https://forms.office.com/r/Lunch2026").findings()).isEmpty();
        assertThat(analyze("Update your direct deposit details in Workday: https://wd5.myworkday.com/acme/d/home.htmld")
            .findings()).isEmpty();
        assertThat(analyze("Update your banking details in the shared doc: https://docs.google.com/document/d/1abc/edit")
            .findings()).as("a document, not a form").isEmpty();
    }
}
