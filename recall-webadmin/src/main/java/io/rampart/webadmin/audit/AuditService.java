package io.rampart.webadmin.audit;

import java.util.List;
import java.util.Optional;

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

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.audit.AuditDecision;
import io.rampart.core.audit.AuditRecord;
import io.rampart.core.audit.AuditStatus;
import io.rampart.core.audit.AuditStore;
import io.rampart.core.flow.MailMarks;
import io.rampart.mailets.Notifier;

/**
 * The audit hold: held mail waits in {@code quarantine.auditRepository} under its audit record id.
 * Approve re-injects it into {@code transport} unchanged, with its {@code rampart.flow} mark so it is
 * not scanned or counted again; reject deletes it and tells the sender. Expired records get their
 * {@code audit.expiryAction}.
 */
@Singleton
public class AuditService {
    public static final String APPROVED = "approved";
    public static final int EXPIRY_BATCH = 500;
    private static final Logger LOGGER = LoggerFactory.getLogger(AuditService.class);

    private final Rampart rampart;
    private final MailRepositoryStore repositoryStore;
    private final MailetContext mailetContext;
    private final Notifier notifier;

    @Inject
    public AuditService(Rampart rampart, MailRepositoryStore repositoryStore, MailetContext mailetContext, Notifier notifier) {
        this.rampart = rampart;
        this.repositoryStore = repositoryStore;
        this.mailetContext = mailetContext;
        this.notifier = notifier;
    }

    public ImmutableList<AuditRecord> list(Optional<AuditStatus> status) {
        return rampart.audit().list(status);
    }

    public Optional<AuditRecord> get(String id) {
        return rampart.audit().get(id);
    }

    /**
     * Decides and acts on the mail. Empty when no such record; IllegalStateException when it was
     * already decided.
     */
    public Optional<AuditRecord> decide(String id, AuditDecision decision, String actor) throws MessagingException {
        Optional<AuditRecord> decided = rampart.audit().decide(id, decision, actor);
        if (decided.isPresent()) {
            apply(decided.get(), decision);
        }
        return decided;
    }

    /** Applies the expiry action of every expired record now; returns the records decided. */
    public ImmutableList<AuditRecord> expireDue() throws MessagingException {
        ImmutableList<AuditRecord> decided = rampart.audit().expireDue(EXPIRY_BATCH);
        for (AuditRecord record : decided) {
            apply(record, record.expiryAction());
        }
        if (!decided.isEmpty()) {
            LOGGER.info("Rampart audit expiry decided {} held mails", decided.size());
        }
        return decided;
    }

    private void apply(AuditRecord record, AuditDecision decision) throws MessagingException {
        MailRepository repository = repository();
        MailKey key = new MailKey(record.id());
        Mail stored = repository.retrieve(key);
        if (stored == null) {
            LOGGER.warn("Rampart audit {}: {} but the mail is no longer in {}", record.id(), decision.asString(),
                rampart.configuration().quarantine().auditRepository());
            return;
        }
        if (decision == AuditDecision.APPROVE) {
            release(stored);
        } else {
            notifySender(record, stored);
        }
        repository.remove(key);
        LOGGER.info("Rampart audit {}: {} by {}", record.id(), decision.asString(), record.decidedBy().orElse("?"));
    }

    private void release(Mail stored) throws MessagingException {
        MailImpl copy = MailImpl.duplicate(stored);
        try {
            copy.setAttribute(new Attribute(AttributeName.of(MailMarks.ACTION_ATTRIBUTE), AttributeValue.of(APPROVED)));
            if (copy.getAttribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE)).isEmpty()) {
                copy.setAttribute(new Attribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE), AttributeValue.of(APPROVED)));
            }
            copy.setState(Mail.TRANSPORT);
            mailetContext.sendMail(copy, Mail.TRANSPORT);
        } finally {
            copy.dispose();
        }
    }

    private void notifySender(AuditRecord record, Mail stored) throws MessagingException {
        Optional<MailAddress> sender = stored.getMaybeSender().asOptional();
        if (sender.isEmpty()) {
            return;
        }
        String subject = Optional.ofNullable(stored.getMessage().getSubject()).orElse("(no subject)");
        notifier.send(List.of(sender.get()), "Your message was not delivered: " + subject,
            "Your message \"" + subject + "\" to " + String.join(", ", record.recipients())
                + " was held for review by the mail security gateway and rejected"
                + (AuditStore.EXPIRY_ACTOR.equals(record.decidedBy().orElse("")) ? " (nobody reviewed it in time)" : "")
                + ".\n\nReason: " + record.rule() + ": " + record.reason()
                + "\n\nContact your administrator if you believe this is a mistake.\n");
    }

    private MailRepository repository() throws MessagingException {
        String url = rampart.configuration().quarantine().auditRepository();
        try {
            return repositoryStore.select(MailRepositoryUrl.from(url));
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("Cannot open the audit repository " + url, e);
        }
    }
}
