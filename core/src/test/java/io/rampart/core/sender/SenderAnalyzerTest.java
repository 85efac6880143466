package io.rampart.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.message.MessageParser;

class SenderAnalyzerTest {
    private static final ScanContext LOCAL = ScanContext.builder().localDomains(ImmutableSet.of("example.com")).build();

    private static ScanReport analyze(String headers, ScanContext context) {
        ScanReport report = new ScanReport();
        new SenderAnalyzer(DetectionSettings.defaults()).analyze(
            new MessageParser().parse((headers + "\n\nbody\n").getBytes(StandardCharsets.UTF_8)), context, report);
        return report;
    }

    @Test
    void aMailingListsOwnReplyToIsNoDiversion() {
        ScanContext none = ScanContext.builder().build();
        assertThat(analyze("From: \"Marcus via USRP-users\" <usrp-users@lists.ettus.com>\nReply-To: \"Marcus\" "
            + "<patchvonbraun@gmail.com>\nList-Post: <mailto:usrp-users@lists.ettus.com>", none).hasRule("sender.reply-to-divergence"))
            .as("From rewritten to the list for DMARC, the poster in Reply-To").isFalse();
        assertThat(analyze("From: \"Martin\" <martin@srv0.ems.ed.ac.uk>\nReply-To: zzzzteana@yahoogroups.com\n"
            + "Mailing-List: list zzzzteana@yahoogroups.com; contact zzzzteana-owner@yahoogroups.com", none)
            .hasRule("sender.reply-to-divergence")).as("a list that sets Reply-To to itself").isFalse();
        assertThat(analyze("From: \"Bank\" <alerts@bank.example>\nReply-To: collect.funds@gmail.com\n"
            + "List-Post: <mailto:news@lists.bank.example>", none).hasRule("sender.reply-to-divergence"))
            .as("list headers with replies going elsewhere still divert").isTrue();
    }

    @Test
    void freeMailIsTheProvidersMailboxDomainNotItsServiceHosts() {
        assertThat(List.of("gmail.com", "QQ.com", "vip.qq.com", "vip.163.com")).allSatisfy(domain ->
            assertThat(SenderAnalyzer.isFreeMail(domain)).as(domain).isTrue());
        assertThat(List.of("work.weixin.qq.com", "mail.google.com", "acme-corp.com")).allSatisfy(domain ->
            assertThat(SenderAnalyzer.isFreeMail(domain)).as(domain).isFalse());
    }

    @Test
    void shouldFlagChineseFinanceDepartmentFromOutsideAddress() {
        ScanReport report = analyze("From: =?UTF-8?B?6LSi5Yqh6YOo?= <caiwu@163.com>\nSubject: x", LOCAL);

        assertThat(report.hasRule("sender.department")).isTrue();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("sender.department"))
            .allMatch(f -> f.category() == Category.PHISH && f.detail().contains("财务部"));
    }

    @Test
    void shouldFlagItSupportDisplayNameFromFreeMailEvenWithoutLocalDomains() {
        ScanReport report = analyze("From: \"IT Support\" <helpdesk.team@gmail.com>", ScanContext.builder().build());

        assertThat(report.hasRule("sender.department")).isTrue();
        assertThat(analyze("From: \"IT Security Awareness\" <training@secure-learning-portal.example>", LOCAL)
            .hasRule("sender.department")).isTrue();
        assertThat(analyze("From: \"Kit Security Systems\" <sales@kitsecurity.example>", LOCAL).hasRule("sender.department"))
            .as("a word ending in 'it'").isFalse();
    }

    @Test
    void shouldNotFlagDepartmentNameFromLocalAddress() {
        ScanReport report = analyze("From: \"HR\" <hr@example.com>", LOCAL);

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldFlagDisplayNameClaimingTheOrganisation() {
        ScanReport report = analyze("From: \"Example.com Payroll\" <payroll@mailer.example.net>", LOCAL);

        assertThat(report.hasRule("sender.impersonates-local")).isTrue();
    }

    @Test
    void shouldFlagLookalikeOfLocalDomain() {
        ScanReport report = analyze("From: Alice <alice@examp1e.com>", LOCAL);

        assertThat(report.hasRule("sender.lookalike-local")).isTrue();
    }

    @Test
    void shouldFlagBrandDisplayNameFromUnrelatedDomain() {
        ScanReport report = analyze("From: \"Microsoft Account Team\" <no-reply@secure-mail.example.net>", LOCAL);

        assertThat(report.hasRule("sender.brand-name")).isTrue();
    }

    @Test
    void aDepartmentOfTheSendersOwnOrganisationIsNotOneOfOurs() {
        assertThat(analyze("From: \"Northwind Accounts Payable\" <ap@northwind-traders.com>", LOCAL).hasRule("sender.department"))
            .isFalse();
        // Its department's own mailbox there: perhaps the sender's department, so half a point, not 2.5.
        for (String from : new String[] {"\"Accounts Payable\" <ap@northwind-traders.com>",
            "\"Finance Department\" <finance@lakeside-foods.com>", "\"IT Support\" <it-support@brightlane-it.com>",
            "\"HR Team\" <hr@talentbridge-recruiting.com>", "=?UTF-8?B?6LSi5Yqh6YOo?= <caiwu@hr-notice.example>"}) {
            assertThat(analyze("From: " + from, LOCAL).findings()).as(from)
                .filteredOn(finding -> finding.rule().equals("sender.department")).singleElement()
                .satisfies(finding -> assertThat(finding.score()).isEqualTo(SenderAnalyzer.DEPARTMENT_OWN_MAILBOX_SCORE));
        }
        // A person's mailbox (a stolen account), or a role no organisation writes to another's people from: ours.
        for (String from : new String[] {"\"Accounts Payable\" <maria.lopez@northwind-traders.com>",
            "\"IT Support\" <hr@talentbridge-recruiting.com>", "\"Mail Administrator\" <admin@lakeside-foods.com>",
            "\"Finance\" <finance@gmail.com>"}) {
            assertThat(analyze("From: " + from, LOCAL).findings()).as(from)
                .filteredOn(finding -> finding.rule().equals("sender.department")).singleElement()
                .satisfies(finding -> assertThat(finding.score()).isEqualTo(SenderAnalyzer.DEPARTMENT_SCORE));
        }
        assertThat(analyze("From: \"Gmail Finance\" <finance.dept@gmail.com>", LOCAL).hasRule("sender.department"))
            .as("free mail has no organisation of its own").isTrue();
        // A domain made of the department's words was registered to play it: no discount for its mailbox.
        for (String from : new String[] {"\"IT Help Desk\" <helpdesk@it-support-desk365.com>",
            "=?UTF-8?B?6LSi5Yqh6YOo?= <caiwu@caiwu-tongzhi.cn>", "\"Accounts Payable\" <ap@payables-portal.com>"}) {
            assertThat(analyze("From: " + from, LOCAL).findings()).as(from)
                .filteredOn(finding -> finding.rule().equals("sender.department")).singleElement()
                .satisfies(finding -> assertThat(finding.score()).isEqualTo(SenderAnalyzer.DEPARTMENT_SCORE));
        }
    }

    @Test
    void aGovernmentAuthorityWritingFromAnOrdinaryDomainIsFlagged() {
        // 国家税务总局 (State Taxation Administration), RFC 2047 as mail programs write it.
        String taxOffice = "=?UTF-8?B?5Zu95a6256iO5Yqh5oC75bGA?=";
        assertThat(List.of("\"IRS Tax Refund\" <refunds@irs-taxreturn.example.com>", "\"GOV.UK\" <notice@gov-uk-dvla.example.net>",
                "\"HMRC Online\" <hmrc.refund@gmail.com>", taxOffice + " <service@gszj-tax.cn>",
                "=?UTF-8?B?5Zu95a625Yy75L+d5bGA?= <yibao@nhsa-gov.cn.com>", "\"Receita Federal - Restitui\u00e7\u00e3o\" <r@irpf-consulta.example>",
                "\"Agenzia delle Entrate\" <rimborsi@entrate-servizi.example>", "\"Belastingdienst\" <teruggave@bd-portaal.example>",
                "\"IRS Refunds\" <refunds@irs-taxreturn.com>", "\"DVLA Enforcement\" <notice@dvla-penalty-services.com>",
                "\"Belastingdienst\" <info@belastingdienst-teruggave.nl>",
                "\"DGT - Dirección General de Tráfico\" <n@dgt-multas-pago.com>", "\"ANTAI\" <avis@antai-paiement-amende.fr>",
                "\"ELSTER Steuerverwaltung\" <service@elster-erstattung.de>", "\"US District Court - Clerk\" <clerk@uscourts-ecf-notice.com>",
                // 银保监会征信中心
                "=?UTF-8?B?6ZO25L+d55uR5Lya5b6B5L+h5Lit5b+D?= <notice@zhengxin-service.example>",
                "\"Finanzamt Steuererstattung\" <erstattung@steuer-erstattung-online.com>"))
            .allSatisfy(from -> assertThat(analyze("From: " + from, ScanContext.builder().build()).findings())
                .filteredOn(f -> f.rule().equals("sender.government-name")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("not a government domain")).as(from));
        // From the government's own domain, or words about taxes rather than an authority's name.
        assertThat(List.of("\"IRS\" <noreply@irs.gov>", "\"HMRC\" <noreply@notifications.hmrc.gov.uk>",
                taxOffice + " <service@chinatax.gov.cn>", "\"Service Canada\" <x@servicecanada.gc.ca>",
                "\"Receita Federal\" <atendimento@receita.fazenda.gov.br>", "\"Belastingdienst\" <info@belastingdienst.nl>",
                "\"Agenzia delle Entrate\" <noreply@agenziaentrate.gov.it>", "=?UTF-8?B?5Lit5Zu95Lq65rCR6ZO26KGM5b6B5L+h5Lit5b+D?= <service@pbccrc.gov.cn>",
                "\"DGT\" <notificaciones@dgt.es>", "\"ANTAI\" <ne-pas-repondre@antai.gouv.fr>", "\"ELSTER\" <noreply@elster.de>",
                "\"Bundeszentralamt für Steuern\" <poststelle@bzst.bund.de>", "\"U.S. District Court\" <ecf@cand.uscourts.gov>",
                "\"Finanzamt München\" <poststelle@finanzamt.bayern.de>", "\"Hamburg District Court\" <p@ag.justiz.hamburg.de>",
                "\"Smith Tax Advisers\" <news@smith-tax.example.com>", "\"Dear Sirs Ltd\" <info@sirs.example.com>"))
            .allSatisfy(from -> assertThat(analyze("From: " + from, ScanContext.builder().build())
                .hasRule("sender.government-name")).as(from).isFalse());
    }

    @Test
    void cousinDomainsOfTheOrganisationAreLookalikes() {
        ScanContext acme = ScanContext.builder().localDomains(ImmutableSet.of("acme-corp.com", "acme-corp.net")).build();
        List<String> details = List.of("acme-corp.co", "acme-corp.com.cn", "acme-corp-payments.com", "secure-acme-corp.com",
                "acme-corp.com.vm-notify.net", "it.acme-corp.mail-secure.net")
            .stream().map(domain -> analyze("From: Dana <dana@" + domain + ">", acme).findings().stream()
                .filter(f -> f.rule().equals("sender.lookalike-local")).map(f -> f.score() + " " + f.detail())
                .collect(Collectors.joining()))
            .collect(Collectors.toList());

        assertThat(details).containsExactly(
            "4.0 sender domain acme-corp.co is the local name 'acme-corp' under another suffix than acme-corp.com",
            "4.0 sender domain acme-corp.com.cn is the local name 'acme-corp' under another suffix than acme-corp.com",
            "4.0 sender domain acme-corp-payments.com wraps the local name 'acme-corp' in other words",
            "4.0 sender domain secure-acme-corp.com wraps the local name 'acme-corp' in other words",
            "4.0 sender domain acme-corp.com.vm-notify.net puts the local name 'acme-corp' in front of vm-notify.net",
            "4.0 sender domain it.acme-corp.mail-secure.net puts the local name 'acme-corp' in front of mail-secure.net");
        // The name misspelt inside a cousin: as a lookalike, not a cousin.
        assertThat(List.of("acme-c0rp-notice.cn", "secure-acrne-corp.com")).allSatisfy(domain ->
            assertThat(analyze("From: Finance <caiwu@" + domain + ">", acme).findings())
                .filteredOn(f -> f.rule().equals("sender.lookalike-local")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("imitates the local domain")).as(domain));
        // The first word of the name with words of its staff's services: weaker, as a provider may run one.
        assertThat(analyze("From: =?UTF-8?B?6LSi5Yqh6YOo?= <caiwu@acme-gov-notice.cn>", acme).findings())
            .filteredOn(f -> f.rule().equals("sender.lookalike-local")).singleElement()
            .satisfies(f -> assertThat(f.score() + " " + f.detail()).isEqualTo("2.5 sender domain acme-gov-notice.cn is the "
                + "first word of the local name 'acme-corp' with words of its staff's services"));
        assertThat(List.of("acme-services.com", "acme-tools.de"))
            .allSatisfy(domain -> assertThat(analyze("From: Dana <dana@" + domain + ">", acme).hasRule("sender.lookalike-local"))
                .as(domain).isFalse());
        assertThat(List.of("acme-corp.net", "mail.acme-corp.com", "macme-corporate.com", "acme.com", "acme-corp.atlassian.net",
            "acme-corp.zendesk.com", "acme-core-pumps.com", "acmecorp.example.net"))
            .allSatisfy(domain -> assertThat(analyze("From: Dana <dana@" + domain + ">", acme).hasRule("sender.lookalike-local"))
                .as(domain).isFalse());
        Properties own = new Properties();
        own.setProperty("detection.ownDomains", "acme-corp.de, Acme-Corp-Events.com");
        ScanReport report = new ScanReport();
        new SenderAnalyzer(RampartConfiguration.parse("test", own).detection()).analyze(new MessageParser().parse(
            "From: Jan <jan@acme-corp.de>\n\nhi\n".getBytes(StandardCharsets.UTF_8)), acme, report);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void microsoftsOwnNotificationDomainsAreMicrosofts() {
        assertThat(analyze("From: \"Alice Chen (via SharePoint Online)\" <no-reply@sharepointonline.com>", LOCAL)
            .hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"Microsoft Teams\" <noreply@email.teams.microsoft.com>", LOCAL).hasRule("sender.brand-name"))
            .isFalse();
        assertThat(analyze("From: \"SharePoint Online\" <no-reply@sharepoint-online-share.com>", LOCAL)
            .hasRule("sender.brand-name")).isTrue();
    }

    @Test
    void aGovernmentNameSpeltWithLookAlikeCapitalsIsDisguised() {
        ScanReport disguised = analyze("From: \"lRS.GOV\" <donotreply@a1.canadianpizzaolds.ca>", LOCAL);
        assertThat(disguised.hasRule("sender.government-name")).isTrue();
        assertThat(disguised.hasRule("sender.disguised-name")).isTrue();
        assertThat(analyze("From: \"IRS\" <donotreply@a1.canadianpizzaolds.ca>", LOCAL).hasRule("sender.disguised-name"))
            .as("written plainly").isFalse();
        assertThat(analyze("From: \"Bill Irsay\" <bill@irsay.example.com>", LOCAL).hasRule("sender.government-name")).isFalse();
        assertThat(DisplayNames.capitalLookalikes("lRS H0MELAND Room 101 Bill l'Agence")).isEqualTo("IRS HOMELAND Room 101 Bill l'Agence");
    }

    @Test
    void aDomainDressedWithShareWordsIsNotANameOnlyBrandsOwnAndCopilotIsNoBrand() {
        assertThat(analyze("From: \"Kraken\" <no-reply@kraken-docs-share.com>", LOCAL).hasRule("sender.brand-name")).isTrue();
        assertThat(analyze("From: \"Kraken\" <no-reply@kraken.com>", LOCAL).hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"Salesforce Einstein Copilot\" <noreply@salesforce.com>", LOCAL)
            .hasRule("sender.brand-name")).as("other companies' assistants are called Copilot too").isFalse();
    }

    @Test
    void chineseCouriersAndEInvoicePlatformsCountByTheirFullNames() {
        assertThat(analyze("From: \"德邦快递\" <service@deppon-kd.com>", LOCAL).hasRule("sender.brand-name")).isTrue();
        assertThat(analyze("From: \"德邦快递财务部\" <finance@deppon.com>", LOCAL).hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"德邦证券\" <service@dbzq.com>", LOCAL).hasRule("sender.brand-name"))
            .as("a broker, not the courier").isFalse();
        assertThat(analyze("From: \"诺诺发票\" <fapiao@nuonuo-fp.com>", LOCAL).hasRule("sender.brand-name")).isTrue();
    }

    @Test
    void aThreeLetterBrandCountsAsAWholeWordOnly() {
        assertThat(analyze("From: \"DHL Express\" <noreply@dhl-delivery-notice.com>", LOCAL).hasRule("sender.brand-name")).isTrue();
        assertThat(analyze("From: \"DHL Express\" <noreply@dhl.fr>", LOCAL).hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"Deutsche Post DHL Group\" <press@dpdhl.com>", LOCAL).hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"Adhlin Co\" <info@adhlin.example.net>", LOCAL).hasRule("sender.brand-name")).isFalse();
    }

    @Test
    void aPersonWhoseNameIsABrandsIsNotImpersonatingIt() {
        assertThat(analyze("From: \"Chase Miller\" <chase.miller@northwind-traders.com>", LOCAL).hasRule("sender.brand-name"))
            .isFalse();
        assertThat(analyze("From: \"Miller, Chase\" <cmiller@northwind-traders.com>", LOCAL).hasRule("sender.brand-name"))
            .isFalse();
        assertThat(analyze("From: \"Chase Miller\" <millerc@northwind-traders.com>", LOCAL).hasRule("sender.brand-name"))
            .isFalse();
        // The brand's own words beside its name, a name alone, or a name the address does not carry: a claim.
        for (String from : new String[] {"\"Chase Bank\" <chase.bank@secure-alerts.example>",
            "\"Chase Online\" <online.chase@secure-alerts.example>", "\"Chase\" <chase@secure-alerts.example>",
            "\"Chase Miller\" <alerts@secure-alerts.example>", "\"Trust Wallet\" <info@wallet-sync.example>",
            "\"Sparkasse Kundenservice\" <kundenservice@sicherheit-onlinebanking.example>",
            "\"Adobe Acrobat Sign\" <echosign@acrobat-sign-documents.example>"}) {
            assertThat(analyze("From: " + from, LOCAL).hasRule("sender.brand-name")).as(from).isTrue();
        }
    }

    @Test
    void shouldFlagReplyToFreeMailDivergingFromSender() {
        ScanReport report = analyze("From: Boss <ceo@partner.example.org>\nReply-To: ceo.private@gmail.com", LOCAL);

        assertThat(report.findings()).filteredOn(f -> f.rule().equals("sender.reply-to-divergence"))
            .extracting(f -> f.score()).containsExactly(SenderAnalyzer.REPLY_TO_FREEMAIL_SCORE);
    }

    @Test
    void shouldFlagDmarcAndSpfFailures() {
        ScanReport report = analyze("From: a@partner.example.org\nAuthentication-Results: mx.example.com;"
            + " spf=fail smtp.mailfrom=partner.example.org; dkim=pass; dmarc=fail header.from=partner.example.org", LOCAL);

        assertThat(report.hasRule("sender.dmarc-fail")).isTrue();
        assertThat(report.hasRule("sender.spf-fail")).isTrue();
        assertThat(report.hasRule("sender.dkim-fail")).isFalse();
        assertThat(report.hasRule("sender.brand-spoof")).as("an ordinary sender's failure is not a brand's").isFalse();
    }

    @Test
    void dmarcFailingForABrandsOwnDomainIsAForgeryOfTheBrand() {
        String failed = "\nAuthentication-Results: mx.example.com; spf=fail smtp.mailfrom=bradesco.com.br;"
            + " dkim=fail header.d=fearzstoppu.example; dmarc=fail action=none header.from=bradesco.com.br";
        assertThat(analyze("From: \"Bradesco Prime\" <notifica@bradesco.com.br>" + failed, LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.brand-spoof")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("notifica@bradesco.com.br", "bradesco"));
        assertThat(analyze("From: \"Bradesco Prime\" <notifica@bradesco.com.br>\nAuthentication-Results: mx.example.com;"
            + " spf=pass smtp.mailfrom=bradesco.com.br; dkim=pass; dmarc=pass header.from=bradesco.com.br", LOCAL)
            .hasRule("sender.brand-spoof")).isFalse();
        assertThat(analyze("From: service@paypal.com\nAuthentication-Results: mx.example.com; dmarc=fail header.from=paypal.com",
            LOCAL).hasRule("sender.brand-spoof")).isTrue();
    }

    @Test
    void shouldFlagEnvelopeSenderDivergence() {
        ScanReport report = analyze("From: a@partner.example.org",
            LOCAL.toBuilder().envelopeSender(Optional.of("bounce@bulk.example.net")).build());

        assertThat(report.hasRule("sender.envelope-divergence")).isTrue();
    }

    @Test
    void shouldFlagAddressInDisplayNameThatDiffersFromSender() {
        ScanReport report = analyze("From: \"support@paypal.com\" <x@evil.example.net>", LOCAL);

        assertThat(report.hasRule("sender.name-address-mismatch")).isTrue();
    }

    @Test
    void shouldFlagFreeMailSenderClaimingToBeACompany() {
        ScanReport report = analyze("From: \"Global Shipping Ltd\" <global.shipping@yahoo.com>", LOCAL);

        assertThat(report.hasRule("sender.freemail-company")).isTrue();
    }

    private static ScanReport withAttachment(String headers, String fileName, ScanContext context) {
        return withAttachment(headers, fileName, "attachment", context);
    }

    private static ScanReport withAttachment(String headers, String fileName, String disposition, ScanContext context) {
        String raw = headers + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
            + "Content-Type: text/plain\n\nPlease find the attached quotation.\n--b\n"
            + "Content-Type: application/octet-stream\nContent-Disposition: " + disposition + "; filename=\"" + fileName + "\"\n"
            + "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n";
        ScanReport report = new ScanReport();
        new SenderAnalyzer(DetectionSettings.defaults()).analyze(
            new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), context, report);
        return report;
    }

    @Test
    void freeMailSendingADocumentToHiddenRecipientsIsMassMailingAFile() {
        ScanReport report = withAttachment("From: Mark <mark.purchasing@gmail.com>\nTo: undisclosed-recipients:;\n"
            + "Subject: Request for Quotation", "RFQ-2026.pdf", LOCAL);

        assertThat(report.findings()).filteredOn(f -> f.rule().equals("sender.hidden-recipients-document")).singleElement()
            .satisfies(f -> {
                assertThat(f.score()).isEqualTo(SenderAnalyzer.HIDDEN_RECIPIENTS_DOCUMENT_SCORE);
                assertThat(f.detail()).contains("mark.purchasing@gmail.com", "RFQ-2026.pdf");
            });
        assertThat(withAttachment("From: mark.purchasing@gmail.com\nTo: mark.purchasing@gmail.com\nSubject: RFQ",
            "rfq.zip", LOCAL).hasRule("sender.hidden-recipients-document")).isTrue();
        assertThat(withAttachment("From: mark.purchasing@gmail.com\nTo: undisclosed-recipients:;\nSubject: RFQ",
            "RFQ.pdf", "inline", LOCAL).hasRule("sender.hidden-recipients-document")).isTrue();
        // A reply goes to the conversation's people; one to hidden recipients is a thread made up for the lure.
        assertThat(withAttachment("From: mark.purchasing@gmail.com\nTo: undisclosed-recipients:;\nSubject: Re: RFQ",
            "RFQ.pdf", LOCAL).hasRule("sender.hidden-recipients-document")).isTrue();
    }

    @Test
    void aDocumentToVisibleRecipientsOrFromACompanyIsOrdinary() {
        assertThat(withAttachment("From: mark.purchasing@gmail.com\nTo: alice@example.com\nSubject: RFQ", "RFQ.pdf", LOCAL)
            .hasRule("sender.hidden-recipients-document")).isFalse();
        assertThat(withAttachment("From: sales@supplier.example\nTo: undisclosed-recipients:;\nSubject: Price list",
            "prices.pdf", LOCAL).hasRule("sender.hidden-recipients-document")).isFalse();
        assertThat(withAttachment("From: mark.purchasing@gmail.com\nTo: undisclosed-recipients:;\nSubject: photos",
            "holiday.jpg", LOCAL).hasRule("sender.hidden-recipients-document")).isFalse();
    }

    @Test
    void aSenderUnderAThrowawayTopLevelDomainScores() {
        assertThat(analyze("From: Life Line <join_now@sarah1.komaa.xyz>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.risky-tld")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("join_now@sarah1.komaa.xyz", ".xyz"));
        assertThat(analyze("From: news@shop.example.com", LOCAL).hasRule("sender.risky-tld")).isFalse();
        // A shop on .shop linking to its own site: link.risky-tld has counted the domain already.
        ScanReport report = new ScanReport();
        report.url("https://cozycandles.shop/collections/autumn");
        new SenderAnalyzer(DetectionSettings.defaults()).analyze(new MessageParser().parse(
            "From: news@cozycandles.shop\n\nbody\n".getBytes(StandardCharsets.UTF_8)), LOCAL, report);
        assertThat(report.hasRule("sender.risky-tld")).isFalse();
        // The organisation's own domain is never judged by its suffix.
        assertThat(analyze("From: hr@acme.shop", ScanContext.builder().localDomains(ImmutableSet.of("acme.shop")).build())
            .hasRule("sender.risky-tld")).isFalse();
    }

    @Test
    void aBillionairesNameOnMailFromSomeoneElsesDomainIsAScamsFace() {
        assertThat(analyze("From: \"Eco Savings by Elon Musk\" <willikonopka@skeedaddlescorner.example>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.celebrity-name")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("elon musk", "willikonopka@skeedaddlescorner.example"));
        assertThat(analyze("From: \"Mr.Warren Buffett Billionaire investor\" <test@central.mercfresh.example>", LOCAL)
            .hasRule("sender.celebrity-name")).isTrue();
        assertThat(analyze("From: \"马云\" <jack@mail-163.example>", LOCAL).hasRule("sender.celebrity-name")).isTrue();
        assertThat(analyze("From: \"Bill Gates\" <noreply@gatesnotes.com>", LOCAL).hasRule("sender.celebrity-name"))
            .as("his own newsletter").isFalse();
        assertThat(analyze("From: \"Muskoka Lakes Tours\" <info@muskoka.example>", LOCAL).hasRule("sender.celebrity-name"))
            .isFalse();
    }

    @Test
    void aSenderOnAMicrosoft365TenantsDefaultDomainScores() {
        assertThat(analyze("From: \"Payroll Services\" <admin@ujxicee.onmicrosoft.com>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.tenant-default-domain")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("admin@ujxicee.onmicrosoft.com"));
        assertThat(analyze("From: \"Payroll Services\" <admin@payroll.example.com>", LOCAL)
            .hasRule("sender.tenant-default-domain")).isFalse();
        assertThat(analyze("From: \"Microsoft Teams\" <noreply@email.teams.microsoft.com>", LOCAL)
            .hasRule("sender.tenant-default-domain")).isFalse();
    }

    @Test
    void aTrademarkSignOnANameThatIsNotTheSendersDomainScores() {
        assertThat(analyze("From: \"Support Team, Ledger\u00a9\" <gayle.luzon@lpunetwork.example.ph>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.trademark-name")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("Ledger\u00a9", "lpunetwork.example.ph"));
        assertThat(analyze("From: Milestone Mastercard\u00ae <valentina_38152@cityinstitute.j3iba.click>", LOCAL)
            .hasRule("sender.trademark-name")).isTrue();
        assertThat(analyze("From: DEWALT\u2122 US0293 <dayvendeacan@experienceprovider.me>", LOCAL)
            .hasRule("sender.trademark-name")).isTrue();
        // A brand writing from its own domain, and a name without the signs, are not judged.
        assertThat(analyze("From: Nespresso\u00ae Club <news@nespresso.example>", LOCAL).hasRule("sender.trademark-name")).isFalse();
        assertThat(analyze("From: Titan Spins Casino\u00ae <win@titanspins-vip.example>", LOCAL)
            .hasRule("sender.trademark-name")).isFalse();
        assertThat(analyze("From: Support Team <gayle.luzon@lpunetwork.example.ph>", LOCAL).hasRule("sender.trademark-name")).isFalse();
    }

    @Test
    void brandsNamedOnlyInDisplayNamesAreClaimsFromElsewhere() {
        for (String from : new String[] {"\"Ledger\" <contact@teamtweaks.example>", "\"Ripple Team\" <xrpl@acg-world.example>",
            "\"BANCO DO BRASIL\" <b098153@bbatendimento.example>", "\"Banco do Brasil\" <bancodobrasil@livelo.example>",
            "\"GitHub\" <support@githubsupport.example>", "\"Ita\u00facard\" <fatura@pagamentos.example>",
            "\"Support Team, Ledger\" <gayle@lpunetwork.example>",
            "\"Booking.com Partner Support\" <partner-support@booking-extranet-help.example>"}) {
            assertThat(analyze("From: " + from, LOCAL).hasRule("sender.brand-name")).as(from).isTrue();
        }
        // The brand's own domain, a company whose domain holds the word, a person of that name, an ordinary word.
        for (String from : new String[] {"\"Ledger\" <hello@ledger.com>", "\"Ripple Effect Consulting\" <info@rippleeffect.example>",
            "\"GitHub\" <noreply@github.com>", "\"Edward Norton\" <edward.norton@films.example>",
            "\"General Ledgers Ltd\" <info@books.example>", "\"Correios\" <sac@correios.com.br>",
            "\"The Ripple Effect\" <ripple-effect@substack.example>", "\"Booking.com\" <noreply@booking.com>",
            "\"Booking Office\" <tickets@theatre.example>"}) {
            assertThat(analyze("From: " + from, LOCAL).hasRule("sender.brand-name")).as(from).isFalse();
        }
    }

    @Test
    void chineseServiceAndBankNamesAreFoundInsideTheDisplayName() {
        for (String[] claim : new String[][] {{"\u9489\u9489\u5b89\u5168\u4e2d\u5fc3", "security@dingtalk-verify.example"},
            {"\u4e2d\u56fd\u5de5\u5546\u94f6\u884c\u5ba2\u670d", "service@icbc-notice.example"}}) {
            assertThat(analyze("From: " + encoded(claim[0]) + " <" + claim[1] + ">", LOCAL).hasRule("sender.brand-name"))
                .as(claim[0]).isTrue();
        }
        for (String[] own : new String[][] {{"\u9489\u9489", "noreply@dingtalk.com"},
            {"\u5de5\u5546\u94f6\u884c\u5317\u4eac\u5206\u884c", "notice@icbc.com.cn"}}) {
            assertThat(analyze("From: " + encoded(own[0]) + " <" + own[1] + ">", LOCAL).hasRule("sender.brand-name"))
                .as(own[0]).isFalse();
        }
    }

    private static String encoded(String name) {
        return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    @Test
    void aBrandSpeltWithLookAlikeLettersIsADisguiseEvenFromItsOwnDomain() {
        assertThat(analyze("From: \"Iedger\" <jennifer@shalinimisra.example>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.disguised-name")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("ledger", "'Iedger'"));
        for (String from : new String[] {"\" lCIoud Almacenamiento \" <jobs@tt.example>",
            "\"[Banco do BrasiI - Comunicado]\" <hguj20286@gmail.com>", "\"Fatura Digital ltaucard\" <s@gmail.com>",
            "\"PayPaI Service\" <service@paypal.com>", "\"Amaz0n\" <a@shop.example>",
            "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("\u041cet\u0430m\u0430sk".getBytes(StandardCharsets.UTF_8))
                + "?= <friendsfibersfun@d.example>"}) {
            ScanReport report = analyze("From: " + from, LOCAL);
            assertThat(report.hasRule("sender.disguised-name")).as(from).isTrue();
            assertThat(report.hasRule("sender.brand-name")).as(from).isTrue();
        }
        // Accents, a capital I for an i, and the Dutch app "Appie" (a small i for an l) are how names are written.
        for (String from : new String[] {"\"Ita\u00fa Unibanco\" <no-reply@itau.com.br>", "\"ICLOUD\" <noreply@icloud.com>",
            "\"Appie\" <app@ah.example>", "\"Ingrid Lindqvist\" <ingrid@lindqvist.example>"}) {
            assertThat(analyze("From: " + from, LOCAL).hasRule("sender.disguised-name")).as(from).isFalse();
        }
    }

    @Test
    void aDisplayNameWithCharactersNobodyTypesIsADisguise() {
        String mixed = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
            " \u041es\u043co\u0455\u0456s.z\u043en\u0435 ".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(analyze("From: " + mixed + " <collab@b2b2c.example>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.disguised-name")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("Cyrillic or Greek"));
        String joined = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
            "d\u034fo\u034fn\u034fo\u034ft\u034fr\u034fe\u034fp\u034fl\u034fy\u034f@e\u034fv\u034fr\u034fi\u034f.c\u034fo\u034fm"
                .getBytes(StandardCharsets.UTF_8)) + "?=";
        ScanReport hidden = analyze("From: " + joined + " <delevty@mkfe9byu.example>", LOCAL);
        assertThat(hidden.hasRule("sender.disguised-name")).isTrue();
        // Read as the reader sees it, the name shows an address that is not the sender's.
        assertThat(hidden.findings()).filteredOn(f -> f.rule().equals("sender.name-address-mismatch")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("donotreply@evri.com"));
        ScanReport styled = analyze("From: " + encoded("\ud835\udde1\ud835\uddf2\ud835\ude01\ud835\uddf3\ud835\uddf9\ud835\uddf6\ud835\ude05")
            + " <info@accounts-hold.example>", LOCAL);
        assertThat(styled.findings()).filteredOn(f -> f.rule().equals("sender.disguised-name")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("styled mathematical letters", "'Netflix'"));
        assertThat(styled.hasRule("sender.brand-name")).as("read as the letters it shows").isTrue();
        assertThat(analyze("From: " + encoded("\uff21\uff22\uff23\u516c\u53f8") + " <info@abc-trading.example>", LOCAL)
            .hasRule("sender.disguised-name")).as("fullwidth letters, as Chinese input methods type them").isFalse();
        // Russian and Greek names, and accented Latin ones written decomposed (as macOS may), are not disguises.
        for (String name : new String[] {"\u041c\u0430\u0440\u0438\u044f \u0418\u0432\u0430\u043d\u043e\u0432\u0430 (Maria)",
            "\u0393\u03b9\u03ac\u03bd\u03bd\u03b7\u03c2 Papadopoulos", "Jose\u0301 Gonc\u0327alves"}) {
            String encoded = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
            assertThat(analyze("From: " + encoded + " <someone@mail.example>", LOCAL).hasRule("sender.disguised-name"))
                .as(name).isFalse();
        }
    }

    @Test
    void aReferenceNumberOrRandomCodeInTheDisplayNameIsANoticeLuresStamp() {
        assertThat(analyze("From: \"Caixa Tem - Protocolo 186553793753752\" <ogbfmfhf@gmail.com>", LOCAL).findings())
            .filteredOn(f -> f.rule().equals("sender.name-reference")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("186553793753752"));
        assertThat(analyze("From: \"Informa BB: Conta bloqueada - Cod.VXfQMHkaoGC4YFK4kX1\" <m@bb-app.example>", LOCAL)
            .hasRule("sender.name-reference")).isTrue();
        // Phone numbers with their country code, the number an SMS or fax gateway writes from, short numbers.
        for (String from : new String[] {"\"+4915112345678\" <voicemail@pbx.example>", "\"15551234567\" <15551234567@sms.example>",
            "\"Room 1204\" <frontdesk@hotel.example>", "\"Acme Support (Case 123456)\" <support@acme.example>",
            "\"iPhone14ProMax Deals\" <deals@shop.example>"}) {
            assertThat(analyze("From: " + from, LOCAL).hasRule("sender.name-reference")).as(from).isFalse();
        }
    }
}
