package io.rampart.mailets;

import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.alert.Alert;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.flow.Flow;
import io.rampart.core.flood.MailFloodAnalyzer;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.limits.LimitAction;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictJson;

/**
 * Runs Rampart's analysis on a mail of one flow and records the verdict: as mail attributes
 * ({@code rampart.verdict}, {@code rampart.score}, {@code rampart.rules}, {@code rampart.reason},
 * {@code rampart.verdictJson}, {@code rampart.flow}) and as the {@code X-Rampart-Verdict} and
 * {@code X-Rampart-Direction} headers, replacing any such headers the mail arrived with. Inbound mail whose verdict
 * names a mail bomb ({@code inbound.mail-flood}) also records an alert for the flooded recipient
 * ({@code GET /rampart/alerts}) and mails the security mailbox, at most once per recipient per alert interval.
 *
 * <pre>{@code
 * <mailet match="All" class="io.rampart.mailets.RampartScan">
 *     <flow>inbound</flow>
 * </mailet>
 * }</pre>
 */
public class RampartScan extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RampartScan.class);
    private static final AttributeName PRE_VERDICT = AttributeName.of("rampart.preVerdictJson");

    private final Rampart rampart;
    private final LocalDomains localDomains;
    private Flow flow;
    private Notifier notifier;

    @Inject
    public RampartScan(Rampart rampart, LocalDomains localDomains) {
        this.rampart = rampart;
        this.localDomains = localDomains;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(ImmutableSet.of(FlowParameter.NAME));
        flow = FlowParameter.parse(getMailetName(), getInitParameter(FlowParameter.NAME));
        notifier = new Notifier(getMailetContext(), rampart, localDomains);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        ScanContext context = ScanContext.builder()
            .flow(flow)
            .envelopeSender(mail.getMaybeSender().asOptional().map(MailAddress::asString))
            .recipients(mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.toList()))
            .localDomains(localDomains.get())
            .authenticatedUser(io.rampart.matchers.FlowMatcher.authenticatedUser(mail))
            .remoteAddress(Optional.ofNullable(mail.getRemoteAddr()))
            .build();
        Verdict verdict = preScanned(mail).orElseGet(() -> scan(message, context));
        mail.removeAttribute(PRE_VERDICT);
        record(mail, flow, verdict);
        message.removeHeader(MailMarks.VERDICT_HEADER);
        message.removeHeader(MailMarks.DIRECTION_HEADER);
        message.setHeader(MailMarks.VERDICT_HEADER, verdict.headerValue());
        message.setHeader(MailMarks.DIRECTION_HEADER, flow.asString());
        MailBytes.saveChangesIfPossible(message, mail.getName());
        learnSenderName(message, context, verdict);
        floodAlert(verdict);
        LOGGER.info("Rampart {} mail {} from {}: {}", flow.asString(), mail.getName(),
            mail.getMaybeSender().asString(), verdict.reason());
    }

    /**
     * A mail bomb is news for the security team: the recipient is about to get a call from "IT". Recorded as an alert
     * (listed by {@code GET /rampart/alerts}); the security mailbox is mailed once per recipient per alert interval.
     */
    private void floodAlert(Verdict verdict) {
        if (flow != Flow.INBOUND) {
            return;
        }
        verdict.findings().stream().filter(finding -> finding.rule().equals(MailFloodAnalyzer.RULE)).findFirst()
            .ifPresent(finding -> {
                String recipient = MailFloodAnalyzer.recipientOf(finding);
                // The alert store's clock, which also times its once-per-interval notice.
                Alert alert = Alert.of(recipient, MailFloodAnalyzer.RULE, finding.detail(), 0, rampart.clock().instant(),
                    LimitAction.ALERT, Optional.of(flow));
                try {
                    if (rampart.alerts().record(alert)) {
                        notifier.toSecurity("[Rampart] Mail bomb: " + recipient + " is flooded with outside mail",
                            "Rampart sees a mail bomb.\n\n"
                                + "Recipient: " + recipient + "\n"
                                + "Evidence:  " + finding.detail() + "\n"
                                + "Time:      " + alert.time() + "\n\n"
                                + "A flood of sign-ups and newsletters buries real alerts, and is often followed by a call or a"
                                + " chat from someone posing as IT who offers to stop it and asks for remote access: warn "
                                + recipient + ".\n"
                                + "While it lasts, further outside mail to them scores " + MailFloodAnalyzer.RULE
                                + " and goes where flow.inbound.action.spam sends spam.\n\n"
                                + "Review: GET /rampart/alerts, GET /rampart/quarantine.\n");
                    }
                } catch (MessagingException | RuntimeException e) {
                    // The mail itself goes on: only the notice is lost, and the alert is listed.
                    LOGGER.warn("Rampart could not record or mail the mail-bomb alert for {}", recipient, e);
                }
            });
    }

    private Verdict scan(MimeMessage message, ScanContext context) {
        byte[] raw;
        try {
            raw = MailBytes.of(message);
        } catch (MessagingException | RuntimeException e) {
            // Never lost for it: an unreadable mail gets a "not fully scanned" verdict and follows scan.failMode.
            LOGGER.warn("Rampart could not read a message to scan it", e);
            return rampart.engine().unreadable("message could not be read: " + e.getMessage(), context);
        }
        return rampart.engine().scan(raw, context);
    }

    /**
     * A local user's clean mail teaches Rampart the name they send under (detection.people.learn), so
     * that an outsider writing under that name is caught ({@code sender.impersonates-person}).
     */
    private void learnSenderName(MimeMessage message, ScanContext context, Verdict verdict) {
        if (flow == Flow.INBOUND || verdict.verdictClass() != io.rampart.core.verdict.VerdictClass.CLEAN
            || context.authenticatedUser().isEmpty() || !rampart.people().learning()) {
            return;
        }
        try {
            javax.mail.Address[] from = message.getFrom();
            if (from != null && from.length == 1 && from[0] instanceof javax.mail.internet.InternetAddress) {
                javax.mail.internet.InternetAddress address = (javax.mail.internet.InternetAddress) from[0];
                if (address.getPersonal() != null && rampart.people().learn(authenticatedAddress(context, address.getAddress()),
                    address.getAddress(), address.getPersonal())) {
                    LOGGER.info("Rampart learnt that {} sends as '{}'", address.getAddress(), address.getPersonal());
                }
            }
        } catch (MessagingException | RuntimeException e) {
            LOGGER.debug("Rampart could not read the From of mail from {} to learn its name", context.authenticatedUser().get(), e);
        }
    }

    /**
     * The authenticated user as an address: James without virtual hosting authenticates "alice", not
     * "alice@acme-corp.com"; then the user is taken as at the From's domain when that domain is local.
     */
    private static String authenticatedAddress(ScanContext context, String fromAddress) {
        String user = context.authenticatedUser().get();
        int at = fromAddress == null ? -1 : fromAddress.lastIndexOf('@');
        if (user.contains("@") || at < 0 || !context.isLocalDomain(fromAddress.substring(at + 1))) {
            return user;
        }
        return user + fromAddress.substring(at);
    }

    /** Inbound mail already scanned by the SMTP reject hook carries its verdict: do not scan it twice. */
    private Optional<Verdict> preScanned(Mail mail) {
        if (flow != Flow.INBOUND) {
            return Optional.empty();
        }
        return mail.getAttribute(PRE_VERDICT)
            .map(attribute -> String.valueOf(attribute.getValue().value()))
            .flatMap(json -> {
                try {
                    return Optional.of(VerdictJson.fromJsonString(json));
                } catch (java.io.IOException e) {
                    LOGGER.warn("Ignoring an unreadable pre-scan verdict on mail {}", mail.getName(), e);
                    return Optional.empty();
                }
            });
    }

    /** Called by the SMTP hook that scanned inbound mail at the end of DATA. */
    public static void rememberInboundVerdict(Mail mail, Verdict verdict) {
        mail.setAttribute(new Attribute(PRE_VERDICT, AttributeValue.of(VerdictJson.toJsonString(verdict))));
    }

    static void record(Mail mail, Flow flow, Verdict verdict) {
        mail.setAttribute(attribute(MailMarks.FLOW_ATTRIBUTE, flow.asString()));
        mail.setAttribute(attribute(MailMarks.VERDICT_ATTRIBUTE, verdict.verdictClass().asString()));
        mail.setAttribute(new Attribute(AttributeName.of(MailMarks.SCORE_ATTRIBUTE), AttributeValue.of(verdict.score())));
        mail.setAttribute(attribute(MailMarks.RULES_ATTRIBUTE, String.join(",", verdict.rules())));
        mail.setAttribute(attribute(MailMarks.REASON_ATTRIBUTE, verdict.reason()));
        mail.setAttribute(attribute(MailMarks.VERDICT_JSON_ATTRIBUTE, VerdictJson.toJsonString(verdict)));
    }

    static Attribute attribute(String name, String value) {
        return new Attribute(AttributeName.of(name), AttributeValue.of(value));
    }

    @Override
    public String getMailetInfo() {
        return "Rampart scan";
    }
}
