package io.rampart.webadmin.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.quarantine.QuarantineDigest;
import io.rampart.core.quarantine.QuarantineEntry;
import io.rampart.core.quarantine.QuarantineFilter;
import io.rampart.mailets.Notifier;

/**
 * Sends each local recipient the list of mail quarantined for them since the previous digest
 * (the first digest covers one {@code quarantine.digest.interval}), for domains in
 * {@code quarantine.digest.domains} (empty: all local domains).
 */
@Singleton
public class QuarantineDigestService {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDigestService.class);

    /** What one digest run did. */
    public static final class Result {
        private final int recipients;
        private final int messages;

        Result(int recipients, int messages) {
            this.recipients = recipients;
            this.messages = messages;
        }

        public int recipients() {
            return recipients;
        }

        public int messages() {
            return messages;
        }
    }

    private final Rampart rampart;
    private final QuarantineService quarantine;
    private final Notifier notifier;
    private final MailetContext mailetContext;
    private Optional<Instant> lastRun = Optional.empty();

    @Inject
    public QuarantineDigestService(Rampart rampart, QuarantineService quarantine, Notifier notifier,
                                   MailetContext mailetContext) {
        this.rampart = rampart;
        this.quarantine = quarantine;
        this.notifier = notifier;
        this.mailetContext = mailetContext;
    }

    public synchronized Result send() throws MessagingException {
        Instant now = quarantine.clock().instant();
        Instant since = lastRun.orElse(now.minus(rampart.configuration().review().digestInterval()));
        List<QuarantineEntry> entries = quarantine.list(QuarantineFilter.all());
        Map<String, List<QuarantineEntry>> byRecipient = QuarantineDigest.byRecipient(entries, since, this::covered);
        int messages = 0;
        for (Map.Entry<String, List<QuarantineEntry>> digest : byRecipient.entrySet()) {
            notifier.send(ImmutableList.of(new MailAddress(digest.getKey())), QuarantineDigest.subject(digest.getValue().size()),
                QuarantineDigest.body(digest.getKey(), digest.getValue()));
            messages += digest.getValue().size();
        }
        lastRun = Optional.of(now);
        LOGGER.info("Rampart sent quarantine digests to {} recipients ({} messages)", byRecipient.size(), messages);
        return new Result(byRecipient.size(), messages);
    }

    private boolean covered(String recipient) {
        try {
            MailAddress address = new MailAddress(recipient);
            return rampart.configuration().review().digestCovers(address.getDomain().asString())
                && mailetContext.isLocalEmail(address);
        } catch (javax.mail.internet.AddressException e) {
            return false;
        }
    }
}
