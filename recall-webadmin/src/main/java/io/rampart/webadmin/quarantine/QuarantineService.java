package io.rampart.webadmin.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.flow.MailMarks;
import io.rampart.core.quarantine.QuarantineEntry;
import io.rampart.core.quarantine.QuarantineFilter;
import io.rampart.mailets.MailBytes;

/**
 * Quarantine review over the James mail repository {@code quarantine.repository}: list, read, release
 * (re-injected into {@code transport} with its Rampart flow mark, so it is delivered unchanged and
 * not scanned again), delete and purge by age.
 */
@Singleton
public class QuarantineService {
    public static final String RELEASED = "released";
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineService.class);

    /** Options of a release. */
    public static final class ReleaseOptions {
        public static final ReleaseOptions PLAIN = new ReleaseOptions(false, false);

        private final boolean allowSender;
        private final boolean learn;

        public ReleaseOptions(boolean allowSender, boolean learn) {
            this.allowSender = allowSender;
            this.learn = learn;
        }

        public boolean allowSender() {
            return allowSender;
        }

        public boolean learn() {
            return learn;
        }
    }

    private final Rampart rampart;
    private final MailRepositoryStore repositoryStore;
    private final MailetContext mailetContext;
    private final Clock clock;

    @Inject
    public QuarantineService(Rampart rampart, MailRepositoryStore repositoryStore, MailetContext mailetContext) {
        this(rampart, repositoryStore, mailetContext, Clock.systemUTC());
    }

    public QuarantineService(Rampart rampart, MailRepositoryStore repositoryStore, MailetContext mailetContext, Clock clock) {
        this.rampart = rampart;
        this.repositoryStore = repositoryStore;
        this.mailetContext = mailetContext;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    MailRepository repository() throws MessagingException {
        String url = rampart.configuration().quarantine().repository();
        try {
            return repositoryStore.select(MailRepositoryUrl.from(url));
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("Cannot open the quarantine repository " + url, e);
        }
    }

    /** Entries matching the filter, newest first. */
    public List<QuarantineEntry> list(QuarantineFilter filter) throws MessagingException {
        MailRepository repository = repository();
        List<QuarantineEntry> entries = new ArrayList<>();
        Iterator<MailKey> keys = repository.list();
        while (keys.hasNext()) {
            MailKey key = keys.next();
            Mail mail = repository.retrieve(key);
            if (mail != null) {
                QuarantineEntry entry = entryOf(key, mail);
                if (filter.matches(entry)) {
                    entries.add(entry);
                }
            }
        }
        entries.sort(Comparator.comparing(QuarantineEntry::time).reversed().thenComparing(QuarantineEntry::id));
        return entries;
    }

    public Optional<Mail> mail(String id) throws MessagingException {
        return Optional.ofNullable(repository().retrieve(new MailKey(id)));
    }

    /** The raw bytes of the quarantined mail whose Message-ID header is {@code messageId}. */
    public Optional<byte[]> findByMessageId(String messageId) throws MessagingException {
        MailRepository repository = repository();
        Iterator<MailKey> keys = repository.list();
        while (keys.hasNext()) {
            Mail mail = repository.retrieve(keys.next());
            if (mail != null && messageId.trim().equals(Optional.ofNullable(mail.getMessage().getMessageID())
                .map(String::trim).orElse(null))) {
                return Optional.of(MailBytes.of(mail.getMessage()));
            }
        }
        return Optional.empty();
    }

    public Optional<QuarantineEntry> entry(String id) throws MessagingException {
        return mail(id).map(mail -> entryOf(new MailKey(id), mail));
    }

    /** Delivers the mail to its original recipients, unchanged and not scanned again; false when no such id. */
    public boolean release(String id, ReleaseOptions options) throws MessagingException {
        MailRepository repository = repository();
        MailKey key = new MailKey(id);
        Mail stored = repository.retrieve(key);
        if (stored == null) {
            return false;
        }
        if (options.learn()) {
            rampart.feedback().learner().learn(MailBytes.of(stored.getMessage()), false);
        }
        if (options.allowSender()) {
            senderOf(stored).ifPresent(sender -> rampart.feedback().allowList().allow(sender));
        }
        MailImpl copy = MailImpl.duplicate(stored);
        try {
            copy.setAttribute(new Attribute(AttributeName.of(MailMarks.ACTION_ATTRIBUTE), AttributeValue.of(RELEASED)));
            if (copy.getAttribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE)).isEmpty()) {
                copy.setAttribute(new Attribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE), AttributeValue.of(RELEASED)));
            }
            copy.setState(Mail.TRANSPORT);
            mailetContext.sendMail(copy, Mail.TRANSPORT);
        } finally {
            copy.dispose();
        }
        repository.remove(key);
        LOGGER.info("Rampart released quarantined mail {} to {}", id, stored.getRecipients());
        return true;
    }

    /** False when no such id. */
    public boolean delete(String id) throws MessagingException {
        MailRepository repository = repository();
        MailKey key = new MailKey(id);
        if (repository.retrieve(key) == null) {
            return false;
        }
        repository.remove(key);
        LOGGER.info("Rampart deleted quarantined mail {}", id);
        return true;
    }

    /** Removes mail quarantined before {@code olderThan}; returns how many. */
    public int purge(Instant olderThan) throws MessagingException {
        int purged = 0;
        for (QuarantineEntry entry : list(QuarantineFilter.olderThan(olderThan))) {
            if (delete(entry.id())) {
                purged++;
            }
        }
        LOGGER.info("Rampart purged {} quarantined mails older than {}", purged, olderThan);
        return purged;
    }

    static Optional<String> senderOf(Mail mail) throws MessagingException {
        Optional<String> envelope = mail.getMaybeSender().asOptional().map(MailAddress::asString);
        if (envelope.isPresent()) {
            return envelope;
        }
        javax.mail.Address[] from = mail.getMessage().getFrom();
        return from == null || from.length == 0 ? Optional.empty()
            : Optional.of(((javax.mail.internet.InternetAddress) from[0]).getAddress());
    }

    QuarantineEntry entryOf(MailKey key, Mail mail) {
        String subject;
        try {
            subject = Optional.ofNullable(mail.getMessage().getSubject()).orElse("");
        } catch (MessagingException e) {
            subject = "";
        }
        return QuarantineEntry.builder()
            .id(key.asString())
            .time(time(mail))
            .sender(mail.getMaybeSender().asOptional().map(MailAddress::asString))
            .recipients(mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.toList()))
            .subject(subject)
            .verdictClass(attribute(mail, MailMarks.VERDICT_ATTRIBUTE).orElse("unknown"))
            .score(attribute(mail, MailMarks.SCORE_ATTRIBUTE).map(QuarantineService::parseScore).orElse(0.0))
            .rules(attribute(mail, MailMarks.RULES_ATTRIBUTE)
                .map(rules -> Splitter.on(',').omitEmptyStrings().trimResults().splitToList(rules))
                .orElse(ImmutableList.of()))
            .flow(attribute(mail, MailMarks.FLOW_ATTRIBUTE).orElse("unknown"))
            .reason(attribute(mail, MailMarks.REASON_ATTRIBUTE).orElse(""))
            .build();
    }

    private Instant time(Mail mail) {
        Optional<Instant> stoppedAt = attribute(mail, MailMarks.STOPPED_AT_ATTRIBUTE).flatMap(value -> {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        return stoppedAt.or(() -> Optional.ofNullable(mail.getLastUpdated()).map(java.util.Date::toInstant))
            .orElse(clock.instant());
    }

    private static double parseScore(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Optional<String> attribute(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name))
            .map(Attribute::getValue)
            .map(AttributeValue::value)
            .map(String::valueOf);
    }
}
