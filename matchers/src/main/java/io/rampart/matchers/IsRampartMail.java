package io.rampart.matchers;

import java.util.Collection;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;

/** Matches every recipient of mail Rampart sent itself (alerts, reports, notices). Takes no condition. */
public class IsRampartMail extends GenericMatcher {
    @Override
    public void init() throws MessagingException {
        if (!Strings.isNullOrEmpty(getCondition())) {
            throw new MessagingException("IsRampartMail takes no condition, got '" + getCondition() + "'");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return FlowMatcher.isRampartMail(mail) ? mail.getRecipients() : ImmutableList.of();
    }
}
