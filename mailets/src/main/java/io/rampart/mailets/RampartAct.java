package io.rampart.mailets;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.ScanSettings;
import io.rampart.core.flow.Action;
import io.rampart.core.flow.Flow;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.verdict.VerdictClass;

/**
 * Acts on the verdict {@link RampartScan} recorded, by the flow's configured action for its class:
 * {@code deliver} (continue, tagged), {@code junk} (deliver into each local recipient's Junk folder),
 * {@code quarantine} (store in the quarantine repository), {@code hold} (store in the audit-hold
 * repository) or {@code drop} (discard with a notice). A mail that could not be fully scanned is
 * quarantined when {@code scan.failMode=closed}. Delivered mail goes on to the {@code transport}
 * processor, where James delivers or relays it as usual.
 */
public class RampartAct extends GenericMailet {
    public static final String JUNK_FOLDER = "Junk";
    public static final String DELIVERY_PATH_PREFIX = "DeliveryPath_";
    private static final Logger LOGGER = LoggerFactory.getLogger(RampartAct.class);

    private final Rampart rampart;
    private final MailRepositoryStore repositoryStore;
    private final UsersRepository usersRepository;
    private final Notifier notifier;
    private Flow flow;

    @Inject
    public RampartAct(Rampart rampart, MailRepositoryStore repositoryStore, UsersRepository usersRepository,
                      Notifier notifier) {
        this.rampart = rampart;
        this.repositoryStore = repositoryStore;
        this.usersRepository = usersRepository;
        this.notifier = notifier;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(ImmutableSet.of(FlowParameter.NAME));
        flow = FlowParameter.parse(getMailetName(), getInitParameter(FlowParameter.NAME));
        MailRepositoryUrl.from(rampart.configuration().quarantine().repository());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        VerdictClass verdictClass = stringAttribute(mail, MailMarks.VERDICT_ATTRIBUTE)
            .map(VerdictClass::parse)
            .orElseThrow(() -> new MessagingException("RampartAct needs RampartScan to run first on mail " + mail.getName()));
        Action action = decide(mail, verdictClass);
        // RAMPART internal threat: RampartControl's outcome (limits, behaviour, policy)
        Optional<Action> override = stringAttribute(mail, RampartControl.OVERRIDE_ACTION).map(Action::parse);
        if (override.isPresent()) {
            boolean allowed = stringAttribute(mail, RampartControl.POLICY_ALLOWED).map(Boolean::parseBoolean).orElse(false);
            if (allowed || RampartControl.severity(override.get()) > RampartControl.severity(action)) {
                action = override.get();
            } else {
                // the verdict's own action is stricter: the control's rule, reason and notice do not apply
                mail.removeAttribute(AttributeName.of(RampartControl.HOLD_RULE));
                mail.removeAttribute(AttributeName.of(RampartControl.HOLD_REASON));
                mail.removeAttribute(AttributeName.of(RampartControl.NOTICE));
            }
        }
        Optional<RecallRecord> recall = DeliveryLedger.activeRecall(rampart, mail, flow);
        if (recall.isPresent() && (action == Action.DELIVER || action == Action.JUNK)) {
            LOGGER.info("Rampart stopped mail {}: recall {} is active for it", mail.getName(), recall.get().id());
            mail.setAttribute(RampartScan.attribute(MailMarks.REASON_ATTRIBUTE, "recall " + recall.get().id() + ": "
                + recall.get().trigger().describe()));
            action = Action.QUARANTINE;
        }
        DeliveryLedger.record(rampart, mail, flow, action, recall);
        mail.setAttribute(RampartScan.attribute(MailMarks.ACTION_ATTRIBUTE, action.asString()));
        switch (action) {
            case DELIVER:
                break;
            case JUNK:
                toJunk(mail);
                break;
            case QUARANTINE:
                store(mail, rampart.configuration().quarantine().repository());
                break;
            case HOLD:
                hold(mail, verdictClass);
                break;
            case DROP:
                drop(mail);
                break;
            default:
                throw new IllegalStateException("Unknown action " + action);
        }
        if (!Mail.GHOST.equals(mail.getState())) {
            mail.setState(Mail.TRANSPORT);
        }
    }

    private Action decide(Mail mail, VerdictClass verdictClass) {
        Action configured = rampart.configuration().flow(flow).action(verdictClass);
        boolean incomplete = stringAttribute(mail, MailMarks.VERDICT_JSON_ATTRIBUTE)
            .map(json -> json.contains("\"complete\":false"))
            .orElse(false);
        if (incomplete && rampart.configuration().scan().failMode() == ScanSettings.FailMode.CLOSED
            && (configured == Action.DELIVER || configured == Action.JUNK)) {
            LOGGER.warn("Rampart could not fully scan mail {}: quarantined (scan.failMode=closed)", mail.getName());
            return Action.QUARANTINE;
        }
        if (incomplete) {
            LOGGER.warn("Rampart could not fully scan mail {}: {} by its partial verdict (scan.failMode=open)",
                mail.getName(), configured.asString());
        }
        return configured;
    }

    private void toJunk(Mail mail) throws MessagingException {
        for (MailAddress recipient : mail.getRecipients()) {
            try {
                String user = usersRepository.getUsername(recipient).asString();
                mail.setAttribute(new Attribute(AttributeName.of(DELIVERY_PATH_PREFIX + user),
                    AttributeValue.of(JUNK_FOLDER)));
            } catch (UsersRepositoryException e) {
                throw new MessagingException("Cannot resolve the user of " + recipient.asString(), e);
            }
        }
    }

    private void store(Mail mail, String repositoryUrl) throws MessagingException {
        mail.setAttribute(RampartScan.attribute(MailMarks.STOPPED_AT_ATTRIBUTE, Instant.now().toString()));
        try {
            repositoryStore.select(MailRepositoryUrl.from(repositoryUrl)).store(mail);
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("Cannot open the Rampart repository " + repositoryUrl, e);
        }
        LOGGER.info("Rampart stored mail {} in {}", mail.getName(), repositoryUrl);
        mail.setState(Mail.GHOST);
    }

    /** Into the audit repository under the mail's name, with an audit record (GET /rampart/audit). */
    private void hold(Mail mail, VerdictClass verdictClass) throws MessagingException {
        String rule = stringAttribute(mail, RampartControl.HOLD_RULE).orElse("verdict." + verdictClass.asString());
        String reason = stringAttribute(mail, RampartControl.HOLD_REASON)
            .orElseGet(() -> stringAttribute(mail, MailMarks.REASON_ATTRIBUTE).orElse(""));
        String id = mail.getName();
        store(mail, rampart.configuration().quarantine().auditRepository());
        rampart.audit().hold(id, flow, mail.getMaybeSender().asOptional().map(MailAddress::asString),
            mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.toList()), rule, reason);
    }

    private void drop(Mail mail) throws MessagingException {
        String reason = stringAttribute(mail, RampartControl.NOTICE)
            .orElseGet(() -> stringAttribute(mail, MailMarks.REASON_ATTRIBUTE).orElse(""));
        String subject = Optional.ofNullable(mail.getMessage().getSubject()).orElse("(no subject)");
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.toList());
        String body = "Rampart dropped a message.\n\n"
            + "Flow: " + flow.asString() + "\n"
            + "From: " + mail.getMaybeSender().asString() + "\n"
            + "To: " + String.join(", ", recipients) + "\n"
            + "Subject: " + subject + "\n"
            + "Verdict: " + reason + "\n";
        notifier.toSecurity("[Rampart] Dropped " + flow.asString() + " mail: " + subject, body);
        Optional<MailAddress> sender = mail.getMaybeSender().asOptional();
        if (flow != Flow.INBOUND && sender.isPresent() && rampart.configuration().notifications().notifySenderOnDrop()) {
            Collection<MailAddress> to = List.of(sender.get());
            notifier.send(to, "Your message was not delivered: " + subject,
                "Your message \"" + subject + "\" to " + String.join(", ", recipients)
                    + " was stopped by the mail security gateway and not delivered.\n\nReason: " + reason
                    + "\n\nContact your administrator if you believe this is a mistake.\n");
        }
        LOGGER.info("Rampart dropped mail {}: {}", mail.getName(), reason);
        mail.setState(Mail.GHOST);
    }

    static Optional<String> stringAttribute(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name))
            .map(Attribute::getValue)
            .map(AttributeValue::value)
            .map(String::valueOf);
    }

    @Override
    public String getMailetInfo() {
        return "Rampart act";
    }
}
