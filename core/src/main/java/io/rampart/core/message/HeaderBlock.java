package io.rampart.core.message;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableSet;

/**
 * Repairs one defect of bulk-mail tools that no MIME library undoes: a long RFC 2047 subject folded
 * with an empty line between its encoded words, so that the header block "ends" in the middle of the
 * Subject and the rest of the headers (To, Content-Type, ...) land in the body. Read literally, such a
 * message has a truncated subject and an HTML body shown as plain text; every mail client that
 * renders it sensibly rejoins the fields first, and so does Rampart before parsing.
 *
 * <p>The repair is deliberately narrow so that it cannot eat a real body: the line before each empty
 * line must end with an encoded word ({@code ?=}), the line after it must continue that field with an
 * encoded word (whitespace, then {@code =?}), every following line up to the next empty line must be a
 * header field or a continuation, and at least one of them must be a field that belongs in a header
 * ({@code To}, {@code Content-Type}, ...).
 */
final class HeaderBlock {
    private static final int MAX_REJOINED = 8;
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z0-9-]{1,60}:.*");
    private static final ImmutableSet<String> HEADER_ONLY = ImmutableSet.of("to", "from", "cc", "subject", "date",
        "reply-to", "message-id", "mime-version", "content-type", "content-transfer-encoding", "return-path");

    private HeaderBlock() {
    }

    /** The message with its split header block rejoined, and how many empty lines were taken out. */
    static final class Repaired {
        final byte[] bytes;
        final int rejoined;

        Repaired(byte[] bytes, int rejoined) {
            this.bytes = bytes;
            this.rejoined = rejoined;
        }
    }

    static Optional<Repaired> rejoin(byte[] raw) {
        int blank = firstEmptyLine(raw);
        if (blank <= 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = null;
        int copied = 0;
        int rejoined = 0;
        boolean headerOnlyField = false;
        int position = blank;
        while (rejoined < MAX_REJOINED) {
            if (!line(raw, previousLineStart(raw, position), position).trim().endsWith("?=")) {
                break;
            }
            int next = position;
            int empties = 0;
            while (next < raw.length && isEmpty(raw, next) && empties < 3) {
                next = lineEnd(raw, next);
                empties++;
            }
            String continuation = line(raw, next, lineEnd(raw, next));
            if (!(continuation.startsWith(" =?") || continuation.startsWith("\t=?"))) {
                break;
            }
            int end = next;
            boolean fields = true;
            boolean sawHeaderOnly = false;
            while (end < raw.length && !isEmpty(raw, end)) {
                String text = line(raw, end, lineEnd(raw, end));
                boolean folded = text.startsWith(" ") || text.startsWith("\t");
                if (!folded && !FIELD.matcher(text).matches()) {
                    fields = false;
                    break;
                }
                if (!folded) {
                    String name = text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT);
                    sawHeaderOnly |= HEADER_ONLY.contains(name);
                }
                end = lineEnd(raw, end);
            }
            if (!fields || end >= raw.length) {
                break;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(raw.length);
            }
            out.write(raw, copied, position - copied);
            copied = next;
            rejoined++;
            headerOnlyField |= sawHeaderOnly;
            position = end;
        }
        if (rejoined == 0 || !headerOnlyField) {
            return Optional.empty();
        }
        out.write(raw, copied, raw.length - copied);
        return Optional.of(new Repaired(out.toByteArray(), rejoined));
    }

    private static final int MAX_BROKEN_LINES = 2;
    private static final int MAX_LEAKED_FIELDS = 12;

    /**
     * Repairs a second defect of bulk-mail tools: a header line written without its field name
     * ({@code Thu, 02 Dec 2004 09:48:01 -0500} where {@code Date: ...} belonged) ends the header block
     * for every mail server after it, so the message's own MIME fields land at the top of the body and
     * its quoted-printable HTML is shown as text, links and all unreadable. When the header block has no
     * {@code Content-Type} or {@code MIME-Version} of its own, and the body starts with at most two lines
     * that are not fields, then fields including {@code Content-Type} and {@code MIME-Version} or
     * {@code Content-Transfer-Encoding}, then an empty line, those fields join the header block (the
     * broken lines are dropped). A forwarded message's quoted header has no such fields.
     *
     * @return the repaired message, or empty when the message does not have this shape
     */
    static Optional<byte[]> leakedMimeFields(byte[] raw) {
        int blank = firstEmptyLine(raw);
        if (blank <= 0) {
            return Optional.empty();
        }
        for (int start = 0; start < blank; start = lineEnd(raw, start)) {
            String field = line(raw, start, lineEnd(raw, start)).toLowerCase(Locale.ROOT);
            if (field.startsWith("content-type:") || field.startsWith("mime-version:")) {
                return Optional.empty();
            }
        }
        int position = lineEnd(raw, blank);
        int broken = 0;
        while (position < raw.length && !isEmpty(raw, position)
            && !FIELD.matcher(line(raw, position, lineEnd(raw, position))).matches()) {
            if (++broken > MAX_BROKEN_LINES) {
                return Optional.empty();
            }
            position = lineEnd(raw, position);
        }
        int fieldsStart = position;
        int fields = 0;
        boolean contentType = false;
        boolean mime = false;
        while (position < raw.length && !isEmpty(raw, position)) {
            String text = line(raw, position, lineEnd(raw, position));
            boolean folded = text.startsWith(" ") || text.startsWith("\t");
            if (!folded) {
                if (!FIELD.matcher(text).matches() || ++fields > MAX_LEAKED_FIELDS) {
                    return Optional.empty();
                }
                String name = text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT);
                contentType |= name.equals("content-type");
                mime |= name.equals("mime-version") || name.equals("content-transfer-encoding");
            }
            position = lineEnd(raw, position);
        }
        if (!contentType || !mime || position >= raw.length) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        out.write(raw, 0, blank);
        out.write(raw, fieldsStart, raw.length - fieldsStart);
        return Optional.of(out.toByteArray());
    }

    /** An encoded word still open at the end of a line: its {@code ?=} was pushed to the next line. */
    private static final Pattern OPEN_ENCODED_WORD = Pattern.compile(".*=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*$");

    /**
     * Repairs a defect of old clients and relays (Outlook Express 6 behind some Chinese relays of 2004):
     * a long encoded subject broken into two lines without the folding whitespace, so that the second
     * line ({@code sOw=?=}) has no field name and MIME parsers drop it, leaving the word unterminated and
     * the subject shown as base64. The broken line is made a continuation again when the line before it
     * ends inside an encoded word and it closes one. Not a bulk-mail mark (eleven ham and one spam of the
     * corpus have it), so it is repaired silently.
     *
     * @return the repaired message, or empty when no header line has this shape
     */
    static Optional<byte[]> brokenEncodedWordFolds(byte[] raw) {
        int blank = firstEmptyLine(raw);
        if (blank <= 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = null;
        int copied = 0;
        int previous = -1;
        for (int start = 0; start < blank; start = lineEnd(raw, start)) {
            String text = line(raw, start, lineEnd(raw, start));
            if (previous >= 0 && !text.isEmpty() && text.charAt(0) != ' ' && text.charAt(0) != '\t'
                && !FIELD.matcher(text).matches() && text.contains("?=")
                && OPEN_ENCODED_WORD.matcher(line(raw, previous, start).stripTrailing()).matches()) {
                if (out == null) {
                    out = new ByteArrayOutputStream(raw.length + 16);
                }
                out.write(raw, copied, start - copied);
                out.write(' ');
                copied = start;
            }
            previous = start;
        }
        if (out == null) {
            return Optional.empty();
        }
        out.write(raw, copied, raw.length - copied);
        return Optional.of(out.toByteArray());
    }

    /** Start of the first empty line (the end of the header block), or -1. */
    /** Where the first empty line starts (the end of the header block), or -1. */
    static int firstEmptyLine(byte[] raw) {
        int start = 0;
        while (start < raw.length) {
            if (isEmpty(raw, start)) {
                return start;
            }
            start = lineEnd(raw, start);
        }
        return -1;
    }

    private static boolean isEmpty(byte[] raw, int start) {
        return start < raw.length && (raw[start] == '\n'
            || (raw[start] == '\r' && start + 1 < raw.length && raw[start + 1] == '\n'));
    }

    /** Index just after the line feed ending the line that starts at {@code start}. */
    private static int lineEnd(byte[] raw, int start) {
        int i = start;
        while (i < raw.length && raw[i] != '\n') {
            i++;
        }
        return Math.min(raw.length, i + 1);
    }

    private static int previousLineStart(byte[] raw, int lineStart) {
        int i = lineStart - 2;
        while (i >= 0 && raw[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    private static String line(byte[] raw, int start, int end) {
        int stop = end;
        while (stop > start && (raw[stop - 1] == '\n' || raw[stop - 1] == '\r')) {
            stop--;
        }
        return new String(raw, start, Math.max(0, Math.min(stop - start, 998)), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
