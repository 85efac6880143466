package io.rampart.smtp;

import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.Rampart;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.RawHeaderFields;
import io.rampart.core.verdict.Verdict;
import io.rampart.mailets.LocalDomains;
import io.rampart.mailets.MailBytes;
import io.rampart.mailets.RampartScan;

/**
 * Scans inbound mail during the SMTP transaction (at the end of DATA) and refuses it when its score
 * reaches {@code flow.inbound.rejectScore}, so nothing is accepted and later bounced. The 5xx text says
 * why in one line. Mail from authenticated users, relay-allowed clients and trusted networks is not
 * judged here. The verdict is kept on the mail so the scan mailet does not repeat the work.
 *
 * <p>It scans even with no reject score set: here the message is still the bytes the client sent, and
 * after James's mail queue it is not. James 3.8.1 writes header lines it has touched back as US-ASCII, so a
 * raw UTF-8 header ({@code From: 财务部 <caiwu@...>}, RFC 6532) reaches the mailets as question marks;
 * scanned here, the department and impersonation rules read the name. The scan runs once either way. Mail it
 * accepts has such fields written as RFC 2047 encoded words ({@link RawHeaderFields}), so that the delivered copy
 * shows the subject and names that were sent, not question marks.
 *
 * <pre>{@code <handler class="io.rampart.smtp.RampartRejectHook"/>}</pre>
 */
public class RampartRejectHook implements JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(RampartRejectHook.class);
    private static final int MAX_REPLY_LENGTH = 400;

    private final Rampart rampart;
    private final LocalDomains localDomains;

    @Inject
    public RampartRejectHook(Rampart rampart, LocalDomains localDomains) {
        this.rampart = rampart;
        this.localDomains = localDomains;
    }

    @Override
    public void init(Configuration config) throws ConfigurationException {
        if (config == null) {
            return;
        }
        java.util.List<String> settings = com.google.common.collect.ImmutableList.copyOf(config.getKeys()).stream()
            .filter(key -> !key.startsWith("[@"))
            .collect(Collectors.toList());
        if (!settings.isEmpty()) {
            throw new ConfigurationException("io.rampart.smtp.RampartRejectHook takes no settings (found: "
                + settings + "); set flow.inbound.rejectScore in rampart.properties");
        }
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        Optional<Double> rejectScore = rampart.configuration().flow(Flow.INBOUND).rejectScore();
        if (session.getUsername() != null || session.isRelayingAllowed()
            || rampart.configuration().network().isTrusted(remoteAddress(session))) {
            // Not judged here, but web applications and scripts that authenticate send raw UTF-8 subjects too.
            try {
                encodeRawHeaders(mail, MailBytes.head(mail.getMessage(), RawHeaderFields.MAX_HEADER_BYTES));
            } catch (MessagingException | RuntimeException e) {
                LOGGER.warn("Rampart could not read the header of mail {} at SMTP time", mail.getName(), e);
            }
            return HookResult.DECLINED;
        }
        try {
            ScanContext context = ScanContext.builder()
                .flow(Flow.INBOUND)
                .envelopeSender(mail.getMaybeSender().asOptional().map(MailAddress::asString))
                .recipients(mail.getRecipients().stream()
                    .filter(recipient -> localDomains.get().contains(recipient.getDomain().asString()))
                    .map(MailAddress::asString).collect(Collectors.toList()))
                .localDomains(localDomains.get())
                .remoteAddress(Optional.ofNullable(remoteAddress(session)))
                .build();
            byte[] raw = MailBytes.of(mail.getMessage());
            Verdict verdict = rampart.engine().scan(raw, context);
            if (rejectScore.isPresent() && verdict.score() >= rejectScore.get()) {
                LOGGER.info("Rampart refused inbound mail from {} at SMTP: {}", mail.getMaybeSender().asString(),
                    verdict.reason());
                rampart.ledger().record(io.rampart.mailets.DeliveryLedger.entry(mail, Flow.INBOUND,
                    Optional.of(verdict), io.rampart.core.ledger.DeliveryOutcome.BLOCKED));
                return HookResult.builder()
                    .hookReturnCode(HookReturnCode.deny())
                    .smtpReturnCode("550")
                    .smtpDescription(replyText(verdict))
                    .build();
            }
            RampartScan.rememberInboundVerdict(mail, verdict);
            encodeRawHeaders(mail, raw);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("Rampart could not pre-scan inbound mail at SMTP time; it will be scanned after acceptance", e);
        }
        return HookResult.DECLINED;
    }

    /**
     * Writes header fields the client sent as raw 8-bit bytes as RFC 2047 encoded words (see {@link RawHeaderFields}),
     * before James's queue writes every header line back as US-ASCII and turns those bytes into question marks. The
     * fields of one name are replaced together, in their order; nothing else of the message changes.
     */
    static void encodeRawHeaders(Mail mail, byte[] raw) throws MessagingException {
        java.util.List<RawHeaderFields.Field> fields = RawHeaderFields.eightBit(raw);
        if (fields.isEmpty()) {
            return;
        }
        java.util.Map<String, java.util.List<RawHeaderFields.Field>> byName = fields.stream().collect(Collectors.groupingBy(
            field -> field.name().toLowerCase(java.util.Locale.ROOT), java.util.LinkedHashMap::new, Collectors.toList()));
        javax.mail.internet.MimeMessage message = mail.getMessage();
        for (java.util.List<RawHeaderFields.Field> same : byName.values()) {
            String name = same.get(0).name();
            if (same.size() == 1) {
                message.setHeader(name, same.get(0).asciiValue());
            } else {
                message.removeHeader(name);
                for (RawHeaderFields.Field field : same) {
                    message.addHeader(name, field.asciiValue());
                }
            }
        }
        MailBytes.saveChangesIfPossible(message, mail.getName());
        LOGGER.info("Rampart wrote raw 8-bit header field(s) {} of mail {} from {} as RFC 2047 encoded words",
            byName.keySet(), mail.getName(), mail.getMaybeSender().asString());
    }

    static String replyText(Verdict verdict) {
        String text = "5.7.1 Rejected by Rampart: " + verdict.verdictClass().asString() + " (score "
            + verdict.formattedScore() + ", " + String.join(",", verdict.rules().subList(0,
            Math.min(3, verdict.rules().size()))) + ")";
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > MAX_REPLY_LENGTH ? oneLine.substring(0, MAX_REPLY_LENGTH) : oneLine;
    }

    private static String remoteAddress(SMTPSession session) {
        return session.getRemoteAddress() == null || session.getRemoteAddress().getAddress() == null ? null
            : session.getRemoteAddress().getAddress().getHostAddress();
    }
}
