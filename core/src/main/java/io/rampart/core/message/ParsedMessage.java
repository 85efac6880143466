package io.rampart.core.message;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

/**
 * The decoded view of one message that every analyzer reads: top-level headers, sender fields,
 * subject, every text part (HTML rendered to text), every non-text part with its bytes, and the
 * problems met while parsing (each one becomes a "not fully scanned" finding).
 */
public final class ParsedMessage {
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ImmutableList.Builder<Header> headers = ImmutableList.builder();
        private final ImmutableList.Builder<TextPart> texts = ImmutableList.builder();
        private final ImmutableList.Builder<Attachment> attachments = ImmutableList.builder();
        private final ImmutableList.Builder<String> problems = ImmutableList.builder();
        private final ImmutableList.Builder<String> anomalies = ImmutableList.builder();
        private Optional<Address> from = Optional.empty();
        private Optional<Address> sender = Optional.empty();
        private ImmutableList<Address> replyTo = ImmutableList.of();
        private ImmutableList<Address> to = ImmutableList.of();
        private ImmutableList<Address> cc = ImmutableList.of();
        private String subject = "";
        private Optional<String> messageId = Optional.empty();
        private long size;
        private int partCount;

        public Builder header(Header header) {
            headers.add(header);
            return this;
        }

        public Builder from(Optional<Address> from) {
            this.from = from;
            return this;
        }

        public Builder sender(Optional<Address> sender) {
            this.sender = sender;
            return this;
        }

        public Builder replyTo(List<Address> replyTo) {
            this.replyTo = ImmutableList.copyOf(replyTo);
            return this;
        }

        public Builder to(List<Address> to) {
            this.to = ImmutableList.copyOf(to);
            return this;
        }

        public Builder cc(List<Address> cc) {
            this.cc = ImmutableList.copyOf(cc);
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject == null ? "" : subject;
            return this;
        }

        public Builder messageId(Optional<String> messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder text(TextPart text) {
            texts.add(text);
            return this;
        }

        public Builder attachment(Attachment attachment) {
            attachments.add(attachment);
            return this;
        }

        public Builder problem(String problem) {
            problems.add(problem);
            return this;
        }

        /** A construction defect that the parser repaired and that mail software does not produce. */
        public Builder anomaly(String anomaly) {
            anomalies.add(anomaly);
            return this;
        }

        public Builder size(long size) {
            this.size = size;
            return this;
        }

        public Builder partCount(int partCount) {
            this.partCount = partCount;
            return this;
        }

        public ParsedMessage build() {
            return new ParsedMessage(headers.build(), from, sender, replyTo, to, cc, subject, messageId,
                texts.build(), attachments.build(), problems.build(), anomalies.build(), size, partCount);
        }
    }

    private final ImmutableList<Header> headers;
    private final Optional<Address> from;
    private final Optional<Address> sender;
    private final ImmutableList<Address> replyTo;
    private final ImmutableList<Address> to;
    private final ImmutableList<Address> cc;
    private final String subject;
    private final Optional<String> messageId;
    private final ImmutableList<TextPart> texts;
    private final ImmutableList<Attachment> attachments;
    private final ImmutableList<String> problems;
    private final ImmutableList<String> anomalies;
    private final long size;
    private final int partCount;

    private ParsedMessage(ImmutableList<Header> headers, Optional<Address> from, Optional<Address> sender,
                          ImmutableList<Address> replyTo, ImmutableList<Address> to, ImmutableList<Address> cc,
                          String subject, Optional<String> messageId, ImmutableList<TextPart> texts,
                          ImmutableList<Attachment> attachments, ImmutableList<String> problems,
                          ImmutableList<String> anomalies, long size, int partCount) {
        this.headers = headers;
        this.from = from;
        this.sender = sender;
        this.replyTo = replyTo;
        this.to = to;
        this.cc = cc;
        this.subject = subject;
        this.messageId = messageId;
        this.texts = texts;
        this.attachments = attachments;
        this.problems = problems;
        this.anomalies = anomalies;
        this.size = size;
        this.partCount = partCount;
    }

    /** Top-level header fields in order, values unfolded and RFC 2047-decoded. */
    public ImmutableList<Header> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.hasName(name)).map(Header::value).findFirst();
    }

    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.hasName(name)).map(Header::value).collect(Collectors.toList());
    }

    public Optional<Address> from() {
        return from;
    }

    public Optional<Address> sender() {
        return sender;
    }

    public ImmutableList<Address> replyTo() {
        return replyTo;
    }

    public ImmutableList<Address> to() {
        return to;
    }

    public ImmutableList<Address> cc() {
        return cc;
    }

    public String subject() {
        return subject;
    }

    /** The Message-ID with its angle brackets, as written. */
    public Optional<String> messageId() {
        return messageId;
    }

    public ImmutableList<TextPart> texts() {
        return texts;
    }

    /** Every visible text of the message joined with new lines (subject first). */
    public String allText() {
        return leadingText(Integer.MAX_VALUE);
    }

    /** {@link #allText()}, up to its first {@code maxChars} characters (without building the rest). */
    public String leadingText(int maxChars) {
        StringBuilder builder = new StringBuilder(subject.length() > maxChars ? subject.substring(0, maxChars) : subject);
        for (TextPart part : texts) {
            if (builder.length() >= maxChars) {
                break;
            }
            builder.append('\n');
            builder.append(part.text(), 0, Math.min(part.text().length(), Math.max(0, maxChars - builder.length())));
        }
        return builder.length() > maxChars ? builder.substring(0, maxChars) : builder.toString();
    }

    public ImmutableList<Attachment> attachments() {
        return attachments;
    }

    /** Problems met while parsing (broken encodings, caps hit...). */
    public ImmutableList<String> problems() {
        return problems;
    }

    /**
     * Defects in how the message was put together that the parser repaired (so everything was
     * still read) and that ordinary mail software does not produce; each becomes a finding.
     */
    public ImmutableList<String> anomalies() {
        return anomalies;
    }

    public long size() {
        return size;
    }

    public int partCount() {
        return partCount;
    }
}
