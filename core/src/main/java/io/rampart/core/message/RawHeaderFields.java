package io.rampart.core.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.james.mime4j.util.MimeUtil;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

/**
 * Header fields written with raw 8-bit bytes ({@code Subject: 周五的会议改到三楼}, {@code From: "王磊" <...>}: RFC 6532
 * without SMTPUTF8, or a GBK subject from an old mail program), and the same values as RFC 2047 encoded words.
 *
 * <p>James 3.8.1 writes a message's header lines back as US-ASCII once any header has changed (its
 * {@code InternetHeadersInputStream}), and Rampart adds its verdict headers to every message: every raw byte became a
 * question mark in the delivered copy ({@code Subject: ???????????}). Written as encoded words before James's queue,
 * the values survive that rewrite, and every mail program shows them. No library does this for raw bytes: javax.mail's
 * {@code MimeUtility.encodeText} takes characters, and the characters are what the charset detection of
 * {@link Charsets#decode} has to find first.
 *
 * <p>Trace and signature fields (Received, Return-Path, DKIM and ARC signatures, Authentication-Results) are left as
 * they are: they are not shown to readers, and rewriting them would change what they record.
 */
public final class RawHeaderFields {
    /** One header field as a reader should see it. */
    public static final class Field {
        private final String name;
        private final String value;

        Field(String name, String value) {
            this.name = name;
            this.value = value;
        }

        /** The field name as written. */
        public String name() {
            return name;
        }

        /** The unfolded value, raw bytes decoded by charset detection (RFC 2047 words, if any, left as written). */
        public String value() {
            return value;
        }

        /** The value in US-ASCII: non-ASCII text as RFC 2047 encoded words (UTF-8, base64), folded. */
        public String asciiValue() {
            return ADDRESS_FIELDS.contains(name.toLowerCase(Locale.ROOT)) ? encodeAddresses(value) : encodeUnstructured(value);
        }

        @Override
        public String toString() {
            return name + ": " + value;
        }
    }

    /** The most header bytes read (a header block past this is not a mail program's). */
    public static final int MAX_HEADER_BYTES = 256 * 1024;
    private static final Set<String> ADDRESS_FIELDS = ImmutableSet.of("from", "to", "cc", "bcc", "reply-to", "sender",
        "resent-from", "resent-to", "resent-cc", "resent-sender", "disposition-notification-to");
    private static final Set<String> KEEP = ImmutableSet.of("received", "return-path", "dkim-signature",
        "domainkey-signature", "arc-seal", "arc-message-signature", "arc-authentication-results", "authentication-results",
        "received-spf");
    /** Bytes of UTF-8 per encoded word: 45 bytes are 60 base64 characters, inside RFC 2047's 75 with the markers. */
    private static final int WORD_BYTES = 45;

    private RawHeaderFields() {
    }

    /**
     * Every occurrence of each field name that has at least one occurrence written with raw 8-bit bytes, in order
     * (so that replacing all fields of that name keeps the others); empty for the usual, all-ASCII, header.
     */
    public static List<Field> eightBit(byte[] raw) {
        int end = headerEnd(raw);
        List<Span> spans = new ArrayList<>();
        Set<String> eightBitNames = new LinkedHashSet<>();
        int start = 0;
        while (start < end) {
            int lineEnd = start;
            // a field runs to the first line break not followed by folding white space
            while (lineEnd < end && !(raw[lineEnd] == '\n' && (lineEnd + 1 >= end || raw[lineEnd + 1] != ' '
                && raw[lineEnd + 1] != '\t'))) {
                lineEnd++;
            }
            int colon = indexOf(raw, (byte) ':', start, lineEnd);
            if (colon > start) {
                String name = new String(raw, start, colon - start, StandardCharsets.ISO_8859_1).trim();
                boolean eightBit = false;
                for (int i = colon + 1; i < lineEnd; i++) {
                    eightBit |= raw[i] < 0;
                }
                if (!name.isEmpty() && isFieldName(name)) {
                    spans.add(new Span(name, colon + 1, lineEnd));
                    if (eightBit && !KEEP.contains(name.toLowerCase(Locale.ROOT))) {
                        eightBitNames.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
            start = lineEnd + 1;
        }
        if (eightBitNames.isEmpty()) {
            return ImmutableList.of();
        }
        List<Field> fields = new ArrayList<>();
        for (Span span : spans) {
            if (eightBitNames.contains(span.name.toLowerCase(Locale.ROOT))) {
                byte[] value = java.util.Arrays.copyOfRange(raw, span.valueStart, span.valueEnd);
                fields.add(new Field(span.name, MimeUtil.unfold(Charsets.decode(value, null).text()).trim()));
            }
        }
        return fields;
    }

    /** Where one field's name and value are in the raw header block. */
    private static final class Span {
        final String name;
        final int valueStart;
        final int valueEnd;

        Span(String name, int valueStart, int valueEnd) {
            this.name = name;
            this.valueStart = valueStart;
            this.valueEnd = valueEnd;
        }
    }

    /** Where the header block ends: its empty line ({@link HeaderBlock#firstEmptyLine}), within {@link #MAX_HEADER_BYTES}. */
    private static int headerEnd(byte[] raw) {
        int blank = HeaderBlock.firstEmptyLine(raw);
        return Math.min(blank < 0 ? raw.length : blank, MAX_HEADER_BYTES);
    }

    private static int indexOf(byte[] raw, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isFieldName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 32 || c >= 127) {
                return false;
            }
        }
        return true;
    }

    /** An unstructured value (Subject, Comments...): every run of words holding non-ASCII text as encoded words. */
    static String encodeUnstructured(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        // From the first word holding non-ASCII text to the end of the last one, so that the spaces between
        // encoded words, which readers drop, are inside the encoded text.
        int first = 0;
        while (value.charAt(first) < 0x80) {
            first++;
        }
        int last = value.length() - 1;
        while (value.charAt(last) < 0x80) {
            last--;
        }
        int from = value.lastIndexOf(' ', first) + 1;
        int to = value.indexOf(' ', last);
        to = to < 0 ? value.length() : to;
        return value.substring(0, from) + encodedWords(value.substring(from, to)) + value.substring(to);
    }

    /**
     * An address list: a display name holding non-ASCII text (quoted or not) becomes encoded words; what is inside
     * angle brackets is left alone (an internationalised address cannot be encoded, RFC 6532 is its only form).
     */
    static String encodeAddresses(String value) {
        StringBuilder out = new StringBuilder(value.length() + 32);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '<') {
                int close = value.indexOf('>', i);
                close = close < 0 ? value.length() - 1 : close;
                out.append(value, i, close + 1);
                i = close + 1;
            } else if (c == '"') {
                int close = i + 1;
                StringBuilder quoted = new StringBuilder();
                while (close < value.length() && value.charAt(close) != '"') {
                    if (value.charAt(close) == '\\' && close + 1 < value.length()) {
                        close++;
                    }
                    quoted.append(value.charAt(close));
                    close++;
                }
                String name = quoted.toString();
                out.append(name.chars().allMatch(ch -> ch < 0x80) ? value.substring(i, Math.min(close + 1, value.length()))
                    : encodedWords(name));
                i = close + 1;
            } else if (c >= 0x80) {
                int end = i;
                while (end < value.length() && value.charAt(end) != '<' && value.charAt(end) != ','
                    && value.charAt(end) != '"') {
                    end++;
                }
                String run = value.substring(i, end).trim();
                out.append(encodedWords(run));
                if (end < value.length() && value.charAt(end) == '<') {
                    out.append(' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code text} as UTF-8 base64 encoded words of at most 75 characters, split between characters, folded. */
    static String encodedWords(String text) {
        StringBuilder out = new StringBuilder();
        byte[] chunk = new byte[0];
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            byte[] next = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            if (chunk.length + next.length > WORD_BYTES) {
                appendWord(out, chunk);
                chunk = new byte[0];
            }
            byte[] joined = java.util.Arrays.copyOf(chunk, chunk.length + next.length);
            System.arraycopy(next, 0, joined, chunk.length, next.length);
            chunk = joined;
            i += Character.charCount(codePoint);
        }
        appendWord(out, chunk);
        return out.toString();
    }

    private static void appendWord(StringBuilder out, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append("\r\n ");
        }
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(bytes)).append("?=");
    }
}
