package io.rampart.mailets.reports;

import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.reports.Fingerprint;
import io.rampart.core.reports.Fingerprints;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportService;
import io.rampart.core.reports.ReportSource;
import io.rampart.mailets.MailBytes;
import io.rampart.matchers.FlowMatcher;

/**
 * Records a phishing report from mail sent to the report address: the reported message is the
 * first attached {@code message/rfc822} (forward "as attachment"); without one, the forward itself
 * is fingerprinted (its URLs and attachments, without a sender). Only mail from local users
 * (authenticated, trusted network or sent by a mailet) counts; the mail is then consumed.
 *
 * <pre>{@code <mailet match="io.rampart.mailets.reports.IsReportAddress" class="io.rampart.mailets.reports.RecordForwardedReport"/>}</pre>
 */
public class RecordForwardedReport extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordForwardedReport.class);

    private final Rampart rampart;
    private final ReportNotifications notifications;

    @Inject
    public RecordForwardedReport(Rampart rampart, ReportNotifications notifications) {
        this.rampart = rampart;
        this.notifications = notifications;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(ImmutableSet.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<MailAddress> reporter = mail.getMaybeSender().asOptional();
        if (reporter.isEmpty() || !FlowMatcher.isLocallySubmitted(mail, rampart)) {
            LOGGER.warn("Rampart ignored a report sent to the report address by {} (not a local user): mail {}",
                mail.getMaybeSender().asString(), mail.getName());
            mail.setState(Mail.GHOST);
            return;
        }
        byte[] raw = MailBytes.of(mail.getMessage());
        Optional<byte[]> attached = Fingerprints.attachedMessage(raw);
        Fingerprint fingerprint;
        if (attached.isPresent()) {
            fingerprint = Fingerprints.of(attached.get());
        } else {
            Fingerprint forward = Fingerprints.of(raw);
            fingerprint = Fingerprint.of(Optional.empty(), Optional.empty(), forward.subject(), forward.urls(),
                forward.sha256());
        }
        ReportService.Recorded recorded = rampart.reports().record(reporter.get().asString(), ReportKind.PHISH,
            ReportSource.FORWARD, fingerprint, Optional.of(attached.orElse(raw)));
        notifications.recorded(recorded);
        LOGGER.info("Rampart recorded report {} forwarded by {} (mail {})", recorded.report().id(),
            reporter.get().asString(), mail.getName());
        mail.setState(Mail.GHOST);
    }

    @Override
    public String getMailetInfo() {
        return "Rampart: record reports forwarded to the report address";
    }
}
