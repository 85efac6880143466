package io.rampart.core.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.MimeUtil;

import com.google.common.io.ByteStreams;

/**
 * Turns raw RFC 5322 bytes into a {@link ParsedMessage}. Never throws on bad input: whatever
 * cannot be decoded is recorded as a problem and parsing goes on with the rest.
 */
public final class MessageParser {
    private final ParserLimits limits;
    private final HtmlRenderer htmlRenderer;

    public MessageParser(ParserLimits limits) {
        this.limits = limits;
        this.htmlRenderer = new HtmlRenderer();
    }

    public MessageParser() {
        this(ParserLimits.DEFAULT);
    }

    public ParsedMessage parse(byte[] raw) {
        ParsedMessage.Builder builder = ParsedMessage.builder().size(raw.length);
        Message message;
        byte[] bytes = stripMboxEnvelope(raw);
        Optional<HeaderBlock.Repaired> repaired;
        try {
            repaired = HeaderBlock.rejoin(bytes);
        } catch (RuntimeException e) {
            repaired = Optional.empty(); // a repair that fails leaves the message as it came
        }
        if (repaired.isPresent()) {
            bytes = repaired.get().bytes;
            builder.anomaly("header fields continue after " + repaired.get().rejoined
                + " empty line(s) inside a folded encoded subject (a bulk-mail tool's defect); read as one header block");
        }
        try {
            bytes = HeaderBlock.brokenEncodedWordFolds(bytes).orElse(bytes);
        } catch (RuntimeException e) {
            // a repair that fails leaves the message as it came
        }
        Optional<byte[]> leaked;
        try {
            leaked = HeaderBlock.leakedMimeFields(bytes);
        } catch (RuntimeException e) {
            leaked = Optional.empty();
        }
        if (leaked.isPresent()) {
            bytes = leaked.get();
            builder.anomaly("the message's MIME fields (Content-Type ...) follow a header line without a field name, at"
                + " the top of the body (a bulk-mail tool's defect); read as part of its header");
        }
        try {
            message = newBuilder().parseMessage(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            builder.problem("message could not be parsed as MIME: " + e);
            builder.text(TextPart.plain("1", new String(raw, StandardCharsets.ISO_8859_1), "ISO-8859-1"));
            return builder.build();
        }
        readHeaders(message, builder);
        Walk walk = new Walk(builder);
        walk.entity(message, "1", 0);
        builder.partCount(walk.parts);
        return builder.build();
    }

    private static DefaultMessageBuilder newBuilder() {
        DefaultMessageBuilder messageBuilder = new DefaultMessageBuilder();
        messageBuilder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        messageBuilder.setDecodeMonitor(DecodeMonitor.SILENT);
        // Transfer encodings are decoded here, not by mime4j: a part labelled base64 whose bytes are
        // plain text (common in flattened Chinese mail) must be read as text, not as base64 garbage.
        messageBuilder.setContentDecoding(false);
        return messageBuilder;
    }

    /** An mbox file's leading "From " envelope line is not a header: drop it before parsing. */
    private static byte[] stripMboxEnvelope(byte[] raw) {
        if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            for (int i = 5; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    byte[] rest = new byte[raw.length - i - 1];
                    System.arraycopy(raw, i + 1, rest, 0, rest.length);
                    return rest;
                }
            }
        }
        return raw;
    }

    private void readHeaders(Message message, ParsedMessage.Builder builder) {
        if (message.getHeader() == null) {
            return;
        }
        for (Field field : message.getHeader().getFields()) {
            builder.header(Header.of(field.getName(), decodeFieldValue(field)));
        }
        builder.from(firstMailbox(message, "From"));
        builder.sender(firstMailbox(message, "Sender"));
        builder.replyTo(mailboxes(message, "Reply-To"));
        builder.to(mailboxes(message, "To"));
        builder.cc(mailboxes(message, "Cc"));
        // Folding points read as one space, as mail programs show them: a run of spaces left in the subject
        // was written on one line (bulk tools pad the subject to push a code out of sight).
        Field subject = message.getHeader().getField("Subject");
        builder.subject(subject == null ? "" : EncodedWords.decode(FOLDING.matcher(rawValue(subject)).replaceAll(" ")).trim());
        Field messageId = message.getHeader().getField("Message-ID");
        builder.messageId(Optional.ofNullable(messageId).map(MessageParser::unfoldedRaw).map(String::trim)
            .filter(s -> !s.isEmpty()));
    }

    /** Unfolded value, raw 8-bit bytes decoded by charset detection, then RFC 2047 words decoded. */
    public static String decodeFieldValue(Field field) {
        return EncodedWords.decode(unfoldedRaw(field)).trim();
    }

    private static final java.util.regex.Pattern FOLDING = java.util.regex.Pattern.compile("\\r?\\n[ \\t]*");

    private static String unfoldedRaw(Field field) {
        return MimeUtil.unfold(rawValue(field)).trim();
    }

    /** The field's value as written, folded lines and all, raw 8-bit bytes decoded by charset detection. */
    private static String rawValue(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return field.getBody() == null ? "" : field.getBody();
        }
        byte[] bytes = raw.toByteArray();
        int colon = 0;
        while (colon < bytes.length && bytes[colon] != ':') {
            colon++;
        }
        int start = Math.min(colon + 1, bytes.length);
        byte[] value = new byte[bytes.length - start];
        System.arraycopy(bytes, start, value, 0, value.length);
        return Charsets.decode(value, null).text();
    }

    private static Optional<Address> firstMailbox(Message message, String headerName) {
        List<Address> all = mailboxes(message, headerName, true);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Address> mailboxes(Message message, String headerName) {
        return mailboxes(message, headerName, false);
    }

    private static final java.util.regex.Pattern MAILBOX = java.util.regex.Pattern.compile("[^\\s\"<>@,;]+@[^\\s\"<>@,;]+");
    private static final java.util.regex.Pattern BRACKETED = java.util.regex.Pattern.compile(
        "<\\s*([A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+)\\s*>");
    private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+");

    /**
     * The mailboxes of an address header. A single-mailbox header (From, Sender) that the parser splits into
     * pieces without an address ({@code Microsoft account team ,_<no-reply@x.example>}: an unquoted comma,
     * which bulk tools write and mail programs quote) is read as one mailbox: the name before the
     * bracketed address, and that address.
     */
    private static List<Address> mailboxes(Message message, String headerName, boolean single) {
        List<Address> result = new ArrayList<>();
        Field field = message.getHeader().getField(headerName);
        if (field == null) {
            return result;
        }
        String value = unfoldedRaw(field);
        boolean malformed = false;
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(encodeNonAscii(value));
            for (org.apache.james.mime4j.dom.address.Address address : list) {
                if (address instanceof Mailbox) {
                    malformed |= !add(result, (Mailbox) address);
                } else if (address instanceof Group) {
                    for (Mailbox mailbox : ((Group) address).getMailboxes()) {
                        malformed |= !add(result, mailbox);
                    }
                }
            }
        } catch (RuntimeException e) {
            malformed = true; // broken address header: read it with the scan below
        }
        if (result.isEmpty() || single && malformed) {
            java.util.regex.Matcher bracketed = BRACKETED.matcher(value);
            java.util.regex.Matcher bare = BARE.matcher(value);
            String address = null;
            String name = "";
            if (bracketed.find()) {
                address = bracketed.group(1);
                name = value.substring(0, bracketed.start());
            } else if (bare.find()) {
                address = bare.group();
                name = value.substring(0, bare.start());
            }
            if (address != null) {
                name = name.replaceAll("[<>\"]", "").replaceAll("^[\\s,;_]+|[\\s,;_]+$", "");
                result.clear();
                result.add(Address.of(name.isEmpty() ? null : EncodedWords.decode(name), address));
            }
        }
        return result;
    }

    /**
     * The header value with each run of non-ASCII characters outside angle brackets written as an RFC 2047
     * encoded word. mime4j's address parser reads characters as bytes, so a raw UTF-8 display name
     * (RFC 6532, and what many bulk tools send) came out garbled: {@code 财务部 <caiwu@x.example>} gave no
     * display name and the address {@code ¡è <caiwu@x.example>}, since 财 is U+8D22 and 0x22 is a quote
     * mark. The names are decoded again in {@link #add}.
     */
    static String encodeNonAscii(String value) {
        StringBuilder out = null;
        int depth = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c < 0x80 || depth > 0) {
                depth += c == '<' ? 1 : c == '>' && depth > 0 ? -1 : 0;
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < value.length() && value.charAt(end) >= 0x80) {
                end++;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 32).append(value, 0, i);
            }
            out.append("=?UTF-8?B?").append(java.util.Base64.getEncoder().encodeToString(
                value.substring(i, end).getBytes(StandardCharsets.UTF_8))).append("?=");
            i = end;
        }
        return out == null ? value : out.toString();
    }

    /** Adds the mailbox if it has a well-formed address; answers whether it had one. */
    private static boolean add(List<Address> result, Mailbox mailbox) {
        if (mailbox.getAddress() == null || !MAILBOX.matcher(mailbox.getAddress()).matches()) {
            return false;
        }
        String name = mailbox.getName() == null ? null
            : EncodedWords.decode(mailbox.getName());
        result.add(Address.of(name, mailbox.getAddress()));
        return true;
    }

    private final class Walk {
        private final ParsedMessage.Builder builder;
        private int parts;
        private boolean partCapReported;

        Walk(ParsedMessage.Builder builder) {
            this.builder = builder;
        }

        void entity(Entity entity, String path, int depth) {
            if (parts >= limits.maxParts()) {
                if (!partCapReported) {
                    builder.problem("more than " + limits.maxParts() + " MIME parts: the rest was not scanned");
                    partCapReported = true;
                }
                return;
            }
            if (depth > limits.maxDepth()) {
                builder.problem("MIME nesting deeper than " + limits.maxDepth() + " at part " + path
                    + ": not scanned");
                return;
            }
            parts++;
            Body body = entity.getBody();
            try {
                if (body instanceof Multipart) {
                    List<Entity> children = ((Multipart) body).getBodyParts();
                    if (children.isEmpty()) {
                        orphanText((Multipart) body, path);
                        return;
                    }
                    for (int i = 0; i < children.size(); i++) {
                        entity(children.get(i), path + "." + (i + 1), depth + 1);
                    }
                } else if (body instanceof Message) {
                    Message nested = (Message) body;
                    if (depth > 0) {
                        byte[] nestedBytes = serialize(nested);
                        builder.attachment(Attachment.of(path, fileName(entity), "message/rfc822", false,
                            Optional.empty(), nestedBytes));
                        if (nested.getSubject() != null) {
                            builder.text(TextPart.plain(path + ".subject", nested.getSubject(), "UTF-8"));
                        }
                    }
                    entity(nested, path + ".1", depth + 1);
                } else if (body instanceof SingleBody) {
                    single(entity, (SingleBody) body, path);
                }
            } catch (IOException | RuntimeException e) {
                builder.problem("part " + path + " could not be decoded: " + e);
            }
        }

        /**
         * A multipart declaration with no parts (a boundary that never appears, as in mail whose
         * parts were flattened): its bytes are the body text, so read them instead of losing them.
         */
        private void orphanText(Multipart multipart, String path) {
            byte[] bytes = new byte[0];
            if (multipart instanceof org.apache.james.mime4j.message.MultipartImpl) {
                org.apache.james.mime4j.message.MultipartImpl impl = (org.apache.james.mime4j.message.MultipartImpl) multipart;
                ByteSequence preamble = impl.getPreambleRaw();
                ByteSequence epilogue = impl.getEpilogueRaw();
                java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
                if (preamble != null) {
                    joined.write(preamble.toByteArray(), 0, preamble.length());
                }
                if (epilogue != null) {
                    joined.write(epilogue.toByteArray(), 0, epilogue.length());
                }
                bytes = joined.toByteArray();
            } else if (multipart.getPreamble() != null) {
                bytes = multipart.getPreamble().getBytes(StandardCharsets.ISO_8859_1);
            }
            Charsets.Decoded decoded = Charsets.decode(bytes, null);
            if (!decoded.text().isBlank()) {
                text(decoded, false, path);
            }
        }

        /** Adds decoded text as a part, rendered first when it is (or looks like) HTML. */
        private void text(Charsets.Decoded decoded, boolean declaredHtml, String path) {
            String text = cap(decoded.text(), path);
            if (declaredHtml || looksLikeHtml(text)) {
                org.jsoup.nodes.Document document = HtmlRenderer.parse(text);
                TextPart part = TextPart.html(path, cap(HtmlRenderer.render(document), path), text,
                    decoded.charset().name());
                HtmlCache.remember(part, document);
                builder.text(part);
            } else {
                builder.text(TextPart.plain(path, text, decoded.charset().name()));
            }
        }

        private void single(Entity entity, SingleBody body, String path) throws IOException {
            String mimeType = safeMimeType(entity);
            byte[] bytes = decodeTransfer(entity, readBounded(body, path), path);
            Optional<String> fileName = fileName(entity);
            boolean attachmentDisposition = "attachment".equalsIgnoreCase(entity.getDispositionType());
            boolean isText = mimeType.equals("text/plain") || mimeType.equals("text/html");
            boolean inlineDisposition = "inline".equalsIgnoreCase(entity.getDispositionType());
            // Mail clients show an inline text part even when it names a file ("inline; filename=x.html"
            // is how some bulk mailers send their whole body): read it as text, and keep it as a file too.
            if (isText && !attachmentDisposition && (!fileName.isPresent() || inlineDisposition)) {
                String label = charsetLabel(entity);
                if (mimeType.equals("text/html") && Charsets.isUninformative(label)) {
                    label = Charsets.htmlDeclared(bytes).orElse(label);
                }
                text(Charsets.decode(bytes, label), mimeType.equals("text/html"), path);
                if (!fileName.isPresent()) {
                    return;
                }
            }
            if (mimeType.equals("text/calendar") || fileName.map(name -> name.toLowerCase(Locale.ROOT).endsWith(".ics")).orElse(false)) {
                // An invitation's title and description are shown like a body: read them as text, keep the file too.
                String shown = CalendarText.shown(Charsets.decode(bytes, charsetLabel(entity)).text());
                if (!shown.isBlank()) {
                    builder.text(TextPart.plain(path + ".calendar", cap(shown, path), "UTF-8"));
                }
            }
            Optional<String> contentId = Optional.ofNullable(entity.getHeader().getField("Content-ID"))
                .map(MessageParser::unfoldedRaw).map(String::trim).filter(s -> !s.isEmpty());
            boolean inline = inlineDisposition || contentId.isPresent();
            builder.attachment(Attachment.of(path, fileName, mimeType, inline, contentId, bytes));
        }

        private byte[] decodeTransfer(Entity entity, byte[] raw, String path) throws IOException {
            String encoding = entity.getContentTransferEncoding() == null ? ""
                : entity.getContentTransferEncoding().trim().toLowerCase(Locale.ROOT);
            if (encoding.equals("base64")) {
                int block = leadingBase64Lines(raw);
                if (block >= MIN_BASE64_BLOCK && block < raw.length
                    && !looksLikeBase64(java.util.Arrays.copyOfRange(raw, block, raw.length))) {
                    // Base64 then plain text: a mailing list's or a virus scanner's footer appended to an
                    // encoded body. Mail clients show both; decoding it all as base64 would lose both.
                    byte[] decoded = decodeBase64(java.util.Arrays.copyOf(raw, block), path);
                    byte[] joined = java.util.Arrays.copyOf(decoded, decoded.length + 1 + raw.length - block);
                    joined[decoded.length] = '\n';
                    System.arraycopy(raw, block, joined, decoded.length + 1, raw.length - block);
                    return joined;
                }
                if (!looksLikeBase64(raw)) {
                    return raw;
                }
                return decodeBase64(raw, path);
            }
            if (encoding.equals("quoted-printable")) {
                try (InputStream in = new org.apache.james.mime4j.codec.QuotedPrintableInputStream(
                    new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
                    return ByteStreams.toByteArray(in);
                } catch (IOException | RuntimeException e) {
                    builder.problem("part " + path + " has broken quoted-printable: " + e.getMessage());
                    return raw;
                }
            }
            return raw;
        }

        private byte[] decodeBase64(byte[] raw, String path) {
            Optional<byte[]> strict = strictBase64(raw);
            if (strict.isPresent()) {
                return strict.get();
            }
            try (InputStream in = new org.apache.james.mime4j.codec.Base64InputStream(
                new ByteArrayInputStream(raw), DecodeMonitor.SILENT)) {
                return ByteStreams.toByteArray(in);
            } catch (IOException | RuntimeException e) {
                builder.problem("part " + path + " has broken base64: " + e.getMessage());
                return raw;
            }
        }

        private byte[] readBounded(SingleBody body, String path) throws IOException {
            try (InputStream in = body.getInputStream()) {
                byte[] bytes = ByteStreams.toByteArray(ByteStreams.limit(in, limits.maxPartBytes() + 1));
                if (bytes.length > limits.maxPartBytes()) {
                    builder.problem("part " + path + " is larger than " + limits.maxPartBytes()
                        + " bytes: only the start was scanned");
                    byte[] truncated = new byte[(int) limits.maxPartBytes()];
                    System.arraycopy(bytes, 0, truncated, 0, truncated.length);
                    return truncated;
                }
                return bytes;
            }
        }

        private String cap(String text, String path) {
            if (text.length() > limits.maxTextChars()) {
                builder.problem("text of part " + path + " is longer than " + limits.maxTextChars()
                    + " characters: only the start was scanned");
                return text.substring(0, limits.maxTextChars());
            }
            return text;
        }
    }

    /**
     * Well-formed base64 (lines of the alphabet, padding only at the end) decoded by the JDK, about
     * twice as fast as mime4j's stream; anything else (stray characters, data after padding, a
     * truncated last group) goes to mime4j's lenient decoder, which this must agree with.
     */
    static Optional<byte[]> strictBase64(byte[] raw) {
        int end = raw.length;
        while (end > 0 && isBase64Whitespace(raw[end - 1])) {
            end--;
        }
        int padding = 0;
        while (end - padding > 0 && raw[end - padding - 1] == '=' && padding < 2) {
            padding++;
        }
        int symbols = 0;
        for (int i = 0; i < end - padding; i++) {
            byte kind = BASE64_CLASS[raw[i] & 0xFF];
            if (kind == 1) {
                symbols++;
            } else if (kind == 0) {
                return Optional.empty();
            }
        }
        if ((symbols + padding) % 4 != 0 || symbols % 4 == 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.util.Base64.getMimeDecoder().decode(java.util.Arrays.copyOf(raw, end)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Fewest bytes of base64 lines before appended text for the two to be read apart (four full lines). */
    static final int MIN_BASE64_BLOCK = 4 * 76;

    /**
     * How many leading bytes are whole lines of base64 (alphabet and padding, then at most trailing
     * blanks; blank lines included): where text appended after an encoded body begins. The whole
     * length when every line is base64. A line of words ("see you at ten") has blanks between its
     * letters, so prose is never taken for base64.
     */
    static int leadingBase64Lines(byte[] raw) {
        int lineStart = 0;
        boolean blank = false;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\n') {
                lineStart = i + 1;
                blank = false;
            } else if (b == ' ' || b == '\t' || b == '\r') {
                blank = true;
            } else if (blank || BASE64_CLASS[b & 0xFF] == 0 && b != '=') {
                return lineStart;
            }
        }
        return raw.length;
    }

    /** Per byte: 1 a base64 symbol, 2 the whitespace a folded body has, 0 anything else. */
    private static final byte[] BASE64_CLASS = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            boolean symbol = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/';
            BASE64_CLASS[b] = (byte) (symbol ? 1 : isBase64Whitespace((byte) b) ? 2 : 0);
        }
    }

    private static boolean isBase64Whitespace(byte b) {
        return b == '\r' || b == '\n' || b == ' ' || b == '\t';
    }

    /** Whether bytes labelled base64 really are base64: almost only alphabet characters and line breaks. */
    static boolean looksLikeBase64(byte[] raw) {
        int limit = Math.min(raw.length, 4096);
        int alphabet = 0;
        int other = 0;
        for (int i = 0; i < limit; i++) {
            int b = raw[i] & 0xFF;
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/'
                || b == '=') {
                alphabet++;
            } else if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                other++;
            }
        }
        return alphabet > 0 && other * 20 <= alphabet;
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.length() > 2000 ? text.substring(0, 2000) : text;
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("<html") || lower.contains("<body") || lower.contains("<!doctype html");
    }

    private static String safeMimeType(Entity entity) {
        try {
            String mimeType = entity.getMimeType();
            return mimeType == null ? "text/plain" : mimeType.toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String charsetLabel(Entity entity) {
        try {
            return entity.getCharset();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<String> fileName(Entity entity) {
        try {
            String name = entity.getFilename();
            if (name == null && entity.getHeader() != null) {
                Field contentType = entity.getHeader().getField("Content-Type");
                if (contentType instanceof org.apache.james.mime4j.dom.field.ContentTypeField) {
                    name = ((org.apache.james.mime4j.dom.field.ContentTypeField) contentType).getParameter("name");
                }
            }
            return Optional.ofNullable(name)
                .map(n -> EncodedWords.decode(n).trim())
                .filter(n -> !n.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] serialize(Message message) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        // Bodies are kept transfer-encoded (content decoding is off), so write them as they are:
        // the default writer would encode them a second time.
        new org.apache.james.mime4j.message.DefaultMessageWriter() {
            @Override
            protected java.io.OutputStream encodeStream(java.io.OutputStream stream, String encoding, boolean binaryBody) {
                return stream;
            }
        }.writeMessage(message, out);
        return out.toByteArray();
    }
}
