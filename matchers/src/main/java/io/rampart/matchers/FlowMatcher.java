package io.rampart.matchers;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.flow.Flow;
import io.rampart.core.flow.MailMarks;

/**
 * Sorts recipients into Rampart's flows. A mail is "locally submitted" when its sender
 * authenticated over SMTP, when it comes from a trusted network ({@code network.trustedNetworks}),
 * or when another mailet of this server sent it; otherwise it comes from outside. Recipients are
 * local when James serves their domain. James splits a mail whose recipients fall in several flows.
 * Mail Rampart sent itself, and mail already sorted, matches no flow.
 */
public abstract class FlowMatcher extends GenericMatcher {
    private static final AttributeName ORIGIN = AttributeName.of(MailMarks.ORIGIN_ATTRIBUTE);
    private static final AttributeName FLOW = AttributeName.of(MailMarks.FLOW_ATTRIBUTE);

    private final Rampart rampart;
    private final Flow flow;

    protected FlowMatcher(Rampart rampart, Flow flow) {
        this.rampart = rampart;
        this.flow = flow;
    }

    @Override
    public void init() throws MessagingException {
        if (!Strings.isNullOrEmpty(getCondition())) {
            throw new MessagingException(getMatcherName() + " takes no condition, got '" + getCondition() + "'");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        if (isRampartMail(mail) || mail.getAttribute(FLOW).isPresent()) {
            return ImmutableList.of();
        }
        boolean locallySubmitted = isLocallySubmitted(mail, rampart);
        return mail.getRecipients().stream()
            .filter(recipient -> flowFor(locallySubmitted, recipient).equals(Optional.of(flow)))
            .collect(Collectors.toList());
    }

    /** The flow of one recipient; empty for mail from outside to a remote recipient (James denies the relay). */
    private Optional<Flow> flowFor(boolean locallySubmitted, MailAddress recipient) {
        boolean localRecipient = getMailetContext().isLocalServer(recipient.getDomain());
        if (!locallySubmitted) {
            return localRecipient ? Optional.of(Flow.INBOUND) : Optional.empty();
        }
        return Optional.of(localRecipient ? Flow.INTERNAL : Flow.OUTBOUND);
    }

    public static boolean isRampartMail(Mail mail) {
        return mail.getAttribute(ORIGIN)
            .map(attribute -> MailMarks.ORIGIN_RAMPART.equals(attribute.getValue().value()))
            .orElse(false);
    }

    public static boolean isLocallySubmitted(Mail mail, Rampart rampart) {
        return authenticatedUser(mail).isPresent()
            || mail.getAttribute(AttributeName.of(Mail.SENT_BY_MAILET)).isPresent()
            || rampart.configuration().network().isTrusted(mail.getRemoteAddr());
    }

    public static Optional<String> authenticatedUser(Mail mail) {
        return mail.getAttribute(Mail.SMTP_AUTH_USER)
            .map(attribute -> String.valueOf(attribute.getValue().value()))
            .filter(user -> !user.isBlank());
    }
}
