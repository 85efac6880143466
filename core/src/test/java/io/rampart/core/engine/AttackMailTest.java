package io.rampart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;

/**
 * Attacks written here for the purpose, of kinds the corpus has none or few of, that carry little for
 * link or attachment rules to find: with the shipped model and rules each must be stopped. Each was
 * delivered clean (or caught by a hair) before the rule it names; the counterpart of
 * {@link BusinessMailTest}.
 */
class AttackMailTest {
    private static final ScanEngine ENGINE = Analyzers.standardEngine(RampartConfiguration.defaults());
    private static final ScanContext INBOUND = ScanContext.builder().localDomains(ImmutableSet.of("acme-corp.com"))
        .recipients(List.of("bob@acme-corp.com")).build();
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\">"
        + "<a href=\"https://voicemail-listen.pages.dev/?u=bob@acme-corp.com\"><rect width=\"400\" height=\"200\"/>"
        + "<text x=\"20\" y=\"100\" fill=\"white\">Play voice message</text></a></svg>";

    /** Rule that must be among the findings, From, Subject, Content-Type and body. */
    static List<String[]> attacks() {
        return List.of(
            new String[] {"text.bec-request", "\"Dana Boss\" <dana.boss.ceo@gmail.com>", "Quick request", "text/plain",
                "Bob, are you at your desk? I need you to handle a quick task for me. I am in a meeting and can't talk. "
                    + "Reply as soon as you get this.\n\nDana\nSent from my iPhone"},
            new String[] {"text.bec-request", "=?utf-8?b?5p2O5oC7?= <lizong.office@126.com>", "=?utf-8?b?5Zyo5ZCX?=",
                "text/plain", "小王在吗？我现在在开会，不方便接电话。有个急事需要你马上处理一下，收到请尽快回复我的邮件。"},
            new String[] {"text.bec-request", "=?utf-8?b?5byg5Lyf?= <zhangwei.boss@163.com>", "RE: =?utf-8?b?5LuY5qy+?=",
                "text/plain", "小王，我在开会不方便接电话。客户那边急需一笔款项，请马上转账 48,000 元到以下账户，完成后把回单发给我。\n"
                    + "户名：李强\n账号：6222 0212 3456 7890\n开户行：工商银行"},
            new String[] {"text.lure-scam", "=?utf-8?b?6LSi5Yqh6YOo?= <caiwu@hr-notice-gov.cn>",
                "=?utf-8?b?5YWz5LqO5Y+R5pS+5Liq5Lq65Yqz5Yqo6KGl6LS055qE6YCa55+l?=", "text/plain",
                "各位员工：\n根据国家人力资源和社会保障部最新通知，2026年度个人劳动补贴现已开始申领。请于今日内扫描下方二维码或"
                    + "点击链接进行申领，逾期视为自动放弃。\n申领地址：http://gov-butie.cn-gzh.top/sq\n财务部"},
            new String[] {"text.callback", "\"PayPal\" <service@paypal.com>", "Receipt for your payment to McAfee Inc.",
                "text/plain", "Hello Bob,\nYou sent a payment of $499.99 USD to McAfee Inc. for Total Protection 3-year plan.\n"
                    + "If you did not authorize this transaction, call our billing department at +1 (888) 555-0199 to cancel "
                    + "and get a refund.\nThanks for using PayPal.\nhttps://www.paypal.com/myaccount/transactions"},
            new String[] {"svg.link", "\"Voicemail\" <voicemail@vm-notify.net>", "Voice message received (0:42)",
                "multipart/mixed; boundary=\"b\"", "--b\nContent-Type: text/plain\n\nYou have a new voice message. Open the "
                    + "attachment to listen.\n--b\nContent-Type: image/svg+xml\nContent-Disposition: attachment; "
                    + "filename=\"VM_0042.svg\"\n\n" + SVG + "\n--b--"});
    }

    private static final String[] RECEIPT = {"GEEK SQUAD - INVOICE #GS-448120",
        "Total Tech Support, 2-year plan                 $389.99",
        "Your membership has been renewed and charged to your account.",
        "If you did not authorize this charge, call our billing team at +1 (808) 555-0142",
        "within 24 hours to cancel and get a full refund."};

    /** Callback phishing whose lure is all in the attached "receipt" (PDF or Word): the mail itself says nothing. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Receipt_GS-448120.pdf", "Receipt_GS-448120.docx"})
    void aCallbackLureInAnAttachedDocumentIsStopped(String name) {
        byte[] document;
        String type;
        if (name.endsWith(".pdf")) {
            document = io.rampart.core.attachments.Documents.pdfWithText(RECEIPT);
            type = "application/pdf";
        } else {
            StringBuilder body = new StringBuilder("<w:document><w:body>");
            for (String line : RECEIPT) {
                body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line.replace("&", "&amp;"))
                    .append("</w:t></w:r></w:p>");
            }
            document = io.rampart.core.attachments.Documents.ooxml(
                java.util.Map.of("word/document.xml", body.append("</w:body></w:document>").toString()), java.util.Map.of());
            type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        String raw = new String(io.rampart.core.attachments.Fixtures.Mime.mixed("Your receipt #GS-448120")
            .text("Hello,\n\nPlease see the attached receipt for your records.\n\nThanks").attach(type, name, document)
            .build(), StandardCharsets.UTF_8)
            .replace("\"IT Service Desk\" <helpdesk@mailer.example.net>", "\"Billing Team\" <billing.gs.team@gmail.com>");

        Verdict verdict = ENGINE.scan(raw.getBytes(StandardCharsets.UTF_8), INBOUND);

        assertThat(verdict.findings()).filteredOn(f -> f.rule().equals("text.callback")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("+1 (808) 555-0142", "'" + name + "'", "from a free-mail address"));
        assertThat(verdict.verdictClass()).as(verdict.reason()).isEqualTo(VerdictClass.PHISH);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("attacks")
    void anAttackWithLittleToScanIsStopped(String rule, String from, String subject, String type, String body) {
        String raw = "From: " + from + "\nTo: bob@acme-corp.com\nSubject: " + subject
            + "\nDate: Fri, 27 Nov 2026 12:35:19 +0000\nMessage-ID: <a1@example.net>\nMIME-Version: 1.0\n"
            + "Content-Type: " + type + "; charset=utf-8\n\n" + body + "\n";

        Verdict verdict = ENGINE.scan(raw.getBytes(StandardCharsets.UTF_8), INBOUND);

        assertThat(verdict.rules()).as(verdict.reason()).contains(rule);
        if (body.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            // Known limit since stop 29: the corpus's Chinese unwanted mail is all spam, so the model calls Chinese
            // lures spam, and since it reads the rules' findings it weighs enough to give the class (stopped either way).
            assertThat(verdict.verdictClass()).as(verdict.reason()).isIn(VerdictClass.PHISH, VerdictClass.SPAM);
        } else {
            assertThat(verdict.verdictClass()).as(verdict.reason()).isEqualTo(VerdictClass.PHISH);
        }
    }

    /**
     * Cold advertising dressed as a person's mail: Outlook Express named as the program but none of its
     * headers, from a free-mail address that did not sign it. The model gives it little (3.9).
     */
    @org.junit.jupiter.api.Test
    void bulkMailForgingAMailProgramIsStopped() {
        String raw = "From: \"Lily Wang\" <lily.sales@gmail.com>\nTo: bob@acme-corp.com\n"
            + "Subject: Best price LED lights for your company\nDate: Fri, 27 Nov 2026 10:00:00 +0800\n"
            + "X-Mailer: Microsoft Outlook Express 6.00.2800.1158\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            + "Dear purchasing manager,\n\nWe produce LED panel lights with good quality and competitive price. Our factory "
            + "has 15 years experience and exports to 50 countries. Samples available. Please contact us for the catalogue."
            + "\n\nBest regards,\nLily\n";

        Verdict verdict = ENGINE.scan(raw.getBytes(StandardCharsets.UTF_8), INBOUND);

        assertThat(verdict.rules()).as(verdict.reason()).contains("sender.forged-mailer", "sender.unsigned-free-mail");
        assertThat(verdict.verdictClass()).as(verdict.reason()).isEqualTo(VerdictClass.SPAM);
    }
}
