package io.rampart.mailets.reports;

import java.util.Collection;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import com.google.common.base.Strings;

import io.rampart.core.Rampart;
import io.rampart.mailets.LocalDomains;

/**
 * Matches the recipient that is Rampart's report address ({@code reports.address}, default
 * {@code report-phish@<default domain>}). Takes no condition.
 */
public class IsReportAddress extends GenericMatcher {
    private final Rampart rampart;
    private final LocalDomains localDomains;

    @Inject
    public IsReportAddress(Rampart rampart, LocalDomains localDomains) {
        this.rampart = rampart;
        this.localDomains = localDomains;
    }

    @Override
    public void init() throws MessagingException {
        if (!Strings.isNullOrEmpty(getCondition())) {
            throw new MessagingException("IsReportAddress takes no condition (set reports.address in rampart.properties), got '"
                + getCondition() + "'");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        String address = rampart.configuration().reports().address(localDomains.defaultDomain());
        return mail.getRecipients().stream()
            .filter(recipient -> recipient.asString().equalsIgnoreCase(address))
            .collect(Collectors.toList());
    }
}
