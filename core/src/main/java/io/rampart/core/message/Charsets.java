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
 * wrong labels are corrected by checking the bytes (valid UTF-8 wins; double-byte Chinese text is
 * decoded as GB18030 or Big5, whichever yields common Chinese characters).
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
        if (looksLikeDoubleByte(bytes)) {
            Optional<String> gb = decodeStrict(bytes, GB18030);
            Optional<Charset> big5Charset = lookup("Big5-HKSCS").map(Optional::of).orElse(lookup("Big5"));
            Optional<String> big5 = big5Charset.flatMap(charset -> decodeStrict(bytes, charset));
            if (gb.isPresent() && big5.isPresent()) {
                // Both decode: the right one yields common Chinese characters, the wrong one rare ones.
                return chineseScore(big5.get(), TRADITIONAL) > chineseScore(gb.get(), SIMPLIFIED)
                    ? new Decoded(big5.get(), big5Charset.get()) : new Decoded(gb.get(), GB18030);
            }
            if (gb.isPresent()) {
                return new Decoded(gb.get(), GB18030);
            }
            if (big5.isPresent()) {
                return new Decoded(big5.get(), big5Charset.get());
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

    /** Characters frequent in Chinese text in both scripts, then the commonest script-specific ones. */
    private static final String COMMON = "的一是不了在人有我他中大上你和要就出也可以能好天心年月日公司";
    private static final String SIMPLIFIED = COMMON + "这个们来时为说国会对发过后经还进间见长门问关电话认让请学车么财务账户";
    private static final String TRADITIONAL = COMMON + "這個們來時為說國會對發過後經還進間見長門問關電話認讓請學車麼財務賬戶";

    private static int chineseScore(String text, String frequent) {
        int score = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            if (frequent.indexOf(text.charAt(i)) >= 0) {
                score++;
            }
        }
        return score;
    }

    /**
     * Most high bytes come in pairs with a CJK double-byte lead (0x81-0xFE) and a trail in
     * 0x40-0xFE: GBK/GB18030 and Big5 both look like this, and {@link #chineseScore} tells them apart.
     */
    private static boolean looksLikeDoubleByte(byte[] bytes) {
        int pairs = 0;
        int high = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x80) {
                high++;
                if (b >= 0x81 && b <= 0xFE && i + 1 < bytes.length) {
                    int next = bytes[i + 1] & 0xFF;
                    if (next >= 0x40 && next <= 0xFE && next != 0x7F) {
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
