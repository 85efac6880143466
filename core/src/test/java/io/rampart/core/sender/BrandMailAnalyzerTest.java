package io.rampart.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.verdict.Verdict;

class BrandMailAnalyzerTest {
    private static final ScanEngine ENGINE = io.rampart.core.engine.Analyzers.standardEngine(
        io.rampart.core.config.RampartConfiguration.defaults());

    private static Verdict scan(String from, String body) {
        return scan(from, "text/plain", body);
    }

    private static Verdict scan(String from, String type, String body) {
        String raw = "From: " + from + "\nTo: bob@acme-corp.com\nDate: Fri, 27 Nov 2026 09:00:00 +0000\nSubject: Your order #112-3456789\nContent-Type: " + type
            + "\n\n" + body + "\n";
        return ENGINE.scan(raw.getBytes(StandardCharsets.UTF_8), ScanContext.builder().build());
    }

    @Test
    void aBrandsOwnMailLinkingOnlyBackToTheBrandGetsTheCredit() {
        Verdict verdict = scan("\"Amazon.com\" <auto-confirm@amazon.com>",
            "Thank you for shopping with us. View or manage order: https://www.amazon.com/gp/css/order-details?orderID=1 "
                + "and https://smile.amazon.co.uk/help");

        assertThat(verdict.rules()).contains(BrandMailAnalyzer.RULE);
    }

    @Test
    void aBrandsOwnNoticeCarryingALureToAPageOnTheBrandsFreeHostingIsFlagged() {
        // The 2025 DKIM replay: Google's own signed notice, the "case materials" on sites.google.com.
        Verdict replay = scan("\"Google\" <no-reply@accounts.google.com>", "A subpoena has been served on Google LLC "
            + "requiring the production of a copy of the content stored in your Google Account. To view the case materials, "
            + "visit https://sites.google.com/view/legal-support-case-25-1187/home");

        assertThat(replay.rules()).contains(BrandMailAnalyzer.USER_CONTENT_RULE, "text.lure-legal", "link.free-hosting")
            .doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(replay.findings()).filteredOn(f -> f.rule().equals(BrandMailAnalyzer.USER_CONTENT_RULE)).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("accounts.google.com", "sites.google.com"));
        assertThat(scan("\"Maria Lopez (via Google Sites)\" <sites-noreply@google.com>", "Maria Lopez has shared a site "
            + "with you: Q1 campaign. Open https://sites.google.com/view/q1-campaign/home").rules())
            .as("a share with no lure").doesNotContain(BrandMailAnalyzer.USER_CONTENT_RULE);
        assertThat(scan("\"Google\" <no-reply@accounts.google.com>", "Unusual sign-in activity on your account. Check "
            + "it at https://myaccount.google.com/notifications").rules())
            .as("a lure to the brand's own account pages").doesNotContain(BrandMailAnalyzer.USER_CONTENT_RULE)
            .contains(BrandMailAnalyzer.RULE);
        assertThat(scan("\"Google Security\" <security@google-legal-notice.com>", "A subpoena has been served. Visit "
            + "https://sites.google.com/view/legal-support/home").rules())
            .as("not the brand's own mail: free hosting and the lure say it").doesNotContain(BrandMailAnalyzer.USER_CONTENT_RULE);
    }

    @Test
    void aBrandsNameFromElsewhereWithAnAccountLureIsBrandPhishingsWholeShape() {
        Verdict lure = scan("\"Microsoft Outlook\" <outlook-notify@mso-notification-center.com>", "Your mailbox has 4 "
            + "undelivered messages. Deliver messages now: https://mso-notification-center.com/deliver");

        assertThat(lure.findings()).filteredOn(f -> f.rule().equals(BrandMailAnalyzer.BRAND_LURE_RULE)).singleElement()
            .satisfies(f -> {
                assertThat(f.score()).isEqualTo(BrandMailAnalyzer.BRAND_LURE_SCORE);
                assertThat(f.detail()).contains("threatens account suspension or loss of mail");
            });
        assertThat(lure.rules()).contains("sender.brand-name", "text.lure-suspension");
        assertThat(scan("\"Microsoft Outlook\" <outlook-notify@mso-notification-center.com>", "Our December webinar on "
            + "Outlook add-ins: https://mso-notification-center.com/webinar").rules())
            .as("the brand's name without a lure").contains("sender.brand-name").doesNotContain(BrandMailAnalyzer.BRAND_LURE_RULE);
        assertThat(scan("\"Microsoft Outlook\" <no-reply@microsoft.com>", "Your mailbox has 4 undelivered messages. "
            + "See https://outlook.office.com/mail").rules())
            .as("the brand's own domain").doesNotContain(BrandMailAnalyzer.BRAND_LURE_RULE);
    }

    @Test
    void aWorkspaceServiceLinkingOnlyToTheOrganisationsOwnWorkspaceGetsIt() {
        ScanContext acme = ScanContext.builder().localDomains(java.util.Set.of("acme-corp.com")).build();
        String notice = "From: Okta <noreply@okta.com>\nTo: bob@acme-corp.com\nDate: Fri, 27 Nov 2026 09:00:00 +0000\nSubject: Account password reset\n\n"
            + "A password reset request was made for your Okta account. Reset Password: %s\nhttps://www.okta.com/privacy\n";
        java.util.function.Function<String, Verdict> scan = link -> ENGINE.scan(
            String.format(notice, link).getBytes(StandardCharsets.UTF_8), acme);

        assertThat(scan.apply("https://acme-corp.okta.com/signin/reset-password/abc123").rules())
            .contains("text.lure-credentials", BrandMailAnalyzer.RULE);
        assertThat(scan.apply("https://acme-corp-sso.okta.com/signin/reset-password/abc123").rules())
            .as("anyone can open a workspace with more words in its name").doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(ENGINE.scan(String.format(notice, "https://acme-corp.okta.com/signin").getBytes(StandardCharsets.UTF_8),
            ScanContext.builder().build()).rules()).as("whose workspace it is needs the local domains")
            .doesNotContain(BrandMailAnalyzer.RULE);
    }

    @Test
    void aGovernmentsOwnNoticeLinkingOnlyToGovernmentSitesGetsIt() {
        assertThat(scan("\"ANTAI\" <ne-pas-repondre@antai.gouv.fr>", "Un avis de contravention est disponible sur "
            + "https://www.antai.gouv.fr et https://franceconnect.gouv.fr").findings())
            .filteredOn(f -> f.rule().equals(BrandMailAnalyzer.RULE)).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("government domains"));
        assertThat(scan("\"ANTAI\" <ne-pas-repondre@antai.gouv.fr>", "Réglez votre amende: https://antai-paiement.example.fr")
            .rules()).as("a link elsewhere").doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"IRS\" <refunds@irs-gov.example.com>", "Claim your refund: https://www.irs.gov/refunds").rules())
            .as("not a government's domain").doesNotContain(BrandMailAnalyzer.RULE);
    }

    @Test
    void aSecurityNoticesWordingDoesNotWithdrawIt() {
        Verdict verdict = scan("\"Microsoft account team\" <account-security-noreply@accountprotection.microsoft.com>",
            "We detected unusual sign-in activity on your account. Review recent activity: https://account.live.com/activity");

        assertThat(verdict.rules()).contains("text.lure-credentials", BrandMailAnalyzer.RULE);
    }

    @Test
    void anyOtherLinkFreeMailOrAnotherFindingWithdrawsIt() {
        assertThat(scan("\"Amazon.com\" <auto-confirm@amazon.com>",
            "View or manage order: https://www.amazon.com/gp/css/order-details and https://amazon-orders.example.net/x").rules())
            .doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"Google\" <someone@gmail.com>", "See https://www.google.com/search?q=x").rules())
            .as("anyone writes from gmail.com").doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"eBay\" <aw-confirm@ebay.com>", "Failure to update your billing records will result in "
            + "account termination: http://cgi4.ebay.com/ws/eBayISAPI.dll?RedirectToDomain&DomainUrl=http%3A%2F%2Fupdate-center.example.net")
            .rules()).as("a brand's own redirect to another site").contains("link.open-redirect")
            .doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"PayPal\" <service@paypal.com>", "You sent a payment of $499.99 USD to McAfee Inc. If you did not "
            + "authorize this transaction, call our billing department at +1 (888) 555-0199. https://www.paypal.com/myaccount").rules())
            .as("a callback scam needs no link of its own").doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"PayPal\" <service@paypal.com>", "Questions? Call 888-555-0199 or see https://www.paypal.com/help")
            .rules()).doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"Tim Peters\" <tim.one@comcast.net>", "See https://www.xfinity.com/support").rules())
            .as("an internet provider's mailboxes are its customers'").doesNotContain(BrandMailAnalyzer.RULE);
    }

    @Test
    void paymentWordingWithdrawsItOnlyWithWhereToPay() {
        assertThat(scan("\"中通快递\" <finance@zto.com>", "贵司11月运费对账单已生成，运费合计18,640.00元，请于12月10日前核对，"
            + "如无异议请按合同约定付款。详情：https://www.zto.com").rules())
            .contains("text.lure-payment", BrandMailAnalyzer.RULE);
        assertThat(scan("\"中通快递\" <finance@zto.com>", "贵司运费逾期未付，请立即付款，转账至以下账户：6222 0210 0112 3456，"
            + "户名：上海某某物流有限公司。详情：https://www.zto.com").rules())
            .as("where the money is to go").contains("text.lure-payment").doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"PayPal\" <service@paypal.com>", "Please make a wire transfer of the unpaid invoice amount to "
            + "account number 55120091 today. https://www.paypal.com/myaccount").rules())
            .contains("text.lure-payment").doesNotContain(BrandMailAnalyzer.RULE);
    }

    @Test
    void aBrandsMailWithNoLinkNumberOrFileGetsItButNotWithRepliesGoingElsewhere() {
        // 建设银行's anti-fraud tips: the model alone read them as phishing (5.48).
        Verdict tips = scan("\"中国建设银行\" <service@ccb.com>", "近期不法分子冒充银行客服，诱导客户点击链接并输入银行卡号、密码和验证码。"
            + "建设银行提醒您：切勿点击不明链接，切勿向任何人透露验证码。");
        assertThat(tips.findings()).filteredOn(f -> f.rule().equals(BrandMailAnalyzer.RULE)).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("no link"));
        String replyElsewhere = "From: \"Amazon.com\" <auto-confirm@amazon.com>\nReply-To: amazon.refunds@gmail.com\n"
            + "To: bob@acme-corp.com\nDate: Fri, 27 Nov 2026 09:00:00 +0000\nSubject: Refund\n\nReply with your card number to get "
            + "your refund.\n";
        assertThat(ENGINE.scan(replyElsewhere.getBytes(StandardCharsets.UTF_8), ScanContext.builder().build()).rules())
            .contains("sender.reply-to-divergence").doesNotContain(BrandMailAnalyzer.RULE);
        assertThat(scan("\"Tim Peters\" <tim.one@comcast.net>", "Thanks, the patch works for me.").rules())
            .doesNotContain(BrandMailAnalyzer.RULE);
    }

    @Test
    void anAttachmentOtherThanAPictureWithdrawsIt() {
        String multipart = "--b\nContent-Type: text/plain\n\nYour invoice: https://www.amazon.com/gp/invoice\n--b\n"
            + "Content-Type: application/zip; name=\"invoice.zip\"\nContent-Disposition: attachment; filename=\"invoice.zip\"\n"
            + "Content-Transfer-Encoding: base64\n\nUEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\n--b--";
        assertThat(scan("\"Amazon.com\" <auto-confirm@amazon.com>", "multipart/mixed; boundary=\"b\"", multipart).rules())
            .doesNotContain(BrandMailAnalyzer.RULE);
    }

    @Test
    void itRunsAfterTheAnalyzersWhoseFindingsItReads() {
        ScanReport report = new ScanReport();
        report.url("https://www.amazon.com/gp/css/order-details");
        report.add("sender.reply-to-divergence", 1.5, io.rampart.core.analysis.Category.PHISH, "replies go elsewhere");
        new BrandMailAnalyzer().analyze(new io.rampart.core.message.MessageParser().parse(
            "From: auto-confirm@amazon.com\n\nx\n".getBytes(StandardCharsets.UTF_8)), ScanContext.builder().build(), report);
        assertThat(report.findings()).extracting(f -> f.rule()).containsExactly("sender.reply-to-divergence");
    }
}
