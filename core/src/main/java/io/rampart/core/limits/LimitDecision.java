package io.rampart.core.limits;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

import io.rampart.core.alert.Alert;
import io.rampart.core.block.Block;

/**
 * The outcome of {@link LimitService#checkAndRecord(SendAttempt)}. When {@link #holdMail()} the
 * mailet moves the mail to the audit hold; when {@link #notifyAdmin()} it mails {@link #alert()} to
 * the security mailbox.
 */
public final class LimitDecision {
    public static LimitDecision pass(String sender, SendLimits limits) {
        return new LimitDecision(sender, limits, ImmutableList.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, false);
    }

    public static LimitDecision senderBlocked(String sender, SendLimits limits, Block block) {
        return new LimitDecision(sender, limits, ImmutableList.of(), Optional.of(LimitAction.BLOCK), Optional.of(block),
            Optional.empty(), false, true);
    }

    public static LimitDecision breached(String sender, SendLimits limits, ImmutableList<Breach> breaches,
                                         LimitAction action, Optional<Block> block, Alert alert, boolean notifyAdmin) {
        return new LimitDecision(sender, limits, breaches, Optional.of(action), block, Optional.of(alert), notifyAdmin, false);
    }

    private final String sender;
    private final SendLimits limits;
    private final ImmutableList<Breach> breaches;
    private final Optional<LimitAction> action;
    private final Optional<Block> block;
    private final Optional<Alert> alert;
    private final boolean notifyAdmin;
    private final boolean senderWasBlocked;

    private LimitDecision(String sender, SendLimits limits, ImmutableList<Breach> breaches, Optional<LimitAction> action,
                          Optional<Block> block, Optional<Alert> alert, boolean notifyAdmin, boolean senderWasBlocked) {
        this.sender = Objects.requireNonNull(sender);
        this.limits = Objects.requireNonNull(limits);
        this.breaches = breaches;
        this.action = action;
        this.block = block;
        this.alert = alert;
        this.notifyAdmin = notifyAdmin;
        this.senderWasBlocked = senderWasBlocked;
    }

    public String sender() {
        return sender;
    }

    /** The effective limits the mail was checked against. */
    public SendLimits limits() {
        return limits;
    }

    public ImmutableList<Breach> breaches() {
        return breaches;
    }

    /** Present when a limit was breached or the sender was already blocked. */
    public Optional<LimitAction> action() {
        return action;
    }

    /** The block now in force for the sender (new with a {@code block} action, or the existing one). */
    public Optional<Block> block() {
        return block;
    }

    public Optional<Alert> alert() {
        return alert;
    }

    /** True when the security mailbox should be mailed (at most one per user and rule per interval). */
    public boolean notifyAdmin() {
        return notifyAdmin;
    }

    /** The sender was blocked before this mail (mail queued before the block): hold it, no new alert. */
    public boolean senderWasBlocked() {
        return senderWasBlocked;
    }

    public boolean passed() {
        return action.isEmpty();
    }

    /** Hold the mail for audit: a {@code hold} or {@code block} breach, or an already blocked sender. */
    public boolean holdMail() {
        return action.map(LimitAction::holdsMail).orElse(false);
    }

    /** One line for the audit record and logs. */
    public String reason() {
        if (senderWasBlocked) {
            return block.map(Block::smtpMessage).orElse("sender blocked");
        }
        return breaches.stream().map(Breach::describe).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "LimitDecision{" + sender + ", " + action.map(LimitAction::asString).orElse("pass") + ", " + reason() + "}";
    }
}
