package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.UrlExtractor;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class FraudRequestAnalyzerTest {
    private static final ScanContext ACME = ScanContext.builder()
        .localDomains(java.util.Set.of("acme-corp.com")).build();

    private static List<Finding> analyze(String headers, String body) {
        return analyze(headers, "text/plain; charset=utf-8", body);
    }

    private static List<Finding> analyze(String headers, String type, String body) {
        String raw = headers + "\nTo: bob@acme-corp.com\nContent-Type: " + type + "\n\n" + body + "\n";
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        ScanReport report = new ScanReport();
        // The links analyzer runs first in the chain and reports every URL it found.
        UrlExtractor.extract(message, 50).forEach(link -> report.url(link.raw()));
        new FraudRequestAnalyzer().analyze(message, ACME, report);
        return report.findings();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).collect(Collectors.toList());
    }

    @Test
    void aBossWritingFromFreeMailWithAPretextAndARequestIsBec() {
        List<Finding> findings = analyze("From: \"Dana Boss\" <dana.boss.ceo@gmail.com>\nSubject: Quick request",
            "Bob, are you at your desk? I need you to handle a quick task for me. I am in a meeting and can't talk.\n\nDana\n"
                + "Sent from my iPhone");

        assertThat(rules(findings)).containsExactly("text.bec-request");
        assertThat(findings.get(0).score()).isEqualTo(FraudRequestAnalyzer.BEC_SCORE);
        assertThat(findings.get(0).detail()).contains("dana.boss.ceo@gmail.com", "i am in a meeting");
    }

    @Test
    void giftCardsAPayrollChangeOrAPrivateNumberNeedNoPretext() {
        assertThat(rules(analyze("From: \"Bob Smith\" <bob.smith.personal@outlook.com>\nSubject: Direct deposit change",
            "Hello HR, I recently changed my bank and would like to update my direct deposit information before the next "
                + "payroll. Please let me know what details you need. Thanks, Bob")))
            .containsExactly("text.bec-request");
        assertThat(rules(analyze("From: \"Alice Wong\" <alice.wong.acme@gmail.com>\nSubject: Direct deposit update",
            "Hi, I recently switched banks and would like my salary paid into the new account from this month's payroll. "
                + "Can you update it before the next pay run? Thanks, Alice")))
            .as("payroll diversion told as news").containsExactly("text.bec-request");
        assertThat(rules(analyze("From: \"Alice Wong\" <alice.wong.acme@gmail.com>\nSubject: bank",
            "Hi, I have changed banks. Please use my new details for this month's salary. Alice")))
            .as("a change of bank beside the pay").containsExactly("text.bec-request");
        assertThat(rules(analyze("From: \"Tom\" <tom.baker77@gmail.com>\nSubject: fees",
            "We switched banks last year and the fees are much lower now, you should look at it.")))
            .as("a change of bank with no pay to divert").isEmpty();
        assertThat(rules(analyze("From: \"Dana\" <dana.k@yahoo.com>\nSubject: Hi",
            "I need you to purchase some Apple gift cards for a client today. I will reimburse you.")))
            .containsExactly("text.bec-request");
        assertThat(rules(analyze("From: \"Dana\" <dana.k@yahoo.com>\nSubject: Hi",
            "Send me your cell number, I have something for you to do.")))
            .containsExactly("text.bec-request");
    }

    @Test
    void repliesDivertedToAnotherDomainCountAsAPersonalAddress() {
        List<Finding> findings = analyze("From: \"Dana Boss\" <dana@acme-corp-group.com>\nReply-To: dana.boss@protonmail.com\n"
            + "Subject: Payment", "I'm in a board meeting and can't take calls. Please process a wire transfer today, keep "
            + "this confidential.");
        assertThat(rules(findings)).containsExactly("text.bec-request");
        assertThat(findings.get(0).detail()).contains("replies diverted to dana.boss@protonmail.com");
    }

    @Test
    void chineseBossScriptsToo() {
        assertThat(rules(analyze("From: =?utf-8?b?5p2O5oC7?= <lizong.office@126.com>\nSubject: =?utf-8?b?5Zyo5ZCX?=",
            "小王在吗？我现在在开会，不方便接电话。有个急事需要你马上处理一下，收到请尽快回复我的邮件。")))
            .containsExactly("text.bec-request");
        assertThat(rules(analyze("From: zhang.boss@163.com\nSubject: hi", "你先加我微信，有事跟你说。")))
            .containsExactly("text.bec-request");
    }

    @Test
    void aSuppliersNewBankAccountIsAPaymentRedirect() {
        List<Finding> findings = analyze("From: \"Martin Kessler\" <m.kessler@northwind-traders.example>\nSubject: RE: Invoice NT-2291",
            "Hi Bob, please note that our bank details have changed following our annual audit. Kindly remit this payment "
                + "and all future payments to our new account: IBAN GB29 MCBK 6016 1331 9268 19.");
        assertThat(rules(findings)).containsExactly("text.payment-redirect");
        assertThat(findings.get(0).detail()).contains("our bank details have changed", "telephone");
        assertThat(rules(analyze("From: =?utf-8?b?5p2O5Lya6K6h?= <kuaiji@supplier.example>\nSubject: hi",
            "王经理您好，我司银行账户变更，请将本月货款汇入新的收款账户。"))).containsExactly("text.payment-redirect");
        // Paying an invoice, or a colleague's own notice, is not a change of account.
        assertThat(rules(analyze("From: \"Linda\" <linda@supplier.example>\nSubject: Invoice 2211",
            "Please pay invoice 2211 to the account on the invoice, as usual. Thank you."))).isEmpty();
        assertThat(rules(analyze("From: \"Tom\" <tom.baker77@gmail.com>\nSubject: news",
            "We opened a new bank account for the kids' savings, the interest is much better."))).isEmpty();
        assertThat(rules(analyze("From: \"Finance\" <finance@acme-corp.com>\nSubject: bank",
            "Our bank details have changed: customers will receive the new IBAN with their next invoice."))).isEmpty();
    }

    @Test
    void millionsWithTheAdvanceFeeStoryAreAnAdvanceFeeLetter() {
        List<Finding> widow = analyze("From: \"Mrs. Agnes Walter\" <agnes.walter@example.net>\nSubject: My final wish",
            "Dearest one, I am a widow writing from my sick bed; my doctors say I have weeks to live. Before he died my late "
                + "husband deposited the sum of $6.2 million in a bank here. I want you to receive it and use it for charity, "
                + "and keep 30% of the fund for yourself.");
        assertThat(rules(widow)).containsExactly("text.advance-fee");
        assertThat(widow.get(0).score()).isEqualTo(FraudRequestAnalyzer.ADVANCE_FEE_SCORE);
        assertThat(widow.get(0).detail()).contains("$6.2 million", "my late husband");
        assertThat(rules(analyze("From: \"Barrister K. Obi\" <k.obi.chambers@example.org>\nSubject: STRICTLY CONFIDENTIAL",
            "ATTN: SIR. Your contact reached me through the chamber of commerce. The sum of USD27M (Twenty Seven Million "
                + "United States Dollars) was lodged with a security company by a late head of state. I need your assistance "
                + "to transfer the consignment to a foreign account.")))
            .as("the 2002 letter, short sum and all").containsExactly("text.advance-fee");
        assertThat(rules(analyze("From: \"UN Compensation Unit\" <claims@un-desk.example.org>\nSubject: Your payment",
            "Attention: Beneficiary. The compensation committee approved USD 1.5 Million to you as a victim of fraud; it "
                + "is loaded on an ATM card, sent to you once you pay the delivery fee of $285.")))
            .as("the victims' compensation variant").containsExactly("text.advance-fee");
    }

    @Test
    void businessNewsAboutMillionsIsNotAnAdvanceFeeLetter() {
        assertThat(rules(analyze("From: \"Northwind news\" <news@northwind-traders.example>\nSubject: Q3",
            "We closed a $12 million round with an overseas investor, in confidence until Monday. The funds go to our "
                + "charity programme and the new plant.")))
            .as("millions, a foreign investor, confidential, charity: no story of its own").isEmpty();
        assertThat(rules(analyze("From: \"Probate desk\" <probate@law-firm.example>\nSubject: Estate of the late Mr. Grant",
            "As executor I confirm to Mr. Grant's son that the estate of his late father, valued at 1.4 million pounds, "
                + "goes to him as sole beneficiary once probate is granted.")))
            .as("an executor's letter tells two turns of it").isEmpty();
    }

    @Test
    void theWholeScriptFromAColleaguesOwnAddressIsBecFromAStolenAccount() {
        List<Finding> findings = analyze("From: \"Dana Boss\" <dana@acme-corp.com>\nSubject: quick favor",
            "Bob, are you at your desk? I'm in a meeting and can't talk. I need you to buy some Apple gift cards for a client "
                + "today, 5 x $200. Keep this between us for now. Send me the codes by email.\nDana");

        assertThat(rules(findings)).containsExactly("text.bec-request");
        assertThat(findings.get(0).detail()).contains("colleague's own address", "stolen account", "gift cards");
    }

    @Test
    void theWholeScriptFromOutsideWeighsMore() {
        List<Finding> findings = analyze("From: =?UTF-8?B?546L5oC7?= <wangzong2026@qq.com>\nSubject: hi",
            "小白：我是王总，这是我的私人邮箱。明天上午你到我办公室来一趟。你先加我微信 wz-2026，我把情况跟你说一下。");
        assertThat(findings).extracting(Finding::rule).containsExactly("text.bec-request");
        assertThat(findings.get(0).score()).isEqualTo(FraudRequestAnalyzer.BEC_WHOLE_SCRIPT_SCORE);
        assertThat(findings.get(0).detail()).contains("我的私人邮箱", "加我微信");
        assertThat(analyze("From: zhang.boss@163.com\nSubject: hi", "你先加我微信，有事跟你说。")).singleElement()
            .satisfies(f -> assertThat(f.score()).as("a strong request alone").isEqualTo(FraudRequestAnalyzer.BEC_SCORE));
        assertThat(analyze("From: \"Dana Boss\" <dana@acme-corp.com>\nSubject: quick favor", "I'm in a meeting and can't "
            + "talk. I need you to buy some Apple gift cards for a client today. Keep this between us.")).singleElement()
            .satisfies(f -> assertThat(f.score()).as("from a colleague's own address").isEqualTo(FraudRequestAnalyzer.BEC_SCORE));
    }

    @Test
    void theW2ScamTheCounselsWireAndTheNewNumberAreBec() {
        assertThat(rules(analyze("From: \"Dana Boss\" <dana.boss.ceo@gmail.com>\nSubject: Request",
            "Bob, I need the W-2 forms of all our employees for a tax review today. Send them to me as PDF attachments.")))
            .containsExactly("text.bec-request");
        assertThat(rules(analyze("From: \"Michael Grant\" <m.grant@grant-legal.example>\nReply-To: m.grant@protonmail.com\n"
            + "Subject: Confidential", "This matter must not be discussed with anyone else in the company. We need to wire "
            + "the escrow deposit today; please confirm you can process the transfer."))).contains("text.bec-request");
        assertThat(rules(analyze("From: \"Dana Boss\" <dana.boss.office@outlook.com>\nSubject: are you available",
            "Hi Bob, I need you to handle a task for me discreetly. Text me on my new number, I can't take calls right now.")))
            .containsExactly("text.bec-request");
        // An auditor's request through the portal, and a colleague's W-2 question, are not.
        assertThat(rules(analyze("From: \"Lena\" <lena.vogel@gmail.com>\nSubject: audit", "Our document list is in the "
            + "audit portal; please upload the payroll summary there. Nothing should be sent by email."))).isEmpty();
        assertThat(rules(analyze("From: \"Sam\" <sam.k@gmail.com>\nSubject: W-2", "Hi, where do I find my W-2 form "
            + "for this year? I'm in meetings all day but can read mail."))).isEmpty();
    }

    @Test
    void aStolenBossAccountRedirectingAPaymentIsTheWholeScriptToo() {
        assertThat(analyze("From: \"Dana Boss\" <dana@acme-corp.com>\nSubject: Northwind payment",
            "Northwind changed banks. Please update their bank details before today's payment run: IBAN LT12 3250 0123 "
                + "4567 8901. I'm travelling and can't take calls today. Please keep this confidential.\nDana"))
            .extracting(Finding::rule).containsExactly("text.bec-request");
        // 王总 from his own address: in a meeting, don't tell anyone, the receipt's screenshot to his WeChat.
        assertThat(analyze("From: =?UTF-8?B?546L5oC7?= <wangzong@acme-corp.com>\nSubject: =?UTF-8?B?57Sn5oCl5LuY5qy+?=",
            "小李：我在开会，不方便接电话。有一笔保证金需要今天转出，金额38万元。转账后把回单截图发我微信。此事先不要告诉其他人。"))
            .extracting(Finding::rule).containsExactly("text.bec-request");
        // The same requests without the pretext are a colleague's work.
        assertThat(analyze("From: \"Priya\" <priya@acme-corp.com>\nSubject: Northwind",
            "Northwind's new account is verified by phone; please update their bank details in the vendor master.")).isEmpty();
        assertThat(analyze("From: =?UTF-8?B?546L5oC7?= <wangzong@acme-corp.com>\nSubject: pay",
            "小李：供应商的货款今天转账，转账后把回单截图发给我，我好跟对方确认。")).isEmpty();
    }

    @Test
    void ordinaryMailIsNotBec() {
        assertThat(rules(analyze("From: \"Dana\" <dana.k@gmail.com>\nSubject: lunch",
            "Are you free this weekend? We could try the new place on Main Street.")))
            .as("a pretext alone asks for nothing").isEmpty();
        assertThat(rules(analyze("From: \"Tom Baker\" <tom.baker77@gmail.com>\nSubject: this weekend",
            "Hey Bob, are you free on Saturday? Quick favor: could you help me move the couch? Pizza on me.\nTom")))
            .as("availability is every friend's opener, not a pretext").isEmpty();
        assertThat(rules(analyze("From: \"Sam Lee\" <samlee.dev@gmail.com>\nSubject: Application",
            "Are you available for a short call this week? I am in a conference on Monday but free afterwards.")))
            .as("a pretext with no request").isEmpty();
        assertThat(rules(analyze("From: \"Linda Park\" <linda.park@yahoo.com>\nSubject: Invoice 2211",
            "Hello, I received invoice 2211. Could you send me the bank transfer details? I would like to pay this week.")))
            .as("a request with no pretext").isEmpty();
        assertThat(rules(analyze("From: wanglei88@qq.com\nSubject: hi", "老张，在吗？周末一起吃饭吧，你定地方。"))).isEmpty();
        assertThat(rules(analyze("From: \"Dana\" <dana@partner.example>\nSubject: call",
            "I'm in a meeting until three and can't talk; could you do me a quick favor and send the slides?")))
            .as("a company address whose replies come back to it").isEmpty();
        assertThat(rules(analyze("From: \"Dana\" <dana@acme-corp.com>\nSubject: call",
            "I'm in a meeting, can't talk. Quick favor: please process the payment for the supplier.")))
            .as("a colleague's own address, the pretext and an ordinary request").isEmpty();
        assertThat(rules(analyze("From: \"Dana\" <dana@acme-corp.com>\nSubject: raffle",
            "Could you buy some Amazon gift cards for the team raffle on Friday? Finance will refund you.")))
            .as("a colleague's own address, a strong request without the pretext").isEmpty();
        assertThat(rules(analyze("From: \"Dana\" <dana.k@gmail.com>\nSubject: slides",
            "I'm in a meeting and can't talk, quick favor: can you look at https://docs.example.com/slides before three?")))
            .as("a link is for the link rules").isEmpty();
        StringBuilder longMail = new StringBuilder("Are you around? Quick favor for the newsletter. ");
        for (int i = 0; i < 80; i++) {
            longMail.append("Here is the news of the week from our club and its members. ");
        }
        assertThat(rules(analyze("From: club@gmail.com\nSubject: news", longMail.toString())))
            .as("a long mail is no BEC opener").isEmpty();
    }

    @Test
    void aCallToCancelAChargeNobodyMadeIsCallbackPhishing() {
        List<Finding> fromBrand = analyze("From: \"PayPal\" <service@paypal.com>\nSubject: Receipt",
            "You sent a payment of $499.99 USD to McAfee Inc.\nIf you did not authorize this transaction, call our billing "
                + "department at +1 (888) 555-0199 to cancel and get a refund.");
        assertThat(rules(fromBrand)).containsExactly("text.callback");
        assertThat(fromBrand.get(0).score()).isEqualTo(FraudRequestAnalyzer.CALLBACK_SCORE);
        assertThat(fromBrand.get(0).detail()).contains("+1 (888) 555-0199", "if you did not authorize this transaction");

        List<Finding> fromFreeMail = analyze("From: \"Geek Squad\" <billing.gs2026@gmail.com>\nSubject: Renewal",
            "Your Geek Squad membership renewed for $389.99. To cancel this subscription, contact our helpline 1-808-555-0142.");
        assertThat(rules(fromFreeMail)).containsExactly("text.callback");
        assertThat(fromFreeMail.get(0).score()).isEqualTo(FraudRequestAnalyzer.CALLBACK_FREEMAIL_SCORE);

        assertThat(rules(analyze("From: service@shop.example.cn\nSubject: order",
            "您的订单已自动续费 399 元。如非本人操作，请立即致电客服 400-820-1234 办理退款。")))
            .containsExactly("text.callback");
    }

    /** The findings for a short mail whose attached document (as the attachment scan reports its text) says {@code text}. */
    private static List<Finding> withDocument(String from, String where, String text) {
        String raw = "From: " + from + "\nTo: bob@acme-corp.com\nSubject: Notice\n\nPlease see the attached document.\n";
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        ScanReport report = new ScanReport();
        report.documentText(where, text);
        new FraudRequestAnalyzer().analyze(message, ACME, report);
        return report.findings();
    }

    @Test
    void aBankChangeLetterAttachedIsAPaymentRedirect() {
        assertThat(withDocument("accounts@northwind-traders.example", "'Letter.pdf' (part 1.2)", "Dear customer, our banking "
            + "details have been updated. Please remit all future payments to our new account, IBAN DE89 3704 0044 0532 0130 00."))
            .singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("text.payment-redirect");
                assertThat(finding.detail()).contains("('our banking details have been updated' in 'Letter.pdf' (part 1.2))");
            });
    }

    @Test
    void anAttachedDocumentsTextIsReadForTheCallbackLure() {
        assertThat(withDocument("billing.gs.team@gmail.com", "'Receipt.pdf' (part 1.2)", "Geek Squad renewal $389.99. If you "
            + "did not authorize this charge, call +1 (808) 555-0142 to cancel and get a refund."))
            .singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("text.callback");
                assertThat(finding.score()).isEqualTo(FraudRequestAnalyzer.CALLBACK_FREEMAIL_SCORE);
                assertThat(finding.detail()).contains("+1 (808) 555-0142", "in 'Receipt.pdf' (part 1.2)");
            });
    }

    @Test
    void documentTextIsKeptWithinItsCap() {
        ScanReport report = new ScanReport();
        report.documentText("a", "x".repeat(ScanReport.MAX_DOCUMENT_CHARS - 10));
        report.documentText("b", "y".repeat(100));
        report.documentText("c", "z");

        assertThat(report.documentTexts().get("b")).hasSize(10);
        assertThat(report.documentTexts()).doesNotContainKey("c");
    }

    @Test
    void aBanksOwnAlertAskingToCallAboutATransactionIsNot() {
        assertThat(rules(analyze("From: \"Chase\" <no.reply.alerts@chase.com>\nSubject: Your $1,249.00 transaction",
            "A $1,249.00 transaction at BEST BUY was approved on Nov 26, 2026 at 6:14 PM ET.\nIf you don't recognize this "
                + "transaction, call us at 1-800-432-3117 or visit https://www.chase.com/alerts.\nYou are receiving this "
                + "alert because you set it up in your account."))).as("nothing to cancel or refund").isEmpty();
    }

    @Test
    void aTelephoneNumberOrAChargeAloneIsNot() {
        assertThat(rules(analyze("From: office@dentist.example\nSubject: appointment",
            "Your appointment is on Tuesday at 10. If you need to reschedule, call us at (617) 555-0134.")))
            .isEmpty();
        assertThat(rules(analyze("From: news@list.example\nSubject: news",
            "If you do not want to receive this newsletter, write to us. Office: (617) 555-0134.")))
            .as("an unsubscribe line is no unrecognised charge").isEmpty();
        assertThat(rules(analyze("From: service@paypal.com\nSubject: Receipt",
            "If you did not authorize this transaction, go to the Resolution Center at https://www.paypal.com/disputes")))
            .as("no number to call").isEmpty();
        assertThat(rules(analyze("From: service@paypal.com\nSubject: Receipt",
            "If you did not authorize this transaction, tell us. Order 555-123-4567 was shipped.")))
            .as("a number nobody is asked to call").isEmpty();
    }

    @Test
    void aWalletBesideAThreatIsExtortion() {
        List<Finding> findings = analyze("From: \"bob\" <bob@mail-relay-77.example>\nSubject: 14 days to pay",
            "I got access to your devices and my software recorded you through your camera. Transfer $1950 in Bitcoin to "
                + "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh or I send the video to all your contacts.");

        assertThat(findings).filteredOn(f -> f.rule().equals("text.extortion")).singleElement().satisfies(f -> {
            assertThat(f.score()).isEqualTo(FraudRequestAnalyzer.EXTORTION_SCORE);
            assertThat(f.detail()).contains("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh");
        });
        assertThat(rules(analyze("From: \"x\" <x@relay.example>\nSubject: 视频",
            "你的摄像头已被我控制，录下了你的视频。向比特币地址 1BoatSLRHtKNngkdXEeobR76b6zqkkvBQZ 转账，否则发给你的通讯录。")))
            .contains("text.extortion");
    }

    @Test
    void aWalletWithoutAThreatOrAWarningFromColleaguesIsNoExtortion() {
        assertThat(rules(analyze("From: \"Kraken\" <noreply@kraken.example>\nSubject: Deposit confirmed",
            "Deposit address: bc1q9h7garjh5dsw2k7j0xq3m0yqtwx3f2nq5jqv7e. Amount 0.05 BTC, 3 confirmations.")))
            .doesNotContain("text.extortion");
        assertThat(rules(analyze("From: \"SecureWorks Awareness\" <awareness@training.example>\nSubject: Tip of the month",
            "Sextortion mail claims the sender recorded you through your webcam and threatens to send the video to your"
                + " contacts unless you pay to an address like bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh. Do not pay.")))
            .as("a warning tells of the threat in the third person").doesNotContain("text.extortion");
        String warning = "From: \"IT Security\" <security@acme-corp.com>\nTo: all@acme-corp.com\nSubject: Sextortion warning\n"
            + "Content-Type: text/plain\n\nIf you receive \"I recorded you through your camera, pay to "
            + "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\", do not pay; report it.\n";
        ScanReport report = new ScanReport();
        new FraudRequestAnalyzer().analyze(new MessageParser().parse(warning.getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().localDomains(java.util.Set.of("acme-corp.com"))
                .authenticatedUser(java.util.Optional.of("security@acme-corp.com")).build(), report);
        assertThat(rules(report.findings())).as("a logged-in colleague quoting it").doesNotContain("text.extortion");
        assertThat(rules(analyze("From: \"bob\" <bob@acme-corp.com>\nSubject: bob - 14 days to pay",
            "I have hacked your account and my software recorded you. Pay in Bitcoin to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh.")))
            .as("inbound mail claiming the reader's own address").contains("text.extortion");
        assertThat(rules(analyze("From: \"Ops\" <ops@vendor.example>\nSubject: Camera firmware",
            "The camera's firmware build id is 0x52908400098527886E0F7030069857D2E4169EE7; no action needed.")))
            .as("a wallet-shaped id beside a camera is no threat").doesNotContain("text.extortion");
    }

    @Test
    void aWrongAddressOpenerThatTurnsToInvestingAndAChatAppIsPigButchering() {
        List<Finding> findings = analyze("From: \"Linda Chen\" <linda.chen.8861@outlook.example>\nSubject: Dinner on Friday?",
            "Hi Mike, are we still on for Friday? Oh sorry, I think I have the wrong email address! You are not Mike? Nice to "
                + "meet you anyway. I invest in gold and crypto, my uncle's strategy earns 30% a month. Do you use WhatsApp?");

        assertThat(findings).filteredOn(f -> f.rule().equals("text.wrong-recipient")).singleElement()
            .satisfies(f -> assertThat(f.score()).isEqualTo(FraudRequestAnalyzer.WRONG_RECIPIENT_SCORE));
        assertThat(rules(analyze("From: \"Wei\" <wei88@163.example>\nSubject: 你好", "不好意思发错邮箱了。我平时做黄金投资，收益不错，加个微信聊聊？")))
            .contains("text.wrong-recipient");
    }

    @Test
    void aWarningThatQuotesTheOpenerOrTheThreatIsNoScam() {
        assertThat(rules(analyze("From: \"Awareness\" <tips@training.example>\nSubject: The wrong number scam",
            "It starts with: \"Sorry, I think I have the wrong email address!\" Weeks later the new friend talks about crypto"
                + " trading and asks you to continue on WhatsApp. Never send money to such a platform.")))
            .doesNotContain("text.wrong-recipient");
        assertThat(rules(analyze("From: \"Awareness\" <tips@training.example>\nSubject: Sextortion",
            "The mail says: \"I recorded you through your camera, pay in Bitcoin to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\"."
                + " Do not pay.")))
            .doesNotContain("text.extortion");
    }

    @Test
    void aWarningThatQuotesACallbackOrABankChangeIsNeither() {
        assertThat(rules(analyze("From: \"Awareness\" <tips@training.example>\nSubject: Fake renewal invoices",
            "Scammers send invoices that end with: \"If you did not authorize this charge, call our billing department at"
                + " +1 (808) 555-0199 to cancel and get a refund.\" A second trick: \"Our bank details have changed, please"
                + " send all future payments to our new account.\" Confirm such changes by phone.")))
            .doesNotContain("text.callback", "text.payment-redirect");
    }

    @Test
    void aMisdirectedMailThatApologisesAndStopsIsNot() {
        assertThat(rules(analyze("From: \"Tom\" <tom@partner.example>\nSubject: Re: contract",
            "Sorry, I think I had the wrong email address: this was meant for our trading desk. Please delete it.")))
            .doesNotContain("text.wrong-recipient");
    }
}
