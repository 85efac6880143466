package io.rampart.webadmin.recall;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.Flags;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.model.MultimailboxesSearchQuery;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.server.core.MailImpl;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallStatus;
import io.rampart.core.recall.RecalledItem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where a recall meets the mailboxes: finds the copies a recall selects (the ledger's recipients
 * searched by Message-ID, or every user's mailboxes searched by James's index), removes them after
 * saving content, folder, flags and internal date in the recall repository, and puts them back on
 * undo. Mailboxes are worked on in parallel ({@code recall.concurrency}); a failure in one mailbox
 * is recorded on the recall and does not stop the others.
 */
@Singleton
public class MailboxRecaller {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailboxRecaller.class);
    private static final long SEARCH_LIMIT = 10_000;
    private static final Session MAIL_SESSION = Session.getDefaultInstance(new Properties());
    private static final Username SYSTEM_USER = Username.of("rampart-recall");
    private static final java.time.Duration SEARCH_TIMEOUT = java.time.Duration.ofSeconds(10);
    private static final java.time.Duration APPEND_TIMEOUT = java.time.Duration.ofSeconds(30);
    private java.time.Duration appendTimeout = APPEND_TIMEOUT;

    /** One copy found in one mailbox. */
    public static final class Copy {
        private final Username user;
        private final MessageId id;
        private final MessageUid uid;
        private final String folder;
        private final Flags flags;
        private final Date internalDate;
        private final String messageId;
        private final String subject;
        private final String sender;

        Copy(Username user, MessageId id, MessageUid uid, String folder, Flags flags, Date internalDate,
             String messageId, String subject, String sender) {
            this.user = user;
            this.id = id;
            this.uid = uid;
            this.folder = folder;
            this.flags = flags;
            this.internalDate = internalDate;
            this.messageId = messageId;
            this.subject = subject;
            this.sender = sender;
        }

        public Username user() {
            return user;
        }

        /** James's id of the message (what JMAP and WebAdmin name it by). */
        public String jamesMessageId() {
            return id.serialize();
        }

        public String folder() {
            return folder;
        }

        public boolean seen() {
            return flags.contains(Flags.Flag.SEEN);
        }

        public String messageId() {
            return messageId;
        }

        public String subject() {
            return subject;
        }

        public String sender() {
            return sender;
        }

        public Date internalDate() {
            return internalDate;
        }
    }

    /** The mailboxes to look in, and what to look for in each. */
    public static final class Plan {
        private final RecallCriteria criteria;
        private final List<LedgerEntry> ledgerEntries;
        private final Map<Username, Set<String>> messageIdsByUser;
        private final boolean searchAll;
        private final int unknownRecipients;
        private final Map<Username, List<Mailbox>> mailboxes;

        Plan(RecallCriteria criteria, List<LedgerEntry> ledgerEntries, Map<Username, Set<String>> messageIdsByUser,
             boolean searchAll, int unknownRecipients, Map<Username, List<Mailbox>> mailboxes) {
            this.criteria = criteria;
            this.ledgerEntries = ledgerEntries;
            this.messageIdsByUser = messageIdsByUser;
            this.searchAll = searchAll;
            this.unknownRecipients = unknownRecipients;
            this.mailboxes = mailboxes;
        }

        public List<LedgerEntry> ledgerEntries() {
            return ledgerEntries;
        }

        public boolean searchAll() {
            return searchAll;
        }

        public int unknownRecipients() {
            return unknownRecipients;
        }
    }

    private final Rampart rampart;
    private final Scheduler workers;
    private final MailboxManager mailboxManager;
    private final MailboxSessionMapperFactory mapperFactory;
    private final UsersRepository usersRepository;
    private final MailRepositoryStore repositoryStore;

    @Inject
    public MailboxRecaller(Rampart rampart, MailboxManager mailboxManager, MailboxSessionMapperFactory mapperFactory,
                           UsersRepository usersRepository, MailRepositoryStore repositoryStore) {
        this.rampart = rampart;
        this.mailboxManager = mailboxManager;
        this.mapperFactory = mapperFactory;
        this.usersRepository = usersRepository;
        this.repositoryStore = repositoryStore;
        // Our own threads: mailbox calls block, and blocking James's shared elastic pool with them
        // can starve the reactive work those very calls wait for.
        AtomicInteger threads = new AtomicInteger();
        this.workers = Schedulers.fromExecutorService(Executors.newFixedThreadPool(
            rampart.configuration().recall().concurrency(), runnable -> {
                Thread thread = new Thread(runnable, "rampart-recall-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }), "rampart-recall");
    }

    public Rampart rampart() {
        return rampart;
    }

    public Plan plan(RecallCriteria criteria) {
        List<LedgerEntry> entries = rampart.recalls().ledgerMatches(criteria);
        Map<Username, Set<String>> byUser = new LinkedHashMap<>();
        int unknown = 0;
        for (LedgerEntry entry : entries) {
            if (entry.messageId().isEmpty() || entry.flow().equals("outbound")) {
                continue;
            }
            for (Map.Entry<String, DeliveryOutcome> outcome : entry.outcomes().entrySet()) {
                if (!outcome.getValue().reachedMailbox() || outcome.getValue() == DeliveryOutcome.RECALLED) {
                    continue;
                }
                Optional<Username> user = localUser(outcome.getKey());
                if (user.isPresent()) {
                    byUser.computeIfAbsent(user.get(), u -> new LinkedHashSet<>()).add(entry.messageId());
                } else {
                    unknown++;
                }
            }
        }
        boolean searchAll = criteria.scope() == RecallCriteria.Scope.ALL
            || (criteria.scope() == RecallCriteria.Scope.AUTO && entries.isEmpty() && criteria.mailboxSearchable());
        return new Plan(criteria, entries, byUser, searchAll, unknown,
            searchAll || !byUser.isEmpty() ? mailboxesByUser() : Map.of());
    }

    /**
     * Every user's personal mailboxes, from one pass over the mailbox store (per-user mailbox
     * listing is a scan of all mailboxes on the memory backend: doing it once per recall keeps a
     * recall of N mailboxes linear).
     */
    private Map<Username, List<Mailbox>> mailboxesByUser() {
        MailboxSession session = mailboxManager.createSystemSession(SYSTEM_USER);
        try {
            Map<Username, List<Mailbox>> byUser = new HashMap<>();
            Flux.from(mapperFactory.getMailboxMapper(session).list())
                .filter(mailbox -> MailboxConstants.USER_NAMESPACE.equals(mailbox.getNamespace()))
                .toIterable()
                .forEach(mailbox -> byUser.computeIfAbsent(mailbox.getUser(), u -> new ArrayList<>()).add(mailbox));
            return byUser;
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private Optional<Username> localUser(String address) {
        try {
            Username username = usersRepository.getUsername(new MailAddress(address));
            return usersRepository.contains(username) ? Optional.of(username) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The copies of one Message-ID in one user's mailboxes (message trace). */
    public List<Copy> locate(String address, String messageId) {
        Optional<Username> user = localUser(address);
        if (user.isEmpty() || messageId.isEmpty()) {
            return ImmutableList.of();
        }
        Plan plan = new Plan(RecallCriteria.builder().messageId(messageId).scope(RecallCriteria.Scope.LEDGER).build(),
            ImmutableList.of(), Map.of(user.get(), Set.of(LedgerEntry.normalizeMessageId(messageId))), false, 0,
            mailboxesByUser());
        try {
            return locate(plan, user.get());
        } catch (Exception e) {
            LOGGER.warn("Rampart could not search the mailboxes of {} for {}", address, messageId, e);
            return ImmutableList.of();
        }
    }

    /** Every copy the plan selects, with folder and flags (no content). */
    public List<Copy> locate(Plan plan) {
        return Flux.fromIterable(targets(plan))
            .flatMap(user -> Mono.fromCallable(() -> locate(plan, user))
                .subscribeOn(workers)
                .onErrorResume(e -> {
                    LOGGER.warn("Rampart could not search the mailboxes of {}: left out of the preview", user.asString(), e);
                    return Mono.just(List.of());
                }), rampart.configuration().recall().concurrency())
            .flatMapIterable(copies -> copies)
            .collectList()
            .block();
    }

    private Collection<Username> targets(Plan plan) {
        if (!plan.searchAll) {
            return plan.messageIdsByUser.keySet();
        }
        return Flux.from(usersRepository.listReactive()).collectList().block();
    }

    private List<Copy> locate(Plan plan, Username user) throws Exception {
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            return find(plan, user, session, FetchGroup.HEADERS);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private List<Copy> find(Plan plan, Username user, MailboxSession session, FetchGroup fetchGroup) throws Exception {
        List<Copy> copies = new ArrayList<>();
        for (Found found : results(plan, user, session, fetchGroup)) {
            copies.add(found.copy);
        }
        return copies;
    }

    /** A copy with its mailbox and fetched data. */
    private static final class Found {
        private final MessageManager mailbox;
        private final MessageResult result;
        private final Copy copy;

        Found(MessageManager mailbox, MessageResult result, Copy copy) {
            this.mailbox = mailbox;
            this.result = result;
            this.copy = copy;
        }
    }

    private List<Found> results(Plan plan, Username user, MailboxSession session, FetchGroup fetchGroup)
        throws Exception {
        Optional<SearchQuery.Criterion> criterion = query(plan, user);
        if (criterion.isEmpty()) {
            return ImmutableList.of();
        }
        SearchQuery query = SearchQuery.of(criterion.get());
        List<Found> found = new ArrayList<>();
        for (Mailbox mailbox : plan.mailboxes.getOrDefault(user, List.of())) {
            MessageManager messageManager = mailboxManager.getMailbox(mailbox, session);
            List<MessageUid> uids = search(messageManager, query, session, user, mailbox);
            if (uids == null || uids.isEmpty()) {
                continue;
            }
            String folder = mailbox.getName();
            for (MessageRange range : MessageRange.toRanges(uids)) {
                MessageResultIterator results = messageManager.getMessages(range, fetchGroup, session);
                while (results.hasNext()) {
                    MessageResult result = results.next();
                    found.add(new Found(messageManager, result, copy(user, result, folder)));
                }
            }
        }
        return found;
    }

    /**
     * A mailbox search with a deadline, retried once: under concurrent load the memory backend's
     * reactive search was seen to never signal, and a recall must not hang on one mailbox.
     */
    private List<MessageUid> search(MessageManager messageManager, SearchQuery query, MailboxSession session,
                                    Username user, Mailbox mailbox) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                List<MessageUid> uids = Flux.from(messageManager.search(query, session)).collectList().block(SEARCH_TIMEOUT);
                return uids == null ? List.of() : uids;
            } catch (IllegalStateException e) {
                if (attempt >= 2) {
                    throw new IllegalStateException("searching " + mailbox.getName() + " of " + user.asString()
                        + " did not answer within " + SEARCH_TIMEOUT.toSeconds() + " s (twice)", e);
                }
                LOGGER.warn("Rampart: searching {} of {} did not answer within {} s; retrying", mailbox.getName(),
                    user.asString(), SEARCH_TIMEOUT.toSeconds());
            }
        }
    }

    private Optional<SearchQuery.Criterion> query(Plan plan, Username user) {
        List<SearchQuery.Criterion> parts = new ArrayList<>();
        Set<String> ledgerIds = plan.messageIdsByUser.getOrDefault(user, Set.of());
        if (plan.searchAll) {
            RecallCriteria criteria = plan.criteria;
            criteria.messageId().ifPresent(id -> parts.add(SearchQuery.mimeMessageID(id)));
            criteria.sender().ifPresent(sender -> parts.add(SearchQuery.address(SearchQuery.AddressType.From, sender)));
            criteria.subjectContains().ifPresent(subject -> parts.add(SearchQuery.subject(subject)));
            criteria.since().ifPresent(since -> parts.add(SearchQuery.internalDateAfter(Date.from(since),
                SearchQuery.DateResolution.Second)));
            criteria.until().ifPresent(until -> parts.add(SearchQuery.internalDateBefore(Date.from(until),
                SearchQuery.DateResolution.Second)));
            SearchQuery.Criterion all = SearchQuery.and(parts);
            if (ledgerIds.isEmpty()) {
                return Optional.of(all);
            }
            List<SearchQuery.Criterion> either = new ArrayList<>();
            either.add(all);
            ledgerIds.forEach(id -> either.add(SearchQuery.mimeMessageID(id)));
            return Optional.of(SearchQuery.or(either));
        }
        if (ledgerIds.isEmpty()) {
            return Optional.empty();
        }
        if (ledgerIds.size() == 1) {
            return Optional.of(SearchQuery.mimeMessageID(ledgerIds.iterator().next()));
        }
        return Optional.of(SearchQuery.or(ledgerIds.stream().map(SearchQuery::mimeMessageID).collect(Collectors.toList())));
    }

    private Copy copy(Username user, MessageResult result, String folder) throws Exception {
        String messageId = "";
        String subject = "";
        String sender = "";
        Iterator<Header> headers = result.getHeaders().headers();
        while (headers.hasNext()) {
            Header header = headers.next();
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (name.equals("message-id") && messageId.isEmpty()) {
                messageId = LedgerEntry.normalizeMessageId(header.getValue());
            } else if (name.equals("subject") && subject.isEmpty()) {
                subject = decode(header.getValue());
            } else if (name.equals("from") && sender.isEmpty()) {
                sender = fromAddress(header.getValue());
            }
        }
        return new Copy(user, result.getMessageId(), result.getUid(), folder, result.getFlags(),
            result.getInternalDate(), messageId, subject, sender);
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).trim();
        } catch (Exception e) {
            return value.trim();
        }
    }

    private static String fromAddress(String value) {
        try {
            javax.mail.internet.InternetAddress[] parsed = javax.mail.internet.InternetAddress.parseHeader(
                MimeUtility.unfold(value), false);
            return parsed.length == 0 ? value.trim() : parsed[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return value.trim();
        }
    }

    /**
     * Runs a recall: removes every selected copy (content saved first), then looks again once for
     * copies delivered while it ran. Returns whether every copy was removed.
     */
    public boolean execute(RecallRecord record) {
        MailRepository repository = repository();
        RecallCriteria criteria = record.criteria();
        Plan plan = plan(criteria);
        record.planned(plan.searchAll ? record.planned() : (int) plan.messageIdsByUser.values().stream().mapToLong(Set::size).sum());
        if (plan.unknownRecipients > 0) {
            record.note(plan.unknownRecipients + " ledger recipients are not local users: skipped");
        }
        rampart.recalls().store().save(record);
        int first = recallAll(record, plan, repository);
        int second = recallAll(record, plan(criteria), repository);
        updateLedger(record, RecalledItem.State.RECALLED, DeliveryOutcome.RECALLED);
        if (second > 0) {
            record.note(second + " copies delivered while the recall ran were recalled too");
        }
        record.planned(Math.max(record.planned(), (int) (record.count(RecalledItem.State.RECALLED)
            + record.count(RecalledItem.State.FAILED))));
        computeReach(record);
        boolean complete = record.count(RecalledItem.State.FAILED) == 0;
        record.status(complete ? RecallStatus.COMPLETED : RecallStatus.PARTIAL);
        rampart.recalls().store().save(record);
        LOGGER.info("Rampart recall {}: {} copies removed, {} failed ({} + {} passes)", record.id(),
            record.count(RecalledItem.State.RECALLED), record.count(RecalledItem.State.FAILED), first, second);
        return complete;
    }

    /** The ledger's outcome for every copy in this state, one write per Message-ID. */
    private void updateLedger(RecallRecord record, RecalledItem.State state, DeliveryOutcome outcome) {
        record.items().stream().filter(item -> item.state() == state && !item.messageId().isEmpty())
            .collect(Collectors.groupingBy(RecalledItem::messageId, Collectors.mapping(RecalledItem::user, Collectors.toSet())))
            .forEach((messageId, users) -> rampart.ledger().updateOutcomes(messageId, users, outcome));
    }

    private void computeReach(RecallRecord record) {
        Instant[] window = rampart.recalls().reachWindow(record.criteria());
        record.items().stream().map(RecalledItem::sender).filter(s -> !s.isEmpty()).distinct()
            .forEach(sender -> record.internalReach(sender, rampart.recalls().internalReach(sender, window[0], window[1])));
    }

    private int recallAll(RecallRecord record, Plan plan, MailRepository repository) {
        AtomicInteger count = new AtomicInteger();
        Flux.fromIterable(targets(plan))
            .flatMap(user -> Mono.fromRunnable(() -> count.addAndGet(recallUser(record, plan, user, repository)))
                .subscribeOn(workers), rampart.configuration().recall().concurrency())
            .then()
            .block();
        return count.get();
    }

    private int recallUser(RecallRecord record, Plan plan, Username user, MailRepository repository) {
        MailboxSession session;
        try {
            session = mailboxManager.createSystemSession(user);
        } catch (Exception e) {
            record.put(RecalledItem.failed(record.id() + "-" + user.asString(), user.asString(), "", "", "", "",
                "cannot open the mailbox: " + e));
            return 0;
        }
        int removed = 0;
        try {
            for (Found found : results(plan, user, session, FetchGroup.FULL_CONTENT)) {
                Copy copy = found.copy;
                MessageResult result = found.result;
                String key = "recall-" + record.id() + "-" + UUID.randomUUID();
                try {
                    byte[] content;
                    try (InputStream in = result.getFullContent().getInputStream()) {
                        content = in.readAllBytes();
                    }
                    save(repository, key, record, copy, content);
                    found.mailbox.delete(ImmutableList.of(copy.uid), session);
                    record.put(RecalledItem.recalled(key, user.asString(), copy.folder, flagNames(copy.flags),
                        copy.internalDate.toInstant(), copy.messageId, copy.subject, copy.sender));
                    removed++;
                } catch (Exception e) {
                    LOGGER.warn("Rampart recall {} could not remove {} from {} of {}", record.id(), copy.messageId,
                        copy.folder, user.asString(), e);
                    record.put(RecalledItem.failed(key, user.asString(), copy.folder, copy.messageId, copy.subject,
                        copy.sender, e.toString()));
                }
            }
        } catch (Exception e) {
            LOGGER.warn("Rampart recall {} could not search the mailboxes of {}", record.id(), user.asString(), e);
            record.put(RecalledItem.failed(record.id() + "-" + user.asString(), user.asString(), "", "", "", "",
                "cannot search the mailboxes: " + e));
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
        return removed;
    }

    private void save(MailRepository repository, String key, RecallRecord record, Copy copy, byte[] content)
        throws Exception {
        MimeMessage message = new MimeMessage(MAIL_SESSION, new ByteArrayInputStream(content));
        MailImpl mail = MailImpl.builder()
            .name(key)
            .sender(MaybeSender.nullSender())
            .addRecipient(recipient(copy.user))
            .mimeMessage(message)
            .addAttribute(RecallAttributes.of(RecallAttributes.RECALL_ID, record.id()))
            .addAttribute(RecallAttributes.of(RecallAttributes.FOLDER, copy.folder))
            .addAttribute(RecallAttributes.of(RecallAttributes.FLAGS, String.join(" ", flagNames(copy.flags))))
            .addAttribute(RecallAttributes.of(RecallAttributes.INTERNAL_DATE, copy.internalDate.toInstant().toString()))
            .build();
        try {
            repository.store(mail);
        } finally {
            mail.dispose();
        }
    }

    private MailAddress recipient(Username user) throws Exception {
        return usersRepository.getMailAddressFor(user);
    }

    /**
     * Puts every copy the recall removed back into its folder (re-created if it was deleted) with its
     * flags, keywords and internal date; the saved copy is dropped once restored.
     */
    public boolean undo(RecallRecord record, String actor) {
        MailRepository repository = repository();
        Map<String, List<RecalledItem>> byUser = record.savedCopies().stream()
            .collect(Collectors.groupingBy(RecalledItem::user, LinkedHashMap::new, Collectors.toList()));
        Flux.fromIterable(byUser.entrySet())
            .flatMap(entry -> Mono.fromRunnable(() -> restoreUser(record, entry.getKey(), entry.getValue(), repository))
                .subscribeOn(workers), rampart.configuration().recall().concurrency())
            .then()
            .block();
        updateLedger(record, RecalledItem.State.RESTORED, DeliveryOutcome.RESTORED);
        boolean complete = record.count(RecalledItem.State.RESTORE_FAILED) == 0;
        record.status(complete ? RecallStatus.UNDONE : RecallStatus.UNDO_PARTIAL);
        record.undone(actor);
        rampart.recalls().store().save(record);
        LOGGER.info("Rampart recall {} undone by {}: {} copies restored, {} failed", record.id(), actor,
            record.count(RecalledItem.State.RESTORED), record.count(RecalledItem.State.RESTORE_FAILED));
        return complete;
    }

    private void restoreUser(RecallRecord record, String user, List<RecalledItem> items, MailRepository repository) {
        Username username = Username.of(user);
        MailboxSession session;
        try {
            session = mailboxManager.createSystemSession(username);
        } catch (Exception e) {
            items.forEach(item -> record.put(item.withState(RecalledItem.State.RESTORE_FAILED,
                Optional.of("cannot open the mailbox: " + e))));
            return;
        }
        try {
            for (RecalledItem item : items) {
                try {
                    restore(item, username, session, repository);
                    record.put(item.withState(RecalledItem.State.RESTORED, Optional.empty()));
                } catch (Exception e) {
                    LOGGER.warn("Rampart could not restore {} of recall {} for {}", item.key(), record.id(), user, e);
                    record.put(item.withState(RecalledItem.State.RESTORE_FAILED, Optional.of(e.toString())));
                }
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private void restore(RecalledItem item, Username user, MailboxSession session, MailRepository repository)
        throws Exception {
        MailKey key = new MailKey(item.key());
        Mail saved = repository.retrieve(key);
        if (saved == null) {
            throw new IllegalStateException("the saved copy " + item.key() + " is missing from "
                + rampart.configuration().recall().repository() + " (an undo interrupted by a restart may have put it"
                + " back already)");
        }
        byte[] content;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            saved.getMessage().writeTo(out);
            content = out.toByteArray();
        } finally {
            if (saved instanceof MailImpl) {
                ((MailImpl) saved).dispose();
            }
        }
        MailboxPath path = MailboxPath.forUser(user, item.folder());
        if (!Boolean.TRUE.equals(Mono.from(mailboxManager.mailboxExists(path, session)).block())) {
            mailboxManager.createMailbox(path, MailboxManager.CreateOption.CREATE_SUBSCRIPTION, session);
        }
        MessageManager mailbox = mailboxManager.getMailbox(path, session);
        if (item.state() == RecalledItem.State.RESTORE_FAILED && isInFolder(mailbox, item, session, user)) {
            // An earlier undo's append that did not answer in time finished after all.
            LOGGER.info("Rampart: {} of {} is back in {} already (a late append of an earlier undo): not appended again",
                item.key(), user.asString(), item.folder());
            repository.remove(key);
            return;
        }
        // With a deadline: under concurrent load the memory backend's append was seen to never answer
        // (one append per undo in RecallBenchmark; some had stored their message, some had not). Past
        // the deadline the folder is searched for the copy: found, it counts as restored; not found, it
        // stays restore-failed with its saved copy kept, so that the undo can be run again. It is not
        // appended again here, since an append that does finish late would then put the mail back twice.
        try {
            Mono.from(mailbox.appendMessageReactive(MessageManager.AppendCommand.builder()
                    .withFlags(flags(item.flags()))
                    .withInternalDate(Date.from(item.internalDate()))
                    .notRecent()
                    .build(content), session))
                .timeout(appendTimeout, Mono.error(AppendTimeout::new))
                .block();
        } catch (AppendTimeout e) {
            if (!isInFolder(mailbox, item, session, user)) {
                throw new IllegalStateException("the mailbox store did not finish putting the copy back within "
                    + appendTimeout.toSeconds() + " s, and the copy is not in " + item.folder(), e);
            }
            LOGGER.warn("Rampart: the mailbox store did not confirm putting {} back into {} of {} within {} s, but the"
                + " copy is there: counted as restored", item.key(), item.folder(), user.asString(),
                appendTimeout.toSeconds());
        }
        repository.remove(key);
    }

    /**
     * Deletes the saved copies of a recall whose undo window ended ({@link
     * io.rampart.core.recall.RecallService#expireUndos}); returns how many were deleted. A copy that
     * cannot be deleted is logged and left in the repository (James's {@code /mailRepositories} route
     * lists it).
     */
    public int dropSavedCopies(RecallRecord record) {
        MailRepository repository = repository();
        int deleted = 0;
        for (RecalledItem item : record.savedCopies()) {
            try {
                repository.remove(new MailKey(item.key()));
                deleted++;
            } catch (Exception e) {
                LOGGER.error("Rampart could not delete the saved copy {} of recall {} from {}", item.key(), record.id(),
                    rampart.configuration().recall().repository(), e);
            }
        }
        LOGGER.info("Rampart recall {}: undo window ended, {} saved copies deleted", record.id(), deleted);
        return deleted;
    }

    /** Tests shorten the deadline of an append that puts a copy back (30 s). */
    void appendTimeout(java.time.Duration timeout) {
        this.appendTimeout = timeout;
    }

    /** An append that did not answer within its deadline. */
    private static final class AppendTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AppendTimeout() {
            super("the append did not answer", null, false, false);
        }
    }

    /** Whether the folder holds a message with the item's Message-ID and internal date (to the second). */
    private boolean isInFolder(MessageManager mailbox, RecalledItem item, MailboxSession session, Username user)
        throws Exception {
        if (item.messageId().isEmpty()) {
            return false;
        }
        SearchQuery query = SearchQuery.of(SearchQuery.and(List.of(SearchQuery.mimeMessageID(item.messageId()),
            SearchQuery.internalDateOn(Date.from(item.internalDate()), SearchQuery.DateResolution.Second))));
        List<MessageUid> found = search(mailbox, query, session, user, mailbox.getMailboxEntity());
        return found != null && !found.isEmpty();
    }

    private MailRepository repository() {
        try {
            return repositoryStore.select(MailRepositoryUrl.from(rampart.configuration().recall().repository()));
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new IllegalStateException("Cannot open the recall repository "
                + rampart.configuration().recall().repository(), e);
        }
    }

    /** IMAP names of the flags worth restoring: system flags but {@code \Recent} and {@code \Deleted}, and keywords. */
    static List<String> flagNames(Flags flags) {
        List<String> names = new ArrayList<>();
        if (flags.contains(Flags.Flag.SEEN)) {
            names.add("\\Seen");
        }
        if (flags.contains(Flags.Flag.ANSWERED)) {
            names.add("\\Answered");
        }
        if (flags.contains(Flags.Flag.FLAGGED)) {
            names.add("\\Flagged");
        }
        if (flags.contains(Flags.Flag.DRAFT)) {
            names.add("\\Draft");
        }
        for (String keyword : flags.getUserFlags()) {
            names.add(keyword);
        }
        return names;
    }

    static Flags flags(List<String> names) {
        Flags flags = new Flags();
        for (String name : names) {
            switch (name) {
                case "\\Seen":
                    flags.add(Flags.Flag.SEEN);
                    break;
                case "\\Answered":
                    flags.add(Flags.Flag.ANSWERED);
                    break;
                case "\\Flagged":
                    flags.add(Flags.Flag.FLAGGED);
                    break;
                case "\\Draft":
                    flags.add(Flags.Flag.DRAFT);
                    break;
                default:
                    if (!name.startsWith("\\")) {
                        flags.add(name);
                    }
            }
        }
        return flags;
    }
}
