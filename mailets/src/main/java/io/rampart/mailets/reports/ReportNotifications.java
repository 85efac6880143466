package io.rampart.mailets.reports;

import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.reports.Fingerprint;
import io.rampart.core.reports.RecallCandidate;
import io.rampart.core.reports.Report;
import io.rampart.core.reports.ReportKind;
import io.rampart.core.reports.ReportService;
import io.rampart.core.reports.ReportStatus;
import io.rampart.mailets.Notifier;

/**
 * Mail about reports: the security mailbox hears of every new phishing report (junk and not-junk
 * moves are only listed: they are frequent preference signals) and of every new recall candidate; with {@code reports.notifyReporter=true} the reporter hears the admin's decision.
 * A notice that cannot be sent is logged: it never loses the report.
 */
@Singleton
public class ReportNotifications {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReportNotifications.class);

    private final Rampart rampart;
    private final Notifier notifier;

    @Inject
    public ReportNotifications(Rampart rampart, Notifier notifier) {
        this.rampart = rampart;
        this.notifier = notifier;
    }

    public void recorded(ReportService.Recorded recorded) {
        if (recorded.duplicate()) {
            return;
        }
        recorded.newCandidate().ifPresent(this::recallCandidate);
        Report report = recorded.report();
        if (report.kind() != ReportKind.PHISH) {
            return;
        }
        Fingerprint fingerprint = report.fingerprint();
        trySend(() -> notifier.toSecurity("[Rampart] New " + report.kind().asString() + " report: " + subjectOf(fingerprint),
            "A message was reported as " + report.kind().asString() + ".\n\n"
                + "Report:   " + report.id() + "\n"
                + "Reporter: " + report.reporter() + " (" + report.source().asString() + ")\n"
                + describe(fingerprint)
                + "\nTriage: POST /rampart/reports/" + report.id() + "?action=confirm|dismiss\n"), "new report " + report.id());
    }

    public void recallCandidate(RecallCandidate candidate) {
        trySend(() -> notifier.toSecurity("[Rampart] Recall candidate: reported by " + candidate.reporters().size() + " users",
            "A campaign was reported by " + candidate.reporters().size() + " distinct users (threshold "
                + rampart.configuration().reports().recallCandidateThreshold() + "): consider recalling it.\n\n"
                + "Candidate:   " + candidate.id() + "\n"
                + "Reporters:   " + String.join(", ", candidate.reporters()) + "\n"
                + "Message-IDs: " + String.join(", ", candidate.messageIds()) + "\n"
                + "Senders:     " + String.join(", ", candidate.senders()) + "\n"
                + "Subjects:    " + String.join(" | ", candidate.subjects()) + "\n"
                + "URLs:        " + String.join(" ", candidate.urls()) + "\n"
                + "SHA-256:     " + String.join(" ", candidate.sha256()) + "\n"
                + "\nSee GET /rampart/reports/candidates\n"), "recall candidate " + candidate.id());
    }

    public void decided(Report report) {
        if (!rampart.configuration().reports().notifyReporter() || report.status() == ReportStatus.NEW) {
            return;
        }
        String verdict = report.status() == ReportStatus.CONFIRMED
            ? "Our security team confirmed it was unwanted. Thank you: similar messages will now be stopped."
            : "Our security team reviewed it and found it safe.";
        trySend(() -> notifier.send(ImmutableList.of(new MailAddress(report.reporter())),
            "[Rampart] Your report: " + subjectOf(report.fingerprint()),
            "You reported the message \"" + subjectOf(report.fingerprint()) + "\"" + report.fingerprint().sender()
                .map(s -> " from " + s).orElse("") + ".\n\n" + verdict + "\n"), "decision on report " + report.id());
    }

    private static String subjectOf(Fingerprint fingerprint) {
        return fingerprint.subject().isEmpty() ? "(no subject)" : fingerprint.subject();
    }

    private static String describe(Fingerprint fingerprint) {
        return "Message-ID: " + fingerprint.messageId().orElse("-") + "\n"
            + "Sender:     " + fingerprint.sender().orElse("-") + "\n"
            + "Subject:    " + subjectOf(fingerprint) + "\n"
            + "URLs:       " + (fingerprint.urls().isEmpty() ? "-" : String.join(" ", fingerprint.urls())) + "\n"
            + "SHA-256:    " + (fingerprint.sha256().isEmpty() ? "-" : String.join(" ", fingerprint.sha256())) + "\n";
    }

    private interface Send {
        void run() throws MessagingException;
    }

    private static void trySend(Send send, String what) {
        try {
            send.run();
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("Rampart could not send the notice about {}", what, e);
        }
    }

}
