package io.rampart.core.recall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.Sets;

import io.rampart.core.config.IntelSettings;
import io.rampart.core.config.RecallSettings;
import io.rampart.core.intel.Indicator;
import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.Ledger;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.util.Durations;

/**
 * Recall planning and bookkeeping, without James: which ledger entries a recall selects (internal
 * forwards included), the records, the active rules that stop new copies while a recall holds,
 * proposals from indicators and user reports, and the hand-off to the {@link RecallLauncher} that
 * touches mailboxes.
 */
public final class RecallService {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecallService.class);
    private static final int MAX_FORWARD_HOPS = 5;

    private final RecallSettings settings;
    private final Ledger ledger;
    private final RecallStore store;
    private final Clock clock;
    private final AtomicReference<RecallLauncher> launcher = new AtomicReference<>();

    public RecallService(RecallSettings settings, Ledger ledger, RecallStore store, Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    public RecallSettings settings() {
        return settings;
    }

    public Ledger ledger() {
        return ledger;
    }

    public RecallStore store() {
        return store;
    }

    public Instant now() {
        return clock.instant();
    }

    public void launcher(RecallLauncher recallLauncher) {
        launcher.set(recallLauncher);
    }

    public RecallRecord create(RecallCriteria criteria, RecallTrigger trigger, RecallStatus status) {
        RecallRecord record = new RecallRecord(UUID.randomUUID().toString(), clock.instant(), trigger, criteria, status);
        store.save(record);
        return record;
    }

    public Optional<RecallRecord> get(String id) {
        return store.get(id);
    }

    public List<RecallRecord> list() {
        return store.list();
    }

    /**
     * Ledger entries the criteria select in their window (or the whole retention when they have
     * none), plus internal forwards of them: mail a recipient sent on to colleagues that references
     * the selected Message-IDs or carries the same URLs or attachment hashes.
     */
    public List<LedgerEntry> ledgerMatches(RecallCriteria criteria) {
        return ledgerMatches(criteria, clock.instant(), ledger::between);
    }

    private List<LedgerEntry> ledgerMatches(RecallCriteria criteria, Instant now, LedgerReader ledger) {
        Instant from = criteria.since().orElse(now.minus(settings.ledgerRetention()));
        Instant to = criteria.until().orElse(now.plusSeconds(60));
        List<LedgerEntry> window = ledger.between(from, to);
        Map<String, LedgerEntry> selected = new LinkedHashMap<>();
        for (LedgerEntry entry : window) {
            if (criteria.matches(entry)) {
                selected.put(entry.id(), entry);
            }
        }
        if (selected.isEmpty()) {
            return List.of();
        }
        List<LedgerEntry> later = ledger.between(from, now.plusSeconds(60));
        for (int hop = 0; hop < MAX_FORWARD_HOPS; hop++) {
            List<LedgerEntry> forwards = new ArrayList<>();
            Set<String> recipients = new HashSet<>();
            Set<String> messageIds = new HashSet<>();
            Set<String> urls = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            for (LedgerEntry entry : selected.values()) {
                recipients.addAll(entry.outcomes().keySet());
                if (!entry.messageId().isEmpty()) {
                    messageIds.add(entry.messageId());
                }
                urls.addAll(entry.urls());
                hashes.addAll(entry.hashes());
            }
            for (LedgerEntry candidate : later) {
                if (selected.containsKey(candidate.id()) || !recipients.contains(candidate.sender())
                    || candidate.flow().equals("inbound")) {
                    continue;
                }
                boolean related = candidate.references().stream().anyMatch(messageIds::contains)
                    || !Sets.intersection(candidate.urls(), urls).isEmpty()
                    || !Sets.intersection(candidate.hashes(), hashes).isEmpty();
                if (related) {
                    forwards.add(candidate);
                }
            }
            if (forwards.isEmpty()) {
                break;
            }
            forwards.forEach(entry -> selected.put(entry.id(), entry));
        }
        return new ArrayList<>(selected.values());
    }

    /** How many distinct internal recipients mail from this sender reached (delivered to a mailbox) in the window. */
    public int internalReach(String sender, Instant from, Instant to) {
        Set<String> reached = new HashSet<>();
        for (LedgerEntry entry : ledger.between(from, to)) {
            if (entry.sender().equals(sender) && !entry.flow().equals("outbound")) {
                entry.outcomes().forEach((recipient, outcome) -> {
                    if (outcome.reachedMailbox()) {
                        reached.add(recipient);
                    }
                });
            }
        }
        return reached.size();
    }

    /** The window {@link #internalReach} counts over for these criteria. */
    public Instant[] reachWindow(RecallCriteria criteria) {
        Instant now = clock.instant();
        return new Instant[] {criteria.since().orElse(now.minus(settings.autoWindow())),
            criteria.until().orElse(now.plusSeconds(60))};
    }

    /**
     * Starts a proposed or approved recall through the launcher: its rule stops new copies for
     * {@code recall.activeRuleWindow}. IllegalStateException when it was launched or dismissed meanwhile.
     */
    public String launch(RecallRecord record) {
        RecallLauncher current = launcher.get();
        if (current == null) {
            throw new IllegalStateException("Recall is not available: no recall launcher is registered (is"
                + " io.rampart.webadmin.recall.RecallStartable in extensions.properties?)");
        }
        // Claimed atomically: two admins approving at once, on one James node or two, start one task.
        store.update(record.id(), stored -> {
            if (!stored.status().launchable()) {
                throw new RecallConflict("Recall " + stored.id() + " is " + stored.status().asString()
                    + ": it was launched or dismissed already");
            }
            stored.status(RecallStatus.RUNNING);
        });
        if (!settings.activeRuleWindow().isZero()) {
            store.activate(record.id(), record.criteria(), clock.instant().plus(settings.activeRuleWindow()));
        }
        record.status(RecallStatus.RUNNING);
        store.save(record);
        String taskId = current.launch(record);
        record.taskId(taskId);
        // the task may already be saving its own copy: set the task id on the stored record only
        store.update(record.id(), stored -> stored.taskId(taskId));
        return taskId;
    }

    /**
     * Starts the undo of a finished recall (a task: restoring thousands of copies takes minutes) and
     * returns its task id. The record is marked {@code undoing} atomically first, so two admins (or two
     * James nodes) cannot both start one; IllegalStateException when it is not undoable (WebAdmin 409).
     */
    public String undo(RecallRecord record, String actor) {
        return undo(record, actor, false);
    }

    /**
     * {@code again}: an undo left "undoing" whose task is no longer running (James restarted while it
     * ran) is started again. Copies it had already put back are not restored twice: their saved copy was
     * dropped as each was restored, so they are reported as missing.
     */
    public String undo(RecallRecord record, String actor, boolean again) {
        RecallLauncher current = launcher.get();
        if (current == null) {
            throw new IllegalStateException("Recall is not available: no recall launcher is registered");
        }
        RecallRecord undoing = store.update(record.id(), stored -> {
            boolean interrupted = again && stored.status() == RecallStatus.UNDOING
                && stored.undoTaskId().map(task -> !current.isRunning(task)).orElse(true);
            if (!stored.status().undoable() && !interrupted) {
                throw new RecallConflict("Recall " + stored.id() + " is " + stored.status().asString()
                    + (stored.status() == RecallStatus.UNDOING
                        ? ": its undo " + (again ? "is still running" : "was started already (again=true reruns an undo"
                            + " whose task is no longer running)")
                        : notUndoable(stored.status())));
            }
            stored.status(RecallStatus.UNDOING);
            stored.note(interrupted ? "undo started again by " + actor + ": task "
                + stored.undoTaskId().orElse("?") + " is no longer running" : "undo started by " + actor);
        }).orElseThrow(() -> new IllegalStateException("Unknown recall " + record.id()));
        store.deactivate(record.id());
        String taskId = current.undo(undoing, actor);
        store.update(record.id(), stored -> stored.undoTaskId(taskId));
        LOGGER.info("Rampart recall {}: undo started by {} (task {})", record.id(), actor, taskId);
        return taskId;
    }

    /**
     * The running or finished recall whose rule still holds and selects this new mail, if any (rules
     * are in the store: a recall launched on one James node stops copies arriving on any).
     */
    public Optional<RecallRecord> activeRuleMatching(LedgerEntry entry) {
        for (Map.Entry<String, RecallCriteria> rule : store.activeRules(clock.instant()).entrySet()) {
            if (rule.getValue().withoutWindow().matches(entry)) {
                Optional<RecallRecord> record = store.get(rule.getKey());
                if (record.isPresent() && record.get().undoneAt().isEmpty()) {
                    return record;
                }
            }
        }
        return Optional.empty();
    }

    /** A copy stopped on arrival by an active rule, recorded with its recall (while its task may be saving it too). */
    public void stoppedOnArrival(RecallRecord record, LedgerEntry entry) {
        Consumer<RecallRecord> stop = target -> {
            entry.outcomes().keySet().forEach(recipient -> target.put(RecalledItem.stopped(
                "stopped-" + entry.id() + "-" + recipient, recipient, entry.messageId(), entry.subject(), entry.sender())));
            target.note("stopped on arrival: " + entry.messageId() + " to " + entry.outcomes().keySet());
        };
        stop.accept(record);
        store.update(record.id(), stop);
    }

    /**
     * A recall candidate from user reports (or any other detector): recorded as a proposal an
     * admin launches with {@code POST /rampart/recalls/{id}?action=approve}, or returned empty when
     * the ledger holds no matching delivered mail.
     */
    public Optional<RecallRecord> proposeFromCandidate(RecallCriteria criteria, String source, String reason) {
        List<LedgerEntry> matches = ledgerMatches(criteria);
        if (matches.stream().noneMatch(entry -> entry.outcomes().values().stream().anyMatch(o -> o == DeliveryOutcome.DELIVERED || o == DeliveryOutcome.JUNK))) {
            return Optional.empty();
        }
        RecallRecord record = create(criteria, RecallTrigger.report(source, reason), RecallStatus.PROPOSED);
        record.planned(delivered(matches));
        store.save(record);
        LOGGER.info("Rampart recall {} proposed from {}: {} ({} copies)", record.id(), source, reason, record.planned());
        return Optional.of(record);
    }

    /**
     * A new (or refreshed) indicator: mail in the ledger's {@code recall.autoWindow} carrying it is
     * recalled at once when its source enforces and it is confident enough, or proposed otherwise.
     * An indicator that already has a live recall does not start another (idempotent).
     */
    public Optional<RecallRecord> onIndicator(Indicator indicator, IntelSettings.Mode mode, IntelSettings intel) {
        return onIndicators(List.of(indicator), mode, intel).get(0);
    }

    /**
     * {@link #onIndicator} for each of several indicators (a feed's content), in order: the ledger's
     * window is read once for all of them, not once per indicator.
     */
    public List<Optional<RecallRecord>> onIndicators(List<Indicator> indicators, IntelSettings.Mode mode,
                                                     IntelSettings intel) {
        Instant now = clock.instant();
        Map<List<Instant>, List<LedgerEntry>> reads = new HashMap<>();
        LedgerReader window = (from, to) -> reads.computeIfAbsent(List.of(from, to), range -> ledger.between(from, to));
        List<Optional<RecallRecord>> records = new ArrayList<>(indicators.size());
        for (Indicator indicator : indicators) {
            records.add(onIndicator(indicator, mode, intel, now, window));
        }
        return records;
    }

    private Optional<RecallRecord> onIndicator(Indicator indicator, IntelSettings.Mode mode, IntelSettings intel,
                                               Instant now, LedgerReader window) {
        for (RecallRecord existing : store.triggeredBy(indicator.id())) {
            if (existing.undoneAt().isEmpty() && existing.status() != RecallStatus.DISMISSED) {
                return Optional.empty();
            }
        }
        RecallCriteria criteria = indicator.criteria();
        RecallCriteria windowed = criteria.withSince(now.minus(settings.autoWindow()));
        List<LedgerEntry> matches = ledgerMatches(windowed, now, window);
        int copies = delivered(matches);
        if (copies == 0) {
            return Optional.empty();
        }
        boolean enforce = intel.autoRecall() && mode == IntelSettings.Mode.ENFORCE
            && indicator.confidence() >= intel.minConfidence();
        RecallRecord record = create(windowed, RecallTrigger.indicator(indicator.id(), indicator.describe(), indicator.source()),
            RecallStatus.PROPOSED);
        record.planned(copies);
        store.save(record);
        if (enforce) {
            LOGGER.info("Rampart recalls {} copies carrying {} from {}", copies, indicator.describe(), indicator.source());
            launch(record);
        } else {
            record.note("proposed only: source in " + mode.asString() + " mode or confidence below intel.minConfidence");
            store.save(record);
            LOGGER.info("Rampart proposes recall {} of {} copies carrying {}", record.id(), copies, indicator.describe());
        }
        return Optional.of(record);
    }

    /** A revoked or expired indicator: the recalls it triggered are undone. */
    public List<RecallRecord> onIndicatorWithdrawn(Indicator indicator, String why) {
        List<RecallRecord> undone = new ArrayList<>();
        for (RecallRecord record : store.triggeredBy(indicator.id())) {
            if (record.status().undoable() && record.undoneAt().isEmpty()) {
                try {
                    undo(record, "rampart-intel (" + why + ")");
                    undone.add(record);
                } catch (RecallConflict raced) {
                    // an admin (or another James node) started its undo meanwhile
                    LOGGER.info("Rampart recall {} not undone for withdrawn indicator {}: {}", record.id(),
                        indicator.id(), raced.getMessage());
                }
            } else if (record.status() == RecallStatus.PROPOSED) {
                record.status(RecallStatus.DISMISSED);
                record.note("indicator " + why);
                store.save(record);
            }
        }
        return undone;
    }

    /** Why a recall in this status cannot be undone (the end of a 409's message). */
    public static String notUndoable(RecallStatus status) {
        return status == RecallStatus.UNDO_EXPIRED
            ? ": its undo window (recall.undoWindow) ended and its saved copies were deleted"
            : ": only a finished recall can be undone";
    }

    /**
     * Ends the undo window ({@code recall.undoWindow}, counted from when the recall finished) of every
     * recall still undoable: each is marked {@code undo-expired} atomically (an undo starting at the same
     * moment on another node gets a 409, or wins and this one skips it) and returned, so that the caller
     * deletes the saved copies of its {@link RecallRecord#savedCopies()}. Nothing expires when the window is zero.
     */
    public List<RecallRecord> expireUndos(Instant now) {
        Duration window = settings.undoWindow();
        List<RecallRecord> expired = new ArrayList<>();
        if (window.isZero()) {
            return expired;
        }
        for (RecallRecord listed : store.list()) {
            if (!listed.status().undoable() || listed.finishedAt().orElse(listed.createdAt()).plus(window).isAfter(now)) {
                continue;
            }
            AtomicBoolean ended = new AtomicBoolean();
            store.update(listed.id(), stored -> {
                ended.set(stored.status().undoable());
                if (ended.get()) {
                    stored.status(RecallStatus.UNDO_EXPIRED);
                    stored.note("undo window (recall.undoWindow " + Durations.describe(window) + ") ended " + now + ": "
                        + stored.savedCopies().size() + " saved copies deleted");
                }
            }).filter(stored -> ended.get()).ifPresent(expired::add);
        }
        return expired;
    }

    /** How recall planning reads the ledger's time window (straight, or memoised for a batch). */
    private interface LedgerReader {
        List<LedgerEntry> between(Instant from, Instant to);
    }

    private static int delivered(List<LedgerEntry> entries) {
        return (int) entries.stream().flatMap(entry -> entry.outcomes().values().stream())
            .filter(outcome -> outcome == DeliveryOutcome.DELIVERED || outcome == DeliveryOutcome.JUNK
                || outcome == DeliveryOutcome.RESTORED)
            .count();
    }
}
