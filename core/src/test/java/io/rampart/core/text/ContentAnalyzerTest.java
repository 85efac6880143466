package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;

class ContentAnalyzerTest {
    private static ScanReport analyze(String raw) {
        ScanReport report = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().build(), report);
        return report;
    }

    @Test
    void theIdNumberAndABankCardAskedForOnAnOutsideSiteIsAnIdentityRequest() {
        io.rampart.core.engine.ScanEngine engine = io.rampart.core.engine.Analyzers.standardEngine(
            io.rampart.core.config.RampartConfiguration.defaults());
        ScanContext acme = ScanContext.builder().localDomains(java.util.Set.of("acme-corp.com")).build();
        java.util.function.Function<String, java.util.List<String>> rules = body -> engine.scanInline(("From: \"行政部\" "
            + "<admin@acme-corp.com>\nTo: staff@acme-corp.com\nSubject: 通知\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8),
            acme).rules();

        assertThat(rules.apply("请点击链接填写姓名、身份证号及工资卡号完成领取：https://tijian-butie.cn/acme"))
            .contains("text.identity-request");
        assertThat(rules.apply("请通过人事系统 https://hr.acme-corp.com/onboarding 填写身份证号及工资卡号。"))
            .as("the organisation's own system").doesNotContain("text.identity-request");
        assertThat(rules.apply("You will need your Social Security number and your bank account number in Workday: "
            + "https://wd5.myworkday.com/acme/d/home.htmld")).as("a workspace service").doesNotContain("text.identity-request");
        assertThat(rules.apply("切勿在陌生网站填写身份证号、银行卡号及密码。了解更多：https://www.cmbchina.com/anti-fraud"))
            .as("a warning").doesNotContain("text.identity-request");
        assertThat(rules.apply("请回复邮件提供身份证号及工资卡号。")).as("no link").doesNotContain("text.identity-request");
    }

    @Test
    void shouldFlagEnglishCredentialLureWithUrgency() {
        ScanReport report = analyze("Subject: action required\n\nPlease verify your account within 24 hours"
            + " or your mailbox will be suspended.");

        assertThat(report.hasRule("text.lure-credentials")).isTrue();
        assertThat(report.hasRule("text.lure-suspension")).isTrue();
        assertThat(report.hasRule("text.lure-urgency")).isTrue();
        assertThat(report.hasRule("text.lure-combination")).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ADV: Lowest life insurance rates", "Adv:Mortgage quotes",
        "[ADV] Extended warranties", "(광고) 가을 신상품 안내", "[광고] 특가", "【广告】优惠", "[list] ADV: promote your site",
        "未承諾広告※出会いの広場"})
    void aSubjectLabelledAsAnAdvertisementShouldBeFlagged(String subject) {
        assertThat(analyze("Subject: " + subject + "\nContent-Type: text/plain; charset=UTF-8\n\nhello").hasRule(
            "text.declared-advert")).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Advice sought for a custom FFT block", "advisory: patch now",
        "Advance your career", "Re: ADV: what does this label mean?", "Our adv. course", "광고 예산 회의"})
    void otherSubjectsShouldNotBeTakenForTheLabel(String subject) {
        assertThat(analyze("Subject: " + subject + "\nContent-Type: text/plain; charset=UTF-8\n\nhello").hasRule(
            "text.declared-advert")).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"VXfQMHkaoGC4YFK4kX1", "fg46qFdZiRVH3jI", "PnhXzq9VgA",
        "tU6zlTWjXr", "KAX2Sf8232WJ2nbG9", "B064oMpC5p2dNdNV6t3e"})
    void aRandomStringIsRandom(String token) {
        assertThat(ContentAnalyzer.isRandom(token)).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"iPhone14ProMax", "Mark2CurSeen", "OAuth2Client", "WiFi6Router",
        "MP3Player2000", "Q3Report2023", "IMG20231012WA0003", "INV2023ABC123a", "0x85706BEA425306B5", "JavaScriptCore",
        "a1b2c3", "ORDER12345678", "9f86d081884c7d659a2feaa0c55ad015"})
    void wordsNumbersCodesAndHexAreNot(String token) {
        assertThat(ContentAnalyzer.isRandom(token)).isFalse();
    }

    @Test
    void aRandomStringInTheSubjectOrAnAttachmentNameIsABulkToolsMark() {
        assertThat(analyze("Subject: Transacao pendente - YydtzJJTBFBvIBDBt9jk\n\nhello").findings())
            .filteredOn(f -> f.rule().equals("text.random-token")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("subject", "YydtzJJTBFBvIBDBt9jk"));
        String attached = "Subject: Extrato\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n"
            + "em anexo\n--b\nContent-Type: application/pdf; name=\"wFbF0yDzT8LVY3HRBj.pdf\"\n"
            + "Content-Disposition: attachment; filename=\"wFbF0yDzT8LVY3HRBj.pdf\"\n\nJVBERi0=\n--b--\n";
        assertThat(analyze(attached).findings()).filteredOn(f -> f.rule().equals("text.random-token")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("wFbF0yDzT8LVY3HRBj.pdf"));
        assertThat(analyze("Subject: Re: Ticket INC0012345 - WiFi6Router firmware\n\nhello").hasRule("text.random-token"))
            .isFalse();
        assertThat(analyze("Subject: watch this https://youtu.be/dQw4w9WgXcQ\n\nhello").hasRule("text.random-token"))
            .as("a link's identifier").isFalse();
        assertThat(analyze("Subject: watch this youtu.be/dQw4w9WgXcQ\n\nhello").hasRule("text.random-token")).isFalse();
        assertThat(ContentAnalyzer.isRandom("dQw4w9WgXcQ")).as("the token itself looks random").isTrue();
    }

    @Test
    void aSubjectWithUnderscoresForSpacesIsABulkTemplate() {
        for (String subject : new String[] {"_Your_Offer_is_Ready_", "Get_it_urgently_0.7495_BTC", "_Expiring_soon:_",
            "#SHARK_TANK_WEIGHT_LOSS_09323455867#", "**Your_iCloud_storage_is_full**", "Mining_transaction_0.7495_BTC"}) {
            assertThat(analyze("Subject: " + subject + "\n\nhello").hasRule("text.underscored-subject")).as(subject).isTrue();
        }
        for (String subject : new String[] {"Re: [SAdev] [Bug 840] spam_level_char option change", "project_update",
            "Q3_Report_Final_v2.xlsx", "Scan_20241128_0930", "Re: build_all_targets fails", "hello_world",
            "Daily_Sales_Report", "backup_job_failed", "db_backup_2026_11_28"}) {
            assertThat(analyze("Subject: " + subject + "\n\nhello").hasRule("text.underscored-subject")).as(subject).isFalse();
        }
    }

    @Test
    void aSignatureBlockWithNothingSignedIsAForgedTrustMark() {
        String block = "-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1.0.7 (GNU/Linux)\n\n"
            + "iD8DBQFBSI5pmqjQ0CJFipgRAlxGAKCpPrt7/HB5YroIdx5J84y6E5opeQCg49dn\n=ui8Y\n-----END PGP SIGNATURE-----\n";
        assertThat(analyze("Subject: Update your account\nContent-Type: text/html\n\n<html><body>Please verify your "
            + "details.</body></html>\n" + block).findings())
            .filteredOn(f -> f.rule().equals("text.fake-signature")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("nothing in the mail is signed"));
        // Inline signing writes the armour before the text; PGP/MIME sends the signature as a part of its own.
        assertThat(analyze("Subject: release 1.2\n\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\n"
            + "The tarball is up.\n" + block).hasRule("text.fake-signature")).isFalse();
        assertThat(analyze("Subject: release 1.2\nContent-Type: multipart/signed; protocol=\"application/pgp-signature\";"
            + " boundary=s\n\n--s\nContent-Type: text/plain\n\nThe tarball is up.\n--s\n"
            + "Content-Type: application/pgp-signature\n\n" + block + "--s--\n").hasRule("text.fake-signature"))
            .isFalse();
        // A reply quotes the signature of the mail it answers.
        assertThat(analyze("Subject: Re: release 1.2\n\nThanks!\n\n> The tarball is up.\n> "
            + block.replace("\n", "\n> ")).hasRule("text.fake-signature")).isFalse();
    }

    @Test
    void aLineOfRandomGroupsInTheTextIsARatwareHashBuster() {
        assertThat(analyze("Subject: Help wanted\n\nWork from home.\nTo be removed go to our site.\n\n"
            + "4139vOLW7-758DoDY1425FRhM1-764SMFc8513fCsLl40\n").findings())
            .filteredOn(f -> f.rule().equals("text.random-token")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("line", "4139vOLW7-758DoDY1425FRhM1-764SMFc8513fCsLl40"));
        // A UUID, a licence key, a part number and a hyphenated sentence are not random lines.
        for (String line : new String[] {"550e8400-e29b-41d4-a716-446655440000", "ABCDE-12345-FGHIJ-67890",
            "Order ref: WX-2291-KLM", "state-of-the-art-solutions", "Case 2024-Ab3dE9fGh2-Xy"}) {
            assertThat(analyze("Subject: hello\n\nsee below\n" + line + "\n").hasRule("text.random-token")).as(line).isFalse();
        }
    }

    @Test
    void aSubjectPaddedToPushACodeOutOfSightIsABulkToolsMark() {
        String pad = " ".repeat(20);
        assertThat(analyze("Subject: Mortgage Rates Are Down." + pad + "ptjti\n\nhello").findings())
            .filteredOn(f -> f.rule().equals("text.padded-subject")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("'ptjti'"));
        assertThat(analyze("Subject: Guaranteed to lose 10-12 lbs in 30 days" + pad + "11.150\n\nhello")
            .hasRule("text.padded-subject")).isTrue();
        // A long subject folded onto an indented line reads "idea or", as a mail program shows it.
        assertThat(analyze("Subject: deleting duplicate spam before training?  good idea\n" + pad + "orbad?\n\nhello")
            .hasRule("text.padded-subject")).isFalse();
        assertThat(analyze("Subject: Build 1234     FAILED\n\nhello").hasRule("text.padded-subject")).isFalse();
        assertThat(analyze("Subject: Minutes of the meeting" + pad + "with the board of trustees and staff\n\nhello")
            .hasRule("text.padded-subject")).as("not a code: a long tail").isFalse();
    }

    @Test
    void eachFurtherBulkPhraseAddsToTheFirst() {
        java.util.function.Function<ScanReport, Double> bulk = report -> report.findings().stream()
            .filter(f -> f.rule().equals("text.lure-bulk")).mapToDouble(io.rampart.core.analysis.Finding::score).sum();

        assertThat(bulk.apply(analyze("Subject: hi\n\nWe are a professional manufacturer of LED lights.")))
            .isEqualTo(ContentAnalyzer.BULK_SCORE);
        assertThat(bulk.apply(analyze("Subject: hi\n\nGlad to hear you are in the market for LED lights. We are a "
            + "professional manufacturer of LED panels. Factory price, no obligation. Factory price again.")))
            .as("four phrases, the repeated one once").isEqualTo(ContentAnalyzer.BULK_SCORE + 3 * ContentAnalyzer.BULK_EXTRA_SCORE);
        assertThat(bulk.apply(analyze("Subject: hi\n\nOne-time offer! No obligation, no credit check, pre-approved, "
            + "work at home, financial freedom, be your own boss.")))
            .as("capped").isEqualTo(ContentAnalyzer.BULK_MAX_SCORE);
    }

    @Test
    void anHtmlBodyThatIsOnlyAFrameOntoAWebPageShouldBeFlagged() {
        ScanReport frameOnly = analyze("Subject: hi\nContent-Type: text/html\n\n<html><body><iframe align=center"
            + " src=\"http://www.example.net/20020827\" frameborder=0 width=800 height=1700></iframe></body></html>");
        ScanReport withText = analyze("Subject: hi\nContent-Type: text/html\n\n<html><body><p>This week's newsletter:"
            + " our new releases and the conference programme.</p><iframe src=\"http://ads.example.net/banner\"></iframe>"
            + "</body></html>");
        ScanReport localFrame = analyze("Subject: hi\nContent-Type: text/html\n\n<html><body><iframe src=\"cid:part1\">"
            + "</iframe></body></html>");

        assertThat(frameOnly.hasRule("html.remote-frame-only")).isTrue();
        assertThat(frameOnly.findings()).filteredOn(f -> f.rule().equals("html.remote-frame-only")).first()
            .satisfies(f -> assertThat(f.detail()).contains("http://www.example.net/20020827"));
        assertThat(withText.hasRule("html.remote-frame-only")).isFalse();
        assertThat(localFrame.hasRule("html.remote-frame-only")).isFalse();
    }

    @Test
    void shouldReportAHeaderBlockSplitByEmptyLines() {
        ScanReport split = analyze("Subject: =?UTF-8?B?5YWN6LS5?=\n\n =?UTF-8?B?6K+V55So?=\n"
            + "Content-Type: text/plain; charset=UTF-8\n\nhello");
        ScanReport whole = analyze("Subject: =?UTF-8?B?5YWN6LS5?=\n =?UTF-8?B?6K+V55So?=\n"
            + "Content-Type: text/plain; charset=UTF-8\n\nhello");

        assertThat(split.hasRule("message.malformed-headers")).isTrue();
        assertThat(whole.hasRule("message.malformed-headers")).isFalse();
    }

    @Test
    void shouldFlagChineseLureWithoutSpaces() {
        ScanReport report = analyze("Subject: =?UTF-8?B?6YKu566x6YCa55+l?=\nContent-Type: text/plain; charset=utf-8\n\n"
            + "您的邮箱容量已满，请立即点击下方链接重新登录，否则账号将被停用。");

        assertThat(report.hasRule("text.lure-credentials")).isTrue();
        assertThat(report.hasRule("text.lure-suspension")).isTrue();
        assertThat(report.hasRule("text.lure-urgency")).isTrue();
    }

    @Test
    void shouldFlagChineseLureSplitBySpacesToDodgeFilters() {
        ScanReport report = analyze("Content-Type: text/plain; charset=utf-8\n\n请 重 新 登 录 您的邮箱");

        assertThat(report.hasRule("text.lure-credentials")).isTrue();
    }

    @Test
    void shouldFlagExpiringPasswordAndCryptoWithdrawal() {
        assertThat(analyze("Subject: notice\n\nThe password to your mailbox is expiring today.")
            .hasRule("text.lure-credentials")).isTrue();
        assertThat(analyze("Subject: BTC\n\nLog in now to withdraw your funds before the offer ends.")
            .hasRule("text.lure-payment")).isTrue();
    }

    @Test
    void shouldNotFlagOrdinaryMessage() {
        ScanReport report = analyze("Subject: lunch\n\nShall we meet at noon near the station?");

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldFlagHiddenTinyAndSameColourText() {
        String filler = "lorem ipsum dolor sit amet consectetur adipiscing elit ".repeat(6);
        ScanReport report = analyze("Content-Type: text/html\n\n<html><body>"
            + "<div style=\"display: none\">" + filler + "</div>"
            + "<span style=\"font-size:1px\">" + filler + "</span>"
            + "<table bgcolor=\"#ffffff\"><tr><td><font color=\"#FFF\">" + filler + "</font></td></tr></table>"
            + "<p>Visible offer</p></body></html>");

        assertThat(report.hasRule("html.hidden-text")).isTrue();
        assertThat(report.hasRule("html.tiny-text")).isTrue();
        assertThat(report.hasRule("html.invisible-colour")).isTrue();
    }

    @Test
    void concealedFillerInsideWordsIsFlaggedButAHiddenPreheaderIsNot() {
        String tiny = "<span style=\"font-size: 0.0000001vw;\">";
        ScanReport report = analyze("Content-Type: text/html\n\n<html><body><p><span style=\"font-size:30px\">"
            + "Scan your de" + tiny + "Eliette</span>vi" + tiny + "Estuaire</span>ce o" + tiny + "Fouquet,</span>nline"
            + "</span></p></body></html>");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("html.split-words")).singleElement()
            .satisfies(f -> assertThat(f.detail()).startsWith("3 pieces"));

        // The visible halves may sit in inline elements of their own.
        assertThat(analyze("Content-Type: text/html\n\n<html><body><p><b>Scan your de</b>" + tiny + "Eliette</span><i>vi</i>"
            + tiny + "Estuaire</span><b><i>ce o</i></b>" + tiny + "Fouquet,</span><span>nline</span></p></body></html>")
            .hasRule("html.split-words")).isTrue();
        // Two pieces are not enough; concealed text between words or blocks is a preheader, not a split.
        assertThat(analyze("Content-Type: text/html\n\n<html><body><p>Scan your de" + tiny + "Eliette</span>vi" + tiny
            + "Estuaire</span>ce now</p></body></html>").hasRule("html.split-words")).isFalse();
        assertThat(analyze("Content-Type: text/html\n\n<html><body><div style=\"display:none\">Your October statement"
            + "</div><p>Hello " + tiny + "a</span> there " + tiny + "b</span> and " + tiny + "c</span> more</p></body></html>")
            .hasRule("html.split-words")).isFalse();
    }

    @Test
    void invisibleCharactersBetweenTheLettersOfWordsScore() {
        String zw = "&zwnj;&#8203;";
        StringBuilder footer = new StringBuilder();
        for (char c : "228 Park Ave South, New York".toCharArray()) {
            footer.append(c).append(c == ' ' ? "" : zw);
        }
        ScanReport report = analyze("Content-Type: text/html\n\n<html><body><p>You have new messages.</p><p>" + footer
            + "</p></body></html>");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("text.invisible-inside-words")).singleElement()
            .satisfies(f -> assertThat(f.detail()).startsWith("16 invisible characters"));

        // Soft hyphens are hyphenation hints; a preheader's zero-width padding sits between spaces, not letters;
        // Persian writes the non-joiner inside words.
        StringBuilder german = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            german.append("Donau&shy;dampf&shy;schiff&shy;fahrt ");
        }
        assertThat(analyze("Content-Type: text/html\n\n<html><body><p>" + german + "</p></body></html>")
            .hasRule("text.invisible-inside-words")).isFalse();
        assertThat(analyze("Content-Type: text/html\n\n<html><body><div>Your October statement"
            + " &zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;"
            + "&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div><p>Hello</p></body></html>")
            .hasRule("text.invisible-inside-words")).isFalse();
        assertThat(analyze("Content-Type: text/plain; charset=UTF-8\n\n"
            + "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 ".repeat(12)).hasRule("text.invisible-inside-words"))
            .isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Dear E-mail User,", "Dear Webmail Account Owner,",
        "  Hello Mailbox User", "Dear Valued Email Account Holder,", "Attention: Beneficiary", "Dear Lucky Winner"})
    void aGreetingToAMailboxHolderOrAWinnerTheSenderDoesNotKnowScores(String greeting) {
        assertThat(analyze("Subject: notice\n\n" + greeting + "\nYour mailbox is ready.").findings())
            .filteredOn(f -> f.rule().equals("text.generic-greeting")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains(greeting.trim().replace(",", "")));
    }

    @Test
    void theStaffGreetedAsSuchFromOutsideScoresAndFromTheOrganisationItselfDoesNot() {
        String body = "Subject: Your review\n\nDear Employee,\nYour annual review is ready.";
        ScanContext acme = ScanContext.builder().localDomains(java.util.Set.of("acme-corp.com")).build();
        ScanReport outside = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(("From: HR <hr@people-review.example>\n" + body)
            .getBytes(StandardCharsets.UTF_8)), acme, outside);
        assertThat(outside.findings()).filteredOn(f -> f.rule().equals("text.generic-greeting")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("Dear Employee"));
        ScanReport own = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(("From: HR <hr@acme-corp.com>\n" + body)
            .getBytes(StandardCharsets.UTF_8)), acme, own);
        assertThat(own.hasRule("text.generic-greeting")).isFalse();
        ScanReport conference = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(("From: PC <pc@conf.example>\nSubject: CFP\n\n"
            + "Dear Colleague,\nWe invite you to submit a paper.").getBytes(StandardCharsets.UTF_8)), acme, conference);
        assertThat(conference.hasRule("text.generic-greeting")).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"添加助理薇信：gu8866a（备注：牛股）", "咨询请加V：dk-5050",
        "看图请加微：mb-8899", "有意者加Ｖ：jz-6688", "详情加 vx: abc12345", "威信号 zx2026kk", "V信同号", "扣扣 3312345678"})
    void aChatContactWrittenInDisguiseIsASpammersMark(String line) {
        assertThat(analyze("Content-Type: text/plain; charset=UTF-8\n\n您好！" + line + "\n").findings())
            .filteredOn(f -> f.rule().equals("text.disguised-contact")).singleElement()
            .satisfies(f -> assertThat(f.score()).isEqualTo(ContentAnalyzer.DISGUISED_CONTACT_SCORE));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"可以直接微信联系我（手机同号 138-0000-5678）", "请加微信 chen_jl88 联系",
        "新经理很快树立了威信", "Please complete the verification +verification step",
        "https://example.com/t/vxmf7ix-grsqz5_girlzt74brg0lqvcdxlbckobljxi7gcm", "token=+v9hqm40ajxzg2o6dyirfadkprisyas"})
    void plainChatContactsWordsAndTokensAreNot(String line) {
        assertThat(analyze("Content-Type: text/plain; charset=UTF-8\n\n" + line + "\n").hasRule("text.disguised-contact"))
            .isFalse();
    }

    @Test
    void aSentenceDrawnByTheStyleSheetIsFlaggedButIconsQuotesAndColumnLabelsAreNot() {
        ScanReport report = analyze("Content-Type: text/html\n\n<html><head><style>.a::before{content:\"Verify your account within"
            + " 24 hours or your mailbox will be suspended.\"}</style></head><body><p class=\"a\"></p></body></html>");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("html.css-text")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("Verify your account"));

        assertThat(analyze("Content-Type: text/html\n\n<html><head><style>.i::before{content:\"\\f101\"} q::before{content:'\u201c'}"
            + " .c::after{content:''} td:nth-of-type(1):before{content:\"Order number\"} td:nth-of-type(2):before"
            + "{content:\"Delivery date\"} td:nth-of-type(3):before{content:attr(data-label)}</style></head><body><p>Your"
            + " order</p></body></html>").hasRule("html.css-text")).isFalse();
    }

    @Test
    void aLureWrittenWithSoftHyphensOrZeroWidthCharactersOrInATextBoxIsRead() {
        assertThat(analyze("Content-Type: text/plain; charset=UTF-8\n\nVer\u00adify your ac\u00adcount now.")
            .hasRule("text.lure-credentials")).isTrue();
        assertThat(analyze("Content-Type: text/plain; charset=UTF-8\n\nV\u200be\u200br\u200bi\u200bf\u200by your account now.")
            .hasRule("text.lure-credentials")).isTrue();
        assertThat(analyze("Content-Type: text/html\n\n<html><body><input type=\"text\" value=\"Verify your account now.\""
            + " style=\"border:0\"></body></html>").hasRule("text.lure-credentials")).isTrue();
        assertThat(analyze("Content-Type: text/html\n\n<html><body><input type=\"hidden\" value=\"Verify your account now.\">"
            + "</body></html>").hasRule("text.lure-credentials")).as("a hidden field is not shown").isFalse();
    }

    @Test
    void textWrittenBackwardsAndTurnedRoundByARightToLeftOverrideIsReadAsShownAndFlagged() {
        String lure = new StringBuilder("Your password expires today. Verify your account now.").reverse().toString();
        ScanReport report = analyze("Content-Type: text/html\n\n<html><body><p>Hello,</p>"
            + "<p><span style=\"unicode-bidi: bidi-override; direction: rtl\">" + lure + "</span></p></body></html>");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("html.reversed-text")).singleElement()
            .satisfies(f -> assertThat(f.score()).isEqualTo(ContentAnalyzer.REVERSED_TEXT_SCORE));
        assertThat(report.hasRule("text.lure-credentials")).as("the words as the reader sees them").isTrue();
        assertThat(analyze("Content-Type: text/html\n\n<html><body><bdo dir=\"rtl\">" + lure + "</bdo></body></html>")
            .hasRule("html.reversed-text")).isTrue();

        // Hebrew shown right to left is Hebrew's own order, and a right-to-left paragraph is no override.
        assertThat(analyze("Content-Type: text/html; charset=UTF-8\n\n<html><body><p style=\"unicode-bidi: bidi-override;"
            + " direction: rtl\">\u05d4\u05de\u05e4\u05d2\u05e9 \u05d4\u05d1\u05d0 \u05d9\u05ea\u05e7\u05d9\u05d9\u05dd"
            + " \u05d1\u05d3\u05e6\u05de\u05d1\u05e8</p></body></html>").hasRule("html.reversed-text")).isFalse();
        assertThat(analyze("Content-Type: text/html\n\n<html dir=\"rtl\"><body><p style=\"direction: rtl\">"
            + "Register for the meetup on our site</p></body></html>").hasRule("html.reversed-text")).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Dear Anna,", "> Dear E-mail User,", "Dear Customer,",
        "Dear Sir/Madam,", "Dear Friend,", "Thank you, dear email user, for your patience", "Dear Customer Service team,"})
    void greetingsThatWantedMailWritesDoNot(String greeting) {
        assertThat(analyze("Subject: notice\n\n" + greeting + "\nYour statement is ready.").hasRule("text.generic-greeting"))
            .isFalse();
    }

    @Test
    void aGreetingThatNamesTheReaderByAddressScores() {
        ScanReport report = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(("To: bob@acme-corp.com\nSubject: mailbox\n\n"
            + "Dear bob@acme-corp.com,\n\nYour mailbox is almost full.").getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().build(), report);
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("text.address-greeting")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("Dear bob@acme-corp.com"));

        report = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(("To: undisclosed-recipients:;\nSubject: hi\n\n"
            + "bob@acme-corp.com，您好：请查收附件。").getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().recipients(java.util.List.of("bob@acme-corp.com")).build(), report);
        assertThat(report.hasRule("text.address-greeting")).isTrue();

        assertThat(analyze("To: bob@acme-corp.com\nSubject: Fatura\n\nOlá bob@acme-corp.com! Sua fatura chegou.")
            .hasRule("text.address-greeting")).as("the greetings of the other languages").isTrue();
        report = analyze("To: bob@acme-corp.com\nSubject: RE: bob@acme-corp.com, your plan was adjusted\n\nSee the new price.");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("text.address-greeting")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("opens with the reader's mail address"));
        assertThat(analyze("To: bob@acme-corp.com\nSubject: access for bob@acme-corp.com, done\n\nAs asked.")
            .hasRule("text.address-greeting")).as("an address inside the subject's sentence").isFalse();
        // Another address in the greeting (a colleague named in a forward), or a greeting by name, is ordinary.
        assertThat(analyze("To: bob@acme-corp.com\nSubject: fwd\n\nHi alice@acme-corp.com, see below.")
            .hasRule("text.address-greeting")).isFalse();
        assertThat(analyze("To: bob@acme-corp.com\nSubject: lunch\n\nDear Bob, shall we meet at noon?")
            .hasRule("text.address-greeting")).isFalse();
    }

    @Test
    void answersSentToAnotherFreeMailAddressAreAScamsMark() {
        ScanReport report = analyze("From: Laura <contact@ciziu.example>\nSubject: hi\n\nciao! I'm searching for a friend. "
            + "Write to: lencinuckols321@gmail.com , I'm going to send You my photo.");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("text.reply-elsewhere")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("lencinuckols321@gmail.com"));
        assertThat(analyze("From: tan <tan@att.example>\nSubject: x\n\n点击接受就可以啦。 回复请致：xiaowang6418@yahoo.com")
            .hasRule("text.reply-elsewhere")).isTrue();
        // A text that starts with '@' (here the subject, a handle) is read on to the address after it.
        assertThat(analyze("From: Laura <contact@ciziu.example>\nSubject: @laura\n\nhere! Write to: laura.k1997@gmail.com")
            .hasRule("text.reply-elsewhere")).isTrue();

        // The sender's own address, its Reply-To, a company address, or mail sent by a local user: not judged.
        assertThat(analyze("From: Ann <ann.lee@gmail.com>\nSubject: x\n\nEmail me at ann.lee@gmail.com when you land.")
            .hasRule("text.reply-elsewhere")).isFalse();
        assertThat(analyze("From: Ann <ann@shop.example>\nReply-To: ann.lee@gmail.com\nSubject: x\n\nContact me at ann.lee@gmail.com.")
            .hasRule("text.reply-elsewhere")).isFalse();
        assertThat(analyze("From: Ann <ann@shop.example>\nSubject: x\n\nContact us at sales@shop-orders.example.")
            .hasRule("text.reply-elsewhere")).isFalse();
        ScanReport outbound = new ScanReport();
        new ContentAnalyzer().analyze(new MessageParser().parse(("From: bob@acme-corp.com\nSubject: leaving\n\n"
            + "From Monday, write to me at bob.smith@gmail.com.").getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().flow(io.rampart.core.flow.Flow.OUTBOUND).authenticatedUser(java.util.Optional.of("bob@acme-corp.com"))
                .build(), outbound);
        assertThat(outbound.hasRule("text.reply-elsewhere")).isFalse();
    }
}
