package io.rampart.mailets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.alert.Alert;
import io.rampart.core.behaviour.BehaviourDecision;
import io.rampart.core.behaviour.BehaviourInput;
import io.rampart.core.behaviour.MessageFingerprint;
import io.rampart.core.flow.Action;
import io.rampart.core.flow.Flow;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.limits.LimitDecision;
import io.rampart.core.limits.SendAttempt;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.policy.PolicyInput;
import io.rampart.core.policy.PolicyMatch;
import io.rampart.core.policy.PolicyResult;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;
import io.rampart.core.verdict.VerdictJson;

/**
 * Internal-threat control for one flow, between {@link RampartScan} and {@link RampartAct}:
 * <ol>
 *   <li>a blocked sender's mail (queued before the block) is held for audit, not lost;</li>
 *   <li>send limits ({@code limits.*}) are counted and checked: alert, hold or block;</li>
 *   <li>abnormal-sending rules ({@code behaviour.*}) look at the send and the content verdict;</li>
 *   <li>domain and keyword policies ({@code policy.rule.*}) are evaluated, their findings added to
 *       the verdict, and their decisive action applied (tag, junk, quarantine, hold, reject with a
 *       notice to the sender, notify the security mailbox).</li>
 * </ol>
 * Alerts are recorded ({@code GET /rampart/alerts}) and mailed to the security mailbox (at most one
 * per user and rule per interval). The outcome is passed to {@link RampartAct} as the
 * {@value #OVERRIDE_ACTION} attribute (with the hold rule and reason, or the reject notice):
 * RampartAct applies the stricter of it and the verdict's own action. Limits and behaviour apply
 * to mail of local users (outbound and internal), policies to every flow.
 *
 * <pre>{@code
 * <mailet match="All" class="io.rampart.mailets.RampartControl">
 *     <flow>internal</flow>
 * </mailet>
 * }</pre>
 */
public class RampartControl extends GenericMailet {
    /** The action {@link RampartAct} must apply at least ({@code deliver|junk|quarantine|hold|drop}). */
    public static final String OVERRIDE_ACTION = "rampart.overrideAction";
    /** {@code true} when an allow policy matched: the override replaces the verdict's action. */
    public static final String POLICY_ALLOWED = "rampart.policyAllowed";
    /** The rule and reason recorded with a hold (audit record). */
    public static final String HOLD_RULE = "rampart.holdRule";
    public static final String HOLD_REASON = "rampart.holdReason";
    /** The notice sent to the sender of mail a policy rejected. */
    public static final String NOTICE = "rampart.notice";
    private static final Logger LOGGER = LoggerFactory.getLogger(RampartControl.class);

    private final Rampart rampart;
    private final Notifier notifier;
    private final MessageParser parser = new MessageParser();
    private Flow flow;

    @Inject
    public RampartControl(Rampart rampart, Notifier notifier) {
        this.rampart = rampart;
        this.notifier = notifier;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(ImmutableSet.of(FlowParameter.NAME));
        flow = FlowParameter.parse(getMailetName(), getInitParameter(FlowParameter.NAME));
    }

    /** The outcome gathered over the steps: the strictest action wins. */
    private static final class Outcome {
        private Optional<Action> action = Optional.empty();
        private Optional<String> rule = Optional.empty();
        private Optional<String> reason = Optional.empty();

        void require(Action candidate, String rule, String reason) {
            if (action.isEmpty() || severity(candidate) > severity(action.get())) {
                this.action = Optional.of(candidate);
                this.rule = Optional.of(rule);
                this.reason = Optional.of(reason);
            }
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        ParsedMessage message = parser.parse(MailBytes.of(mail.getMessage()));
        Outcome outcome = new Outcome();
        ImmutableList<String> recipients = mail.getRecipients().stream().map(MailAddress::asString)
            .collect(ImmutableList.toImmutableList());
        Optional<String> sender = localSender(mail);
        if (flow != Flow.INBOUND && sender.isPresent() && !recipients.isEmpty()) {
            SendAttempt attempt = SendAttempt.forFlow(sender.get(), mail.getName(), flow, recipients,
                Optional.of(MessageFingerprint.of(message)), rampart.clock().instant());
            LimitDecision limits = rampart.limits().checkAndRecord(attempt);
            applyLimits(mail, limits, outcome);
            if (!limits.senderWasBlocked()) {
                BehaviourDecision behaviour = rampart.detector().analyze(BehaviourInput.of(attempt, message, verdictClass(mail)));
                applyBehaviour(mail, behaviour, outcome);
            }
        }
        boolean allowed = applyPolicy(mail, message, recipients, outcome);
        if (allowed && outcome.action.isEmpty()) {
            outcome.require(Action.DELIVER, "policy.allow", "an allow policy matched");
        }
        if (outcome.action.isPresent()) {
            Action action = outcome.action.get();
            if (action == Action.JUNK && flow == Flow.OUTBOUND) {
                action = Action.DELIVER;
            }
            mail.setAttribute(attribute(OVERRIDE_ACTION, action.asString()));
            mail.setAttribute(attribute(HOLD_RULE, outcome.rule.orElse("rampart")));
            mail.setAttribute(attribute(HOLD_REASON, outcome.reason.orElse("")));
            if (allowed) {
                mail.setAttribute(new Attribute(AttributeName.of(POLICY_ALLOWED), AttributeValue.of(true)));
            }
            LOGGER.info("Rampart control {} mail {} from {}: {} ({})", flow.asString(), mail.getName(),
                mail.getMaybeSender().asString(), action.asString(), outcome.rule.orElse(""));
        }
    }

    private void applyLimits(Mail mail, LimitDecision decision, Outcome outcome) throws MessagingException {
        if (decision.passed()) {
            return;
        }
        if (decision.notifyAdmin() && decision.alert().isPresent()) {
            mailAlert(decision.alert().get());
        }
        if (decision.holdMail()) {
            String rule = decision.senderWasBlocked()
                ? decision.block().map(block -> "blocked." + block.rule()).orElse("blocked")
                : decision.alert().map(Alert::rule).orElse("limit");
            outcome.require(Action.HOLD, rule, decision.reason());
        }
        LOGGER.info("Rampart limits on mail {}: {}", mail.getName(), decision);
    }

    private void applyBehaviour(Mail mail, BehaviourDecision decision, Outcome outcome) throws MessagingException {
        if (decision.isEmpty()) {
            return;
        }
        for (Alert alert : decision.alertsToMail()) {
            mailAlert(alert);
        }
        if (decision.holdMail()) {
            outcome.require(Action.HOLD, decision.rule().orElse("behaviour"), decision.reason());
        }
        LOGGER.info("Rampart behaviour on mail {}: {}", mail.getName(), decision);
    }

    /** True when an allow rule matched. */
    private boolean applyPolicy(Mail mail, ParsedMessage message, List<String> recipients, Outcome outcome)
        throws MessagingException {
        PolicyResult result = rampart.policy().evaluate(PolicyInput.of(flow,
            mail.getMaybeSender().asOptional().map(MailAddress::asString), recipients, message));
        if (result.isEmpty()) {
            return false;
        }
        recordFindings(mail, result);
        if (result.notifyAdmin()) {
            String matched = result.matches().stream().map(m -> m.rule() + " (" + m.action().asString() + "): " + m.evidence())
                .collect(Collectors.joining("\n  "));
            notifier.toSecurity("[Rampart] Policy matched " + flow.asString() + " mail from " + mail.getMaybeSender().asString(),
                "A Rampart policy asked to notify the security mailbox.\n\n"
                    + "Flow:       " + flow.asString() + "\n"
                    + "From:       " + mail.getMaybeSender().asString() + "\n"
                    + "To:         " + String.join(", ", recipients) + "\n"
                    + "Subject:    " + (message.subject().isEmpty() ? "(no subject)" : message.subject()) + "\n"
                    + "Rules:      " + matched + "\n");
        }
        if (result.allowed()) {
            return true;
        }
        Optional<PolicyMatch> decisive = result.decisiveMatch();
        if (decisive.isPresent()) {
            PolicyMatch match = decisive.get();
            String rule = "policy." + match.rule();
            String reason = match.action().asString() + ": " + match.evidence();
            switch (match.action()) {
                case TAG:
                    outcome.require(Action.DELIVER, rule, reason);
                    break;
                case JUNK:
                    outcome.require(Action.JUNK, rule, reason);
                    break;
                case HOLD:
                    outcome.require(Action.HOLD, rule, reason);
                    break;
                case QUARANTINE:
                    outcome.require(Action.QUARANTINE, rule, reason);
                    break;
                case REJECT:
                    outcome.require(Action.DROP, rule, reason);
                    result.rejectNotice().ifPresent(notice -> mail.setAttribute(attribute(NOTICE, notice)));
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** Adds the POLICY findings (score 0) to the recorded verdict and the X-Rampart-Verdict header. */
    private void recordFindings(Mail mail, PolicyResult result) throws MessagingException {
        Optional<Verdict> verdict = RampartAct.stringAttribute(mail, MailMarks.VERDICT_JSON_ATTRIBUTE).flatMap(json -> {
            try {
                return Optional.of(VerdictJson.fromJsonString(json));
            } catch (IOException e) {
                LOGGER.warn("Unreadable verdict on mail {}: policy findings not recorded in it", mail.getName(), e);
                return Optional.empty();
            }
        });
        if (verdict.isEmpty()) {
            return;
        }
        Verdict scanned = verdict.get();
        List<io.rampart.core.analysis.Finding> findings = new ArrayList<>(scanned.findings());
        findings.addAll(result.findings());
        Verdict withPolicy = Verdict.of(scanned.verdictClass(), scanned.score(), scanned.threshold(), findings,
            scanned.urls(), scanned.hashes(), scanned.incompleteReasons(), scanned.millis());
        RampartScan.record(mail, flow, withPolicy);
        // policy findings score 0, so Verdict.rules() leaves them out: name them in rules, reason and header
        List<String> policyRules = result.findings().stream().map(io.rampart.core.analysis.Finding::rule)
            .collect(Collectors.toList());
        List<String> rules = new ArrayList<>(withPolicy.rules());
        rules.addAll(policyRules);
        mail.setAttribute(attribute(MailMarks.RULES_ATTRIBUTE, String.join(",", rules)));
        mail.setAttribute(attribute(MailMarks.REASON_ATTRIBUTE, withPolicy.reason() + "; policy: "
            + result.matches().stream().map(m -> m.rule() + " (" + m.action().asString() + ")").collect(Collectors.joining(", "))));
        mail.getMessage().setHeader(MailMarks.VERDICT_HEADER, withPolicy.headerValue() + "; policy=" + String.join(",", policyRules));
        MailBytes.saveChangesIfPossible(mail.getMessage(), mail.getName());
    }

    private void mailAlert(Alert alert) throws MessagingException {
        notifier.toSecurity(alert.mailSubject(), alert.mailBody());
    }

    /** The local user sending: the SMTP-authenticated user (when an address), else the envelope sender. */
    private static Optional<String> localSender(Mail mail) {
        Optional<String> authenticated = io.rampart.matchers.FlowMatcher.authenticatedUser(mail)
            .filter(user -> user.indexOf('@') > 0)
            .map(user -> user.toLowerCase(Locale.ROOT));
        return authenticated.or(() -> mail.getMaybeSender().asOptional().map(MailAddress::asString));
    }

    private static Optional<VerdictClass> verdictClass(Mail mail) {
        return RampartAct.stringAttribute(mail, MailMarks.VERDICT_ATTRIBUTE).map(VerdictClass::parse);
    }

    /** Order of strictness among actions: deliver < junk < hold < quarantine < drop. */
    static int severity(Action action) {
        switch (action) {
            case JUNK:
                return 1;
            case HOLD:
                return 2;
            case QUARANTINE:
                return 3;
            case DROP:
                return 4;
            case DELIVER:
            default:
                return 0;
        }
    }

    private static Attribute attribute(String name, String value) {
        return new Attribute(AttributeName.of(name), AttributeValue.of(value));
    }

    @Override
    public String getMailetInfo() {
        return "Rampart internal-threat control";
    }
}
