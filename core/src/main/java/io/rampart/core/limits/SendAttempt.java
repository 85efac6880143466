package io.rampart.core.limits;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import io.rampart.core.flow.Flow;

/**
 * One mail a local user is sending: who, an id that stays the same if the mail is processed again
 * (the James mail name: a retried mail is not counted twice), its local and remote recipients, a
 * content fingerprint ({@link MessageFingerprint}) and when. Addresses are lower-cased.
 */
public final class SendAttempt {
    public static SendAttempt of(String sender, String mailId, Collection<String> internalRecipients,
                                 Collection<String> externalRecipients, Optional<String> fingerprint, Instant at) {
        return new SendAttempt(sender, mailId, internalRecipients, externalRecipients, fingerprint, at);
    }

    /** All recipients on one side: {@code INTERNAL} means local recipients, {@code OUTBOUND} remote ones. */
    public static SendAttempt forFlow(String sender, String mailId, Flow flow, Collection<String> recipients,
                                      Optional<String> fingerprint, Instant at) {
        Preconditions.checkArgument(flow != Flow.INBOUND, "send limits apply to outbound and internal mail, not inbound");
        return flow == Flow.INTERNAL
            ? of(sender, mailId, recipients, ImmutableList.of(), fingerprint, at)
            : of(sender, mailId, ImmutableList.of(), recipients, fingerprint, at);
    }

    private final String sender;
    private final String mailId;
    private final ImmutableList<String> internalRecipients;
    private final ImmutableList<String> externalRecipients;
    private final Optional<String> fingerprint;
    private final Instant at;

    private SendAttempt(String sender, String mailId, Collection<String> internalRecipients,
                        Collection<String> externalRecipients, Optional<String> fingerprint, Instant at) {
        Preconditions.checkArgument(sender != null && sender.contains("@"), "sender must be a mail address, got '%s'", sender);
        Preconditions.checkArgument(mailId != null && !mailId.isEmpty(), "mailId must not be empty");
        this.sender = sender.trim().toLowerCase(Locale.ROOT);
        this.mailId = mailId;
        this.internalRecipients = normalize(internalRecipients);
        this.externalRecipients = normalize(externalRecipients);
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.at = Objects.requireNonNull(at, "at");
    }

    private static ImmutableList<String> normalize(Collection<String> addresses) {
        return addresses.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).distinct()
            .collect(ImmutableList.toImmutableList());
    }

    public String sender() {
        return sender;
    }

    public String mailId() {
        return mailId;
    }

    public ImmutableList<String> internalRecipients() {
        return internalRecipients;
    }

    public ImmutableList<String> externalRecipients() {
        return externalRecipients;
    }

    public int recipientCount() {
        return internalRecipients.size() + externalRecipients.size();
    }

    public Optional<String> fingerprint() {
        return fingerprint;
    }

    public Instant at() {
        return at;
    }

    /** {@code OUTBOUND} when any recipient is remote, else {@code INTERNAL}. */
    public Flow flow() {
        return externalRecipients.isEmpty() ? Flow.INTERNAL : Flow.OUTBOUND;
    }

    @Override
    public String toString() {
        return "SendAttempt{" + sender + " " + mailId + " internal=" + internalRecipients.size()
            + " external=" + externalRecipients.size() + " at " + at + "}";
    }
}
