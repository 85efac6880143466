package io.rampart.core.config;

import java.time.Duration;

/** {@code recall.*}: how recall keeps copies, how far back automatic recall looks, and its safety limits. */
public final class RecallSettings {
    public static final String DEFAULT_REPOSITORY = "memory://var/mail/rampart-recalled/";
    public static final Duration DEFAULT_AUTO_WINDOW = Duration.ofHours(72);
    public static final Duration DEFAULT_ACTIVE_RULE_WINDOW = Duration.ofHours(24);
    public static final Duration DEFAULT_LEDGER_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_UNDO_WINDOW = Duration.ofDays(30);
    public static final int DEFAULT_APPROVAL_THRESHOLD = 500;
    public static final boolean DEFAULT_REQUIRE_SECOND_APPROVAL = false;
    public static final boolean DEFAULT_NOTIFY_USERS = false;
    /** 4: with 8, James 3.8.1's memory backend lost the answer of one append in every undo (docs/recall.md). */
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_PREVIEW_LIMIT = 1000;

    public static RecallSettings from(ConfigReader reader) {
        String repository = reader.string("recall.repository", DEFAULT_REPOSITORY);
        if (!repository.contains("://")) {
            throw reader.error("recall.repository", repository, "a mail repository URL such as " + DEFAULT_REPOSITORY);
        }
        Duration autoWindow = reader.duration("recall.autoWindow", DEFAULT_AUTO_WINDOW);
        if (autoWindow.isZero() || autoWindow.isNegative()) {
            throw reader.error("recall.autoWindow", autoWindow.toString(), "a positive duration such as 72h");
        }
        Duration activeRuleWindow = reader.duration("recall.activeRuleWindow", DEFAULT_ACTIVE_RULE_WINDOW);
        Duration ledgerRetention = reader.duration("recall.ledgerRetention", DEFAULT_LEDGER_RETENTION);
        if (ledgerRetention.compareTo(autoWindow) < 0) {
            throw reader.error("recall.ledgerRetention", ledgerRetention.toString(),
                "a duration at least as long as recall.autoWindow (" + autoWindow + ")");
        }
        Duration undoWindow = reader.duration("recall.undoWindow", DEFAULT_UNDO_WINDOW);
        if (undoWindow.isNegative()) {
            throw reader.error("recall.undoWindow", io.rampart.core.util.Durations.describe(undoWindow), "a duration such as 30d, or 0 to keep copies until undone");
        }
        return new RecallSettings(repository, autoWindow, activeRuleWindow, ledgerRetention, undoWindow,
            reader.integer("recall.approvalThreshold", DEFAULT_APPROVAL_THRESHOLD, 1, Integer.MAX_VALUE),
            reader.bool("recall.requireSecondApproval", DEFAULT_REQUIRE_SECOND_APPROVAL),
            reader.bool("recall.notifyUsers", DEFAULT_NOTIFY_USERS),
            reader.integer("recall.concurrency", DEFAULT_CONCURRENCY, 1, 64),
            reader.integer("recall.previewLimit", DEFAULT_PREVIEW_LIMIT, 1, 100_000));
    }

    private final String repository;
    private final Duration autoWindow;
    private final Duration activeRuleWindow;
    private final Duration ledgerRetention;
    private final Duration undoWindow;
    private final int approvalThreshold;
    private final boolean requireSecondApproval;
    private final boolean notifyUsers;
    private final int concurrency;
    private final int previewLimit;

    public RecallSettings(String repository, Duration autoWindow, Duration activeRuleWindow, Duration ledgerRetention,
                          Duration undoWindow, int approvalThreshold, boolean requireSecondApproval, boolean notifyUsers, int concurrency,
                          int previewLimit) {
        this.repository = repository;
        this.autoWindow = autoWindow;
        this.activeRuleWindow = activeRuleWindow;
        this.ledgerRetention = ledgerRetention;
        this.undoWindow = undoWindow;
        this.approvalThreshold = approvalThreshold;
        this.requireSecondApproval = requireSecondApproval;
        this.notifyUsers = notifyUsers;
        this.concurrency = concurrency;
        this.previewLimit = previewLimit;
    }

    /** The James mail repository keeping each recalled copy until the recall is undone or its undo window ends. */
    public String repository() {
        return repository;
    }

    /** How far back a new threat indicator looks in the ledger for mail to recall. */
    public Duration autoWindow() {
        return autoWindow;
    }

    /** How long after a recall starts new copies matching it are stopped on arrival (0 = off). */
    public Duration activeRuleWindow() {
        return activeRuleWindow;
    }

    public Duration ledgerRetention() {
        return ledgerRetention;
    }

    /**
     * How long after a recall finishes it can be undone; then its saved copies (malicious mail, as a
     * rule) are deleted from {@link #repository()}. Zero keeps them until the recall is undone.
     */
    public Duration undoWindow() {
        return undoWindow;
    }

    /** Recalls of more messages than this need a second admin when {@link #requireSecondApproval()}. */
    public int approvalThreshold() {
        return approvalThreshold;
    }

    public boolean requireSecondApproval() {
        return requireSecondApproval;
    }

    /** Whether each affected user gets a short notice that a message was removed. */
    public boolean notifyUsers() {
        return notifyUsers;
    }

    /** Mailboxes worked on in parallel by a recall or preview. */
    public int concurrency() {
        return concurrency;
    }

    /** Most messages a preview lists one by one (counts are always complete). */
    public int previewLimit() {
        return previewLimit;
    }
}
