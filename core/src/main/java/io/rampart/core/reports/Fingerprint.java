package io.rampart.core.reports;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.collect.ImmutableSet;

/**
 * What identifies a reported message and its campaign: Message-ID, sender (From address), subject,
 * the URLs in its text and the SHA-256 of its attachments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"messageId", "sender", "subject", "urls", "sha256"})
public final class Fingerprint {
    public static Fingerprint of(Optional<String> messageId, Optional<String> sender, String subject, Set<String> urls,
                                 Set<String> sha256) {
        return new Fingerprint(messageId, sender, subject, urls, sha256);
    }

    /** Lists, not sets: Jackson would read a set into a HashSet and lose the order. */
    @JsonCreator
    static Fingerprint fromJson(@JsonProperty("messageId") String messageId, @JsonProperty("sender") String sender,
                                @JsonProperty("subject") String subject, @JsonProperty("urls") List<String> urls,
                                @JsonProperty("sha256") List<String> sha256) {
        return of(Optional.ofNullable(messageId), Optional.ofNullable(sender), subject,
            urls == null ? ImmutableSet.of() : ImmutableSet.copyOf(urls),
            sha256 == null ? ImmutableSet.of() : ImmutableSet.copyOf(sha256));
    }

    private final Optional<String> messageId;
    private final Optional<String> sender;
    private final String subject;
    private final ImmutableSet<String> urls;
    private final ImmutableSet<String> sha256;

    private Fingerprint(Optional<String> messageId, Optional<String> sender, String subject, Set<String> urls,
                        Set<String> sha256) {
        this.messageId = messageId.map(String::trim).filter(s -> !s.isEmpty());
        this.sender = sender.map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty());
        this.subject = subject == null ? "" : subject.trim();
        this.urls = ImmutableSet.copyOf(urls);
        this.sha256 = sha256.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
    }

    public Optional<String> messageId() {
        return messageId;
    }

    public Optional<String> sender() {
        return sender;
    }

    @JsonProperty("subject")
    public String subject() {
        return subject;
    }

    @JsonProperty("urls")
    public ImmutableSet<String> urls() {
        return urls;
    }

    @JsonProperty("sha256")
    public ImmutableSet<String> sha256() {
        return sha256;
    }

    @JsonProperty("messageId")
    String jsonMessageId() {
        return messageId.orElse(null);
    }

    @JsonProperty("sender")
    String jsonSender() {
        return sender.orElse(null);
    }

    /** The keys two reports of one campaign share at least one of. */
    public ImmutableSet<String> campaignKeys() {
        ImmutableSet.Builder<String> keys = ImmutableSet.builder();
        messageId.ifPresent(id -> keys.add("message-id:" + id));
        sender.ifPresent(s -> keys.add("sender:" + s));
        if (!subject.isEmpty()) {
            keys.add("subject:" + normalizedSubject(subject));
        }
        urls.forEach(url -> keys.add("url:" + url));
        sha256.forEach(hash -> keys.add("sha256:" + hash));
        return keys.build();
    }

    /** Subject without reply/forward prefixes, lower-case, spaces collapsed. */
    static String normalizedSubject(String subject) {
        String s = subject.trim();
        String previous;
        do {
            previous = s;
            s = s.replaceFirst("(?i)^(re|fw|fwd|tr|aw|wg)\\s*:\\s*", "");
        } while (!s.equals(previous));
        return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof Fingerprint) {
            Fingerprint that = (Fingerprint) o;
            return messageId.equals(that.messageId) && sender.equals(that.sender) && subject.equals(that.subject)
                && urls.equals(that.urls) && sha256.equals(that.sha256);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(messageId, sender, subject, urls, sha256);
    }

    @Override
    public String toString() {
        return "Fingerprint{" + messageId.orElse("-") + ", " + sender.orElse("-") + ", '" + subject + "', urls=" + urls
            + ", sha256=" + sha256 + "}";
    }
}
