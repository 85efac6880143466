package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;

class InvoiceOfferAnalyzerTest {
    private static ScanReport analyze(String subject, String body) {
        String mail = "From: a@trade.example\nTo: b@acme-corp.cn\nSubject: " + subject
            + "\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
        ScanReport report = new ScanReport();
        new InvoiceOfferAnalyzer().analyze(new MessageParser().parse(mail.getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().localDomains(ImmutableSet.of("acme-corp.cn")).build(), report);
        return report;
    }

    @Test
    void anOfferToIssueInvoicesIsSpam() {
        ScanReport report = analyze("优惠代开发票！", "贵公司负责人：本公司可优惠代开各类发票（商品销售、广告、运输），点数较低，验证后付款。");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("text.invoice-offer");
            assertThat(finding.category()).isEqualTo(Category.SPAM);
            assertThat(finding.score()).isEqualTo(InvoiceOfferAnalyzer.SCORE);
            assertThat(finding.detail()).contains("代开发票");
        });
        assertThat(analyze("业务合作", "我司有部分增值税发票2%左右优惠代 开或合作。").hasRule("text.invoice-offer"))
            .as("a space slipped into the words").isTrue();
        assertThat(analyze("你好", "各类普通发票，票点优惠，欢迎来电。").hasRule("text.invoice-offer")).as("a commission in points")
            .isTrue();
    }

    @Test
    void warningsNewsAndTheTaxOfficesOwnServiceAreNoOffer() {
        for (String text : new String[] {"谨防代开发票诈骗，请通过正规渠道开具。", "严禁虚开、代开发票，一经查处从重处罚。",
            "个人可持身份证向税务机关申请代开发票。", "自然人发票可向主管税务局申请代开。",
            "近期有不法分子冒充代理机构，以“代开发票、税点优惠”为名群发邮件。",
            "您的电子发票已开具，金额 1,280.00 元，税率 6%。", "本月积分点数已更新，请查收。"}) {
            assertThat(analyze("通知", text).findings()).as(text).isEmpty();
        }
    }
}
