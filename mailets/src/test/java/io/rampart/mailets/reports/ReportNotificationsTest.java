package io.rampart.mailets.reports;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Optional;
import java.util.Properties;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.reports.Fingerprint;
import io.rampart.core.reports.Report;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportService;
import io.rampart.core.reports.ReportSource;
import io.rampart.mailets.Notifier;

class ReportNotificationsTest {
    private static final Fingerprint FINGERPRINT = Fingerprint.of(Optional.of("<m@x>"), Optional.of("it@phish.example"),
        "Verify", ImmutableSet.of("http://evil.example/"), ImmutableSet.of());

    private Notifier notifier;

    @BeforeEach
    void setUp() {
        notifier = mock(Notifier.class);
    }

    private static Rampart rampart(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return Rampart.start(RampartConfiguration.parse("test", properties));
    }

    @Test
    void phishReportShouldBeToldToTheSecurityMailbox() throws Exception {
        Rampart rampart = rampart();
        ReportService.Recorded recorded = rampart.reports().record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER,
            FINGERPRINT, Optional.empty());

        new ReportNotifications(rampart, notifier).recorded(recorded);

        verify(notifier).toSecurity(eq("[Rampart] New phish report: Verify"), startsWith("A message was reported as phish."));
    }

    @Test
    void junkReportShouldOnlyBeListed() {
        Rampart rampart = rampart();
        ReportService.Recorded recorded = rampart.reports().record("alice@acme.test", ReportKind.JUNK, ReportSource.FOLDER,
            FINGERPRINT, Optional.empty());

        new ReportNotifications(rampart, notifier).recorded(recorded);

        verifyNoInteractions(notifier);
    }

    @Test
    void reporterShouldHearTheDecisionWhenConfigured() throws Exception {
        Rampart rampart = rampart("reports.notifyReporter", "true");
        Report report = rampart.reports().record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, FINGERPRINT,
            Optional.empty()).report();
        Report confirmed = rampart.reports().decide(report.id(), ReportService.Decision.CONFIRM);

        new ReportNotifications(rampart, notifier).decided(confirmed);

        verify(notifier).send(eq(ImmutableList.of(new MailAddress("alice@acme.test"))), eq("[Rampart] Your report: Verify"),
            org.mockito.ArgumentMatchers.contains("confirmed it was unwanted"));
    }

    @Test
    void reporterShouldNotHearTheDecisionByDefault() throws Exception {
        Rampart rampart = rampart();
        Report report = rampart.reports().record("alice@acme.test", ReportKind.PHISH, ReportSource.FOLDER, FINGERPRINT,
            Optional.empty()).report();

        new ReportNotifications(rampart, notifier).decided(rampart.reports().decide(report.id(), ReportService.Decision.DISMISS));

        verify(notifier, never()).send(org.mockito.ArgumentMatchers.any(), anyString(), anyString());
    }
}
