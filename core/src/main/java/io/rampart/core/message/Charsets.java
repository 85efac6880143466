package io.rampart.core.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the charset that really decodes a part: declared labels are widened to their supersets
 * (GB2312/GBK to GB18030, ISO-8859-1/US-ASCII to windows-1252, Big5 to Big5-HKSCS), and missing or
 * wrong labels are corrected by checking the bytes (valid UTF-8 wins; double-byte GB text is detected).
 */
public final class Charsets {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    public static Charset widen(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        if (name.equals("gb2312") || name.equals("gbk") || name.equals("x-gbk") || name.equals("euc-cn")) {
            return GB18030;
        }
        if (name.equals("iso-8859-1") || name.equals("us-ascii")) {
            return WINDOWS_1252;
        }
        if (name.equals("big5")) {
            return lookup("Big5-HKSCS").orElse(charset);
        }
        return charset;
    }

    public static Optional<Charset> lookup(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String cleaned = label.trim().replaceAll("^[\"']|[\"']$", "");
        if (cleaned.equalsIgnoreCase("gb2312") || cleaned.equalsIgnoreCase("gb_2312-80")
            || cleaned.equalsIgnoreCase("x-gbk") || cleaned.equalsIgnoreCase("cp936")) {
            return Optional.of(GB18030);
        }
        if (cleaned.equalsIgnoreCase("utf8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(cleaned));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Decodes {@code bytes}, trusting the declared label only when the bytes agree with it. */
    public static Decoded decode(byte[] bytes, String declaredLabel) {
        Optional<Charset> declared = lookup(declaredLabel).map(Charsets::widen);
        boolean ascii = isAscii(bytes);
        if (ascii) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), declared.orElse(StandardCharsets.US_ASCII));
        }
        if (declared.isPresent() && !isSingleByteWestern(declared.get())) {
            Optional<String> strict = decodeStrict(bytes, declared.get());
            if (strict.isPresent()) {
                return new Decoded(strict.get(), declared.get());
            }
        }
        Optional<String> utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8);
        }
        if (looksLikeGb(bytes)) {
            Optional<String> gb = decodeStrict(bytes, GB18030);
            if (gb.isPresent()) {
                return new Decoded(gb.get(), GB18030);
            }
        }
        Charset fallback = declared.orElse(WINDOWS_1252);
        return new Decoded(new String(bytes, fallback), fallback);
    }

    private static boolean isSingleByteWestern(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.equals("windows-1252") || name.equals("iso-8859-1") || name.equals("us-ascii");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Most high bytes come in pairs within the GB2312 rows (0xA1-0xF7 lead, 0xA1-0xFE trail). */
    private static boolean looksLikeGb(byte[] bytes) {
        int pairs = 0;
        int high = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                high++;
                if (b >= 0xA1 && b <= 0xF7 && i + 1 < bytes.length) {
                    int next = bytes[i + 1] & 0xFF;
                    if (next >= 0xA1 && next <= 0xFE) {
                        pairs++;
                        high++;
                        i++;
                    }
                }
            }
        }
        return high > 0 && pairs * 2 >= high * 0.8;
    }

    private static Optional<String> decodeStrict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A decoded text and the charset that decoded it. */
    public static final class Decoded {
        private final String text;
        private final Charset charset;

        Decoded(String text, Charset charset) {
            this.text = text;
            this.charset = charset;
        }

        public String text() {
            return text;
        }

        public Charset charset() {
            return charset;
        }
    }
}
