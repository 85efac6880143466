package io.rampart.mailets.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.reports.Report;
import io.rampart.core.reports.ReportFilter;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportSource;
import io.rampart.mailets.LocalDomains;

class RecordForwardedReportTest {
    private static final String REPORT_ADDRESS = "report-phish@acme.test";
    private static final String INNER = "From: IT <it@phish.example>\r\n"
        + "Subject: Verify now\r\n"
        + "Message-ID: <inner@phish.example>\r\n"
        + "\r\n"
        + "Go to http://evil.example/login\r\n";
    private static final String FORWARD = "From: alice@acme.test\r\n"
        + "To: " + REPORT_ADDRESS + "\r\n"
        + "Subject: Fwd: Verify now\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
        + "\r\n"
        + "--b\r\n"
        + "Content-Type: text/plain\r\n"
        + "\r\n"
        + "Phishing?\r\n"
        + "--b\r\n"
        + "Content-Type: message/rfc822\r\n"
        + "\r\n"
        + INNER
        + "--b--\r\n";

    private Rampart rampart;
    private ReportNotifications notifications;
    private RecordForwardedReport mailet;
    private LocalDomains localDomains;

    @BeforeEach
    void setUp() throws Exception {
        rampart = Rampart.start(RampartConfiguration.defaults());
        notifications = mock(ReportNotifications.class);
        localDomains = mock(LocalDomains.class);
        when(localDomains.defaultDomain()).thenReturn("acme.test");
        mailet = new RecordForwardedReport(rampart, notifications);
        mailet.init(FakeMailetConfig.builder().mailetName("RecordForwardedReport").build());
    }

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getDefaultInstance(new java.util.Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void forwardFromALocalUserShouldRecordTheAttachedMessageAndBeConsumed() throws Exception {
        FakeMail mail = FakeMail.builder().name("fwd").sender("alice@acme.test").recipient(REPORT_ADDRESS)
            .mimeMessage(message(FORWARD))
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@acme.test")))
            .build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        Report report = rampart.reports().reports(ReportFilter.all()).get(0);
        assertThat(report.reporter()).isEqualTo("alice@acme.test");
        assertThat(report.kind()).isEqualTo(ReportKind.PHISH);
        assertThat(report.source()).isEqualTo(ReportSource.FORWARD);
        assertThat(report.fingerprint().messageId()).contains("<inner@phish.example>");
        assertThat(report.fingerprint().sender()).contains("it@phish.example");
        assertThat(report.fingerprint().urls()).containsExactly("http://evil.example/login");
        verify(notifications).recorded(any());
    }

    @Test
    void forwardFromOutsideShouldBeDroppedWithoutAReport() throws Exception {
        FakeMail mail = FakeMail.builder().name("fwd").sender("stranger@example.net").recipient(REPORT_ADDRESS)
            .mimeMessage(message(FORWARD)).build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(rampart.reports().reports(ReportFilter.all())).isEmpty();
        verify(notifications, never()).recorded(any());
    }

    @Test
    void inlineForwardShouldBeFingerprintedWithoutASender() throws Exception {
        FakeMail mail = FakeMail.builder().name("fwd").sender("alice@acme.test").recipient(REPORT_ADDRESS)
            .mimeMessage(message("From: alice@acme.test\r\nSubject: Fwd: Prize\r\n\r\nSee https://prize.example/claim\r\n"))
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@acme.test")))
            .build();

        mailet.service(mail);

        Report report = rampart.reports().reports(ReportFilter.all()).get(0);
        assertThat(report.fingerprint().sender()).isEmpty();
        assertThat(report.fingerprint().urls()).containsExactly("https://prize.example/claim");
    }

    @Test
    void matcherShouldSelectOnlyTheReportAddress() throws Exception {
        IsReportAddress matcher = new IsReportAddress(rampart, localDomains);
        matcher.init(FakeMatcherConfig.builder().matcherName("IsReportAddress").build());
        FakeMail mail = FakeMail.builder().name("m").sender("alice@acme.test")
            .recipients("bob@acme.test", "Report-Phish@acme.test").build();

        assertThat(matcher.match(mail)).extracting(org.apache.james.core.MailAddress::asString)
            .containsExactly("Report-Phish@acme.test");
    }

    @Test
    void matcherShouldRefuseACondition() {
        IsReportAddress matcher = new IsReportAddress(rampart, localDomains);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> matcher.init(FakeMatcherConfig.builder()
                .matcherName("IsReportAddress").condition("x@y").build()))
            .isInstanceOf(javax.mail.MessagingException.class)
            .hasMessage("IsReportAddress takes no condition (set reports.address in rampart.properties), got 'x@y'");
    }
}
