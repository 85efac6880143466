package io.rampart.mailets;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.MailetContext;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.flow.MailMarks;

/**
 * Sends Rampart's own mail (notices, alerts, reports). Each carries the {@code rampart.origin}
 * attribute, so Rampart's flow matchers never scan or count it.
 */
@Singleton
public class Notifier {
    private final MailetContext mailetContext;
    private final Rampart rampart;
    private final LocalDomains localDomains;

    @Inject
    public Notifier(MailetContext mailetContext, Rampart rampart, LocalDomains localDomains) {
        this.mailetContext = mailetContext;
        this.rampart = rampart;
        this.localDomains = localDomains;
    }

    public MailAddress securityMailbox() throws MessagingException {
        return new MailAddress(rampart.configuration().notifications().securityMailbox(localDomains.defaultDomain()));
    }

    public MailAddress sender() throws MessagingException {
        return new MailAddress(rampart.configuration().notifications().sender(localDomains.defaultDomain()));
    }

    public void toSecurity(String subject, String body) throws MessagingException {
        send(ImmutableList.of(securityMailbox()), subject, body);
    }

    public void send(Collection<MailAddress> recipients, String subject, String body) throws MessagingException {
        MailAddress from = sender();
        MailImpl mail = MailImpl.builder()
            .name("rampart-" + UUID.randomUUID())
            .sender(from)
            .addRecipients(List.copyOf(recipients))
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .addFrom(from.asString())
                .addToRecipient(recipients.stream().map(MailAddress::asString).toArray(String[]::new))
                .setSubject(subject)
                .setText(body, "text/plain; charset=UTF-8")
                .addHeader("Auto-Submitted", "auto-generated")
                .build())
            .addAttribute(new Attribute(AttributeName.of(MailMarks.ORIGIN_ATTRIBUTE),
                AttributeValue.of(MailMarks.ORIGIN_RAMPART)))
            .build();
        try {
            mailetContext.sendMail(mail);
        } finally {
            mail.dispose();
        }
    }
}
