package io.rampart.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.DetectionSettings;
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
    void aThreeLetterBrandCountsAsAWholeWordOnly() {
        assertThat(analyze("From: \"DHL Express\" <noreply@dhl-delivery-notice.com>", LOCAL).hasRule("sender.brand-name")).isTrue();
        assertThat(analyze("From: \"DHL Express\" <noreply@dhl.fr>", LOCAL).hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"Deutsche Post DHL Group\" <press@dpdhl.com>", LOCAL).hasRule("sender.brand-name")).isFalse();
        assertThat(analyze("From: \"Adhlin Co\" <info@adhlin.example.net>", LOCAL).hasRule("sender.brand-name")).isFalse();
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
}
