package io.rampart.core.recall;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;

/**
 * One copy a recall took out of one mailbox, with everything undo needs to put it back exactly:
 * the folder, the IMAP flags and keywords, the internal date, and the key of the saved content.
 */
public final class RecalledItem {
    public enum State {
        /** Removed from the mailbox; content saved. */
        RECALLED,
        /** Stopped before delivery by the recall's active rule (kept in quarantine). */
        STOPPED,
        /** Could not be removed (the error says why); still in the mailbox. */
        FAILED,
        /** Put back by an undo. */
        RESTORED,
        /** An undo could not put it back (the error says why); content still saved. */
        RESTORE_FAILED;

        public String asString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static RecalledItem recalled(String key, String user, String folder, List<String> flags, Instant internalDate,
                                        String messageId, String subject, String sender) {
        return new RecalledItem(key, user, folder, flags, internalDate, messageId, subject, sender, State.RECALLED,
            Optional.empty());
    }

    public static RecalledItem failed(String key, String user, String folder, String messageId, String subject,
                                      String sender, String error) {
        return new RecalledItem(key, user, folder, ImmutableList.of(), Instant.EPOCH, messageId, subject, sender,
            State.FAILED, Optional.of(error));
    }

    public static RecalledItem stopped(String key, String user, String messageId, String subject, String sender) {
        return new RecalledItem(key, user, "", ImmutableList.of(), Instant.now(), messageId, subject, sender,
            State.STOPPED, Optional.empty());
    }

    private final String key;
    private final String user;
    private final String folder;
    private final ImmutableList<String> flags;
    private final Instant internalDate;
    private final String messageId;
    private final String subject;
    private final String sender;
    private final State state;
    private final Optional<String> error;

    public RecalledItem(String key, String user, String folder, List<String> flags, Instant internalDate,
                        String messageId, String subject, String sender, State state, Optional<String> error) {
        this.key = Objects.requireNonNull(key);
        this.user = Objects.requireNonNull(user);
        this.folder = Objects.requireNonNull(folder);
        this.flags = ImmutableList.copyOf(flags);
        this.internalDate = Objects.requireNonNull(internalDate);
        this.messageId = Objects.requireNonNull(messageId);
        this.subject = Objects.requireNonNull(subject);
        this.sender = Objects.requireNonNull(sender);
        this.state = Objects.requireNonNull(state);
        this.error = Objects.requireNonNull(error);
    }

    public RecalledItem withState(State newState, Optional<String> newError) {
        return new RecalledItem(key, user, folder, flags, internalDate, messageId, subject, sender, newState, newError);
    }

    /** The key of the saved content in the recall repository. */
    public String key() {
        return key;
    }

    public String user() {
        return user;
    }

    public String folder() {
        return folder;
    }

    /** IMAP system flags ({@code \Seen}, {@code \Flagged}, ...) and keywords, as they were. */
    public ImmutableList<String> flags() {
        return flags;
    }

    public boolean seen() {
        return flags.contains("\\Seen");
    }

    public Instant internalDate() {
        return internalDate;
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

    public State state() {
        return state;
    }

    public Optional<String> error() {
        return error;
    }

    public ObjectNode toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", key);
        node.put("user", user);
        node.put("folder", folder);
        ArrayNode flagArray = node.putArray("flags");
        flags.forEach(flagArray::add);
        node.put("seen", seen());
        node.put("internalDate", internalDate.toString());
        node.put("messageId", messageId);
        node.put("subject", subject);
        node.put("sender", sender);
        node.put("state", state.asString());
        error.ifPresent(e -> node.put("error", e));
        return node;
    }

    public static RecalledItem fromJson(com.fasterxml.jackson.databind.JsonNode node) {
        ImmutableList.Builder<String> flags = ImmutableList.builder();
        node.path("flags").forEach(flag -> flags.add(flag.asText()));
        return new RecalledItem(node.path("key").asText(), node.path("user").asText(), node.path("folder").asText(),
            flags.build(), Instant.parse(node.path("internalDate").asText()), node.path("messageId").asText(),
            node.path("subject").asText(), node.path("sender").asText(),
            State.valueOf(node.path("state").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
            Optional.ofNullable(node.get("error")).map(com.fasterxml.jackson.databind.JsonNode::asText));
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof RecalledItem) {
            RecalledItem that = (RecalledItem) o;
            return key.equals(that.key) && user.equals(that.user) && folder.equals(that.folder)
                && flags.equals(that.flags) && internalDate.equals(that.internalDate)
                && messageId.equals(that.messageId) && subject.equals(that.subject) && sender.equals(that.sender)
                && state == that.state && error.equals(that.error);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(key, user, folder, flags, internalDate, messageId, subject, sender, state, error);
    }
}
