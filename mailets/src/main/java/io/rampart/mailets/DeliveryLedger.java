package io.rampart.mailets;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.flow.Action;
import io.rampart.core.flow.Flow;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictJson;

/**
 * Writes each mail Rampart acts on into the delivery ledger (Message-ID, From, recipients, subject,
 * verdict, URLs and attachment hashes, outcome per recipient), and checks new mail against the
 * active rules of running recalls so copies arriving during a recall are stopped too.
 */
public final class DeliveryLedger {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryLedger.class);

    private DeliveryLedger() {
    }

    /** The ledger entry for a mail, every recipient with this outcome; the verdict from the mail's attributes. */
    public static LedgerEntry entry(Mail mail, Flow flow, DeliveryOutcome outcome) throws MessagingException {
        Optional<Verdict> verdict = RampartAct.stringAttribute(mail, MailMarks.VERDICT_JSON_ATTRIBUTE).flatMap(json -> {
            try {
                return Optional.of(VerdictJson.fromJsonString(json));
            } catch (IOException e) {
                LOGGER.warn("Unreadable verdict on mail {}: the ledger entry has no URLs or hashes", mail.getName());
                return Optional.empty();
            }
        });
        return entry(mail, flow, verdict, outcome);
    }

    public static LedgerEntry entry(Mail mail, Flow flow, Optional<Verdict> verdict, DeliveryOutcome outcome)
        throws MessagingException {
        MimeMessage message = mail.getMessage();
        LedgerEntry.Builder builder = LedgerEntry.builder()
            .messageId(Optional.ofNullable(message.getMessageID()).orElse(""))
            .sender(sender(mail, message))
            .subject(Optional.ofNullable(message.getSubject()).orElse(""))
            .time(Instant.now())
            .flow(flow.asString())
            .verdict(verdict.map(v -> v.verdictClass().asString()).orElse(""))
            .urls(verdict.map(v -> (Set<String>) v.urls()).orElse(ImmutableSet.of()))
            .hashes(verdict.map(v -> (Set<String>) v.hashes()).orElse(ImmutableSet.of()))
            .references(references(message));
        for (MailAddress recipient : mail.getRecipients()) {
            builder.recipient(recipient.asString(), outcome);
        }
        return builder.build();
    }

    /** The From address (what admins and users see), else the envelope sender. */
    static String sender(Mail mail, MimeMessage message) {
        try {
            javax.mail.Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress) {
                return ((InternetAddress) from[0]).getAddress().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            LOGGER.debug("Unparsable From on mail {}", mail.getName(), e);
        }
        return mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse("");
    }

    private static List<String> references(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {"References", "In-Reply-To"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    for (String token : value.split("[\\s,]+")) {
                        if (token.contains("@")) {
                            ids.add(token);
                        }
                    }
                }
            }
        }
        return ids;
    }

    /** A recall whose active rule selects this mail (only mail headed for local mailboxes), if any. */
    public static Optional<RecallRecord> activeRecall(Rampart rampart, Mail mail, Flow flow) throws MessagingException {
        if (flow == Flow.OUTBOUND) {
            return Optional.empty();
        }
        return rampart.recalls().activeRuleMatching(entry(mail, flow, DeliveryOutcome.DELIVERED));
    }

    /** Records the act step's outcome; a recall's stop is recorded on the recall too. */
    public static void record(Rampart rampart, Mail mail, Flow flow, Action action, Optional<RecallRecord> stoppedBy)
        throws MessagingException {
        LedgerEntry entry = entry(mail, flow, stoppedBy.isPresent() ? DeliveryOutcome.RECALLED
            : DeliveryOutcome.fromAction(action.asString()));
        rampart.ledger().record(entry);
        stoppedBy.ifPresent(record -> rampart.recalls().stoppedOnArrival(record, entry));
    }
}
