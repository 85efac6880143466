package io.rampart.core.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?gb2312?B?...?=}) in a header value. Adjacent words of one
 * charset are joined as bytes before decoding, and the bytes go through {@link Charsets#decodeLabelled}, so that:
 * a Chinese character split between two base64 words is read whole; a GBK character under a "gb2312"
 * label is read (GB18030); Korean under a Chinese label reads as Korean; and a Western label is trusted, since
 * a subject is too short to second-guess it.
 *
 * <p>Written by hand: mime4j's {@code DecoderUtil} decodes each word on its own with the JDK charset the
 * label names, which loses a character split across words and every GBK character labelled GB2312 (as
 * U+FFFD), and cannot correct a wrong label.
 */
final class EncodedWords {
    /** An encoded word; spaces inside the encoded text are tolerated (bulk tools write "=?GB2312?Q?Re: =C4=DC?="). */
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?]*)\\?=");
    /** A header value longer than this is not searched (a header is at most a few thousand characters). */
    private static final int MAX_CHARS = 100_000;

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value == null || value.indexOf("=?") < 0 || value.length() > MAX_CHARS) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        Matcher matcher = WORD.matcher(value);
        int copied = 0;
        String runCharset = null;
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        while (matcher.find()) {
            byte[] bytes = bytes(matcher.group(2), matcher.group(3));
            if (bytes == null) {
                continue; // not decodable: left as written
            }
            String charset = label(matcher.group(1));
            String between = value.substring(copied, matcher.start());
            boolean adjacent = runCharset != null && between.isBlank();
            if (adjacent && charset.equalsIgnoreCase(runCharset)) {
                run.write(bytes, 0, bytes.length);
            } else {
                flush(out, run, runCharset);
                if (!adjacent) {
                    out.append(between); // whitespace between two encoded words is dropped (RFC 2047, 6.2)
                }
                runCharset = charset;
                run.write(bytes, 0, bytes.length);
            }
            copied = matcher.end();
        }
        flush(out, run, runCharset);
        out.append(value, copied, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream run, String charset) {
        if (run.size() > 0) {
            out.append(Charsets.decodeLabelled(run.toByteArray(), charset).text());
            run.reset();
        }
    }

    /** The charset label without an RFC 2231 language ({@code utf-8*en}). */
    private static String label(String raw) {
        int star = raw.indexOf('*');
        return star < 0 ? raw : raw.substring(0, star);
    }

    private static byte[] bytes(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            // Padding as the length needs it, whatever the sender wrote ("...GUu==" where none was due), and
            // without the spaces a broken fold left inside the word.
            String padded = text.replaceAll("\\s+", "").replaceAll("=+$", "");
            while (padded.length() % 4 != 0) {
                padded += "=";
            }
            try {
                return java.util.Base64.getMimeDecoder().decode(padded);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1);
                out.write(raw, 0, raw.length);
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
