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

    /**
     * Decodes text whose label comes with it in a few bytes (an RFC 2047 word): a single-byte Western label
     * (ISO-8859-x, Windows-125x, KOI8) is trusted, as the label of a subject must be, since a few bytes are
     * too few to second-guess it (in {@link #decode}, "Notifica\u00e7\u00e3o" could read as Chinese); any other label,
     * an unknown one or US-ASCII over 8-bit bytes goes through {@link #decode}.
     */
    public static Decoded decodeLabelled(byte[] bytes, String label) {
        Optional<Charset> declared = lookup(label).map(Charsets::widen);
        if (declared.isPresent() && !isAscii(bytes) && isSingleByte(declared.get())) {
            return new Decoded(new String(bytes, declared.get()), declared.get());
        }
        return decode(bytes, label);
    }

    /**
     * A single-byte label an encoded word is read by ({@link #decodeLabelled}); not {@link #isSingleByteWestern},
     * the body labels that 8-bit bytes may overrule.
     */
    private static boolean isSingleByte(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.startsWith("iso-8859-") || name.startsWith("windows-125") || name.startsWith("koi8");
    }

    /** Charsets whose text is all 7-bit bytes, which only the label can read: ISO-2022-JP/KR/CN, UTF-7, HZ. */
    private static boolean isSevenBitEncoding(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.startsWith("iso-2022") || name.equals("utf-7") || name.equals("x-utf-7") || name.startsWith("hz");
    }

    /** Decodes {@code bytes}, trusting the declared label only when the bytes agree with it. */
    public static Decoded decode(byte[] bytes, String declaredLabel) {
        Optional<Charset> declared = lookup(declaredLabel).map(Charsets::widen);
        boolean ascii = isAscii(bytes);
        if (ascii) {
            if (declared.isPresent() && isSevenBitEncoding(declared.get())) {
                // ISO-2022-JP ("$B%9%Q%`" between escapes) is all 7-bit: read as ASCII it is letter soup.
                return new Decoded(new String(bytes, declared.get()), declared.get());
            }
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), declared.orElse(StandardCharsets.US_ASCII));
        }
        if (declared.isPresent() && !isSingleByteWestern(declared.get())) {
            Optional<String> strict = decodeStrict(bytes, declared.get());
            if (strict.isPresent()) {
                return relabelled(bytes, strict.get(), declared.get()).orElse(new Decoded(strict.get(), declared.get()));
            }
        }
        Optional<String> utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8);
        }
        Optional<String> mixed = mostlyUtf8(bytes);
        if (mixed.isPresent()) {
            return new Decoded(mixed.get(), StandardCharsets.UTF_8);
        }
        if (looksLikeDoubleByte(bytes)) {
            Optional<String> gb = decodeStrict(bytes, GB18030);
            Optional<Charset> big5Charset = lookup("Big5-HKSCS").map(Optional::of).orElse(lookup("Big5"));
            Optional<String> big5 = big5Charset.flatMap(charset -> decodeStrict(bytes, charset));
            Decoded chinese = null;
            if (gb.isPresent() && big5.isPresent()) {
                // Both decode: the right one yields common Chinese characters, the wrong one rare ones.
                chinese = chineseScore(big5.get(), TRADITIONAL) > chineseScore(gb.get(), SIMPLIFIED)
                    ? new Decoded(big5.get(), big5Charset.get()) : new Decoded(gb.get(), GB18030);
            } else if (gb.isPresent()) {
                chinese = new Decoded(gb.get(), GB18030);
            } else if (big5.isPresent()) {
                chinese = new Decoded(big5.get(), big5Charset.get());
            }
            if (chinese != null) {
                // Unlabelled Korean has the same byte shape: it reads as rare characters in either.
                Optional<Decoded> other = relabelled(bytes, chinese.text(), chinese.charset());
                if (other.isPresent()) {
                    return other.get();
                }
                // Western text whose accented letters each sit before an ASCII letter ("açýldý") has the
                // same byte shape too, and reads as a soup of rare characters: it is not Chinese.
                if (!implausibleChinese(chinese)) {
                    return chinese;
                }
            }
        }
        Charset fallback = declared.orElse(WINDOWS_1252);
        return new Decoded(new String(bytes, fallback), fallback);
    }

    /**
     * A Chinese label on bytes in another East Asian encoding decodes without an error (the byte ranges
     * overlap) into a soup of rare characters: Korean mail labelled GB2312, Big5 labelled GB2312 and the
     * reverse. When the declared decoding has almost none of the commonest characters and another
     * decoding reads naturally, the other one is what the sender wrote.
     */
    private static Optional<Decoded> relabelled(byte[] bytes, String declaredText, Charset declared) {
        String name = declared.name().toLowerCase(Locale.ROOT);
        boolean gb = name.equals("gb18030");
        boolean big5 = name.startsWith("big5");
        if (!gb && !big5) {
            return Optional.empty();
        }
        int ideographs = count(declaredText, '\u4e00', '\u9fff');
        int common = chineseScore(declaredText, gb ? SIMPLIFIED : TRADITIONAL);
        boolean judged = ideographs >= MIN_CHARACTERS_TO_JUDGE && common < ideographs * IMPLAUSIBLE_SHARE;
        // A subject or a one-line body is too short to judge by share; with none of the commonest
        // characters at all, it may still be Korean that reads plainly as Korean ("브라운형 면도기 싸게 사세요"
        // under a gb2312 label read "宏扼款屈 搁档扁 轿霸 荤技夸").
        boolean shortAndRare = ideographs >= MIN_SHORT_TO_JUDGE && ideographs < MIN_CHARACTERS_TO_JUDGE && common == 0;
        if (!judged && !shortAndRare) {
            return Optional.empty();
        }
        Optional<Charset> korean = lookup("x-windows-949").map(Optional::of).orElse(lookup("EUC-KR"));
        Optional<String> hangul = korean.flatMap(charset -> decodeStrict(bytes, charset));
        if (hangul.isPresent()) {
            int syllables = count(hangul.get(), '\uac00', '\ud7a3');
            if (syllables >= (judged ? MIN_CHARACTERS_TO_JUDGE : MIN_SHORT_TO_JUDGE)
                && chineseScore(hangul.get(), KOREAN) >= syllables * (judged ? PLAUSIBLE_SHARE : SHORT_PLAUSIBLE_SHARE)) {
                return Optional.of(new Decoded(hangul.get(), korean.get()));
            }
        }
        if (!judged) {
            return Optional.empty();
        }
        Optional<Charset> other = gb ? lookup("Big5-HKSCS").map(Optional::of).orElse(lookup("Big5")) : Optional.of(GB18030);
        Optional<String> otherText = other.flatMap(charset -> decodeStrict(bytes, charset));
        if (otherText.isPresent()) {
            int otherIdeographs = count(otherText.get(), '\u4e00', '\u9fff');
            if (otherIdeographs >= MIN_CHARACTERS_TO_JUDGE
                && chineseScore(otherText.get(), gb ? TRADITIONAL : SIMPLIFIED) >= otherIdeographs * PLAUSIBLE_SHARE) {
                return Optional.of(new Decoded(otherText.get(), other.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean implausibleChinese(Decoded chinese) {
        int ideographs = count(chinese.text(), '\u4e00', '\u9fff');
        boolean gb = chinese.charset().equals(GB18030);
        return ideographs >= MIN_CHARACTERS_TO_JUDGE
            && chineseScore(chinese.text(), gb ? SIMPLIFIED : TRADITIONAL) < ideographs * IMPLAUSIBLE_SHARE;
    }

    /** Below this many characters a text is too short to judge its encoding by. */
    private static final int MIN_CHARACTERS_TO_JUDGE = 20;
    /** Real Chinese text has a quarter or more of its characters among the commonest; a wrong decoding, a few percent. */
    private static final double IMPLAUSIBLE_SHARE = 0.04;
    private static final double PLAUSIBLE_SHARE = 0.12;
    /** A short text (a subject) is judged only when one decoding has none of the commonest and the other many. */
    private static final int MIN_SHORT_TO_JUDGE = 6;
    private static final double SHORT_PLAUSIBLE_SHARE = 0.25;
    /** The commonest Hangul syllables (particles and endings: 이, 다, 는, 의...). */
    private static final java.util.BitSet KOREAN = characters("이다는의에을를하고가지한서로기도리사수니시요습있것들대자어해인일정보");

    private static int count(String text, char from, char to) {
        int count = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c >= from && c <= to) {
                count++;
            }
        }
        return count;
    }

    private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
        "(?i)<meta\\b[^>]{0,200}?charset\\s*=\\s*[\"']?([a-z0-9._:-]{2,40})");
    /** How far into an HTML part a meta charset is looked for (HTML's own prescan reads 1,024 bytes). */
    private static final int META_PRESCAN = 2048;

    /**
     * The charset an HTML document declares in a {@code <meta>} tag, if a known one: what browsers
     * and mail clients use when the MIME header names none (or only US-ASCII over 8-bit bytes).
     */
    public static Optional<String> htmlDeclared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_PRESCAN), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher matcher = META_CHARSET.matcher(head);
        return matcher.find() && lookup(matcher.group(1)).isPresent() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether a MIME charset label says nothing useful about 8-bit bytes (absent, or US-ASCII). */
    public static boolean isUninformative(String label) {
        return label == null || label.isBlank() || lookup(label).map(c -> c.equals(StandardCharsets.US_ASCII)).orElse(true);
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
    private static final java.util.BitSet SIMPLIFIED = characters(COMMON + "这个们来时为说国会对发过后经还进间见长门问关电话认让请学车么财务账户");
    private static final java.util.BitSet TRADITIONAL = characters(COMMON + "這個們來時為說國會對發過後經還進間見長門問關電話認讓請學車麼財務賬戶");

    private static java.util.BitSet characters(String characters) {
        java.util.BitSet set = new java.util.BitSet(0x10000);
        for (int i = 0; i < characters.length(); i++) {
            set.set(characters.charAt(i));
        }
        return set;
    }

    /** How many of the text's characters are among {@code frequent} (Chinese or Korean). */
    private static int chineseScore(String text, java.util.BitSet frequent) {
        int score = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            if (frequent.get(text.charAt(i))) {
                score++;
            }
        }
        return score;
    }

    /**
     * Most high bytes come in pairs with a CJK double-byte lead (0x81-0xFE) and a trail in
     * 0x40-0xFE: GBK/GB18030 and Big5 both look like this, and {@link #chineseScore} tells them apart.
     * Not when nearly every pair is a lone high byte between ASCII bytes whose "trail" is an ASCII letter
     * or sign: that is Western text in windows-1252 ("Robert\u00a0Moore", "thirty\u2014three"), where a
     * no-break space or a dash sits before a letter; GB2312 text has trails of 0xA1 and over and Chinese
     * characters come in runs. (Decoded as GB18030, "Robert\u00a0Moore" reads "Robert\u71e4oore": the
     * letter is eaten, and a short text has too few characters for {@link #implausibleChinese} to judge.)
     */
    private static boolean looksLikeDoubleByte(byte[] bytes) {
        int pairs = 0;
        int lonePairs = 0;
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
                        boolean lone = next < 0x80 && (i == 0 || (bytes[i - 1] & 0xFF) < 0x80)
                            && (i + 2 >= bytes.length || (bytes[i + 2] & 0xFF) < 0x80);
                        if (lone) {
                            lonePairs++;
                        }
                        i++;
                    }
                }
            }
        }
        return high > 0 && pairs * 2 >= high * 0.8 && lonePairs * 10 < pairs * 8;
    }

    /**
     * UTF-8 text with a few stray windows-1252 bytes (a no-break space or a curly quote pasted from
     * another program: "\u00bb Robert\u00a0Moore" where the \u00bb is UTF-8 and the no-break space one
     * byte). Strict UTF-8 refuses it and GB18030 reads the stray byte and the letter after it as one
     * Chinese character. When valid multi-byte UTF-8 sequences outnumber the stray bytes three to one,
     * each sequence is read as UTF-8 and each stray byte as windows-1252.
     *
     * <p>Written by hand: the JDK's decoders either stop at the first bad byte or replace it with U+FFFD,
     * and the replacement loses the character the sender meant.
     */
    static Optional<String> mostlyUtf8(byte[] bytes) {
        // Counted first, without building anything: most bytes that reach here are not UTF-8 at all.
        int sequences = 0;
        int stray = 0;
        for (int i = 0; i < bytes.length; ) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int length = utf8SequenceLength(bytes, i);
            if (length > 0) {
                sequences++;
                i += length;
            } else {
                stray++;
                i++;
            }
        }
        if (sequences < 2 || sequences < stray * 3) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; ) {
            if (bytes[i] >= 0) {
                out.append((char) bytes[i]);
                i++;
                continue;
            }
            int length = utf8SequenceLength(bytes, i);
            if (length == 0) {
                out.append(WINDOWS_1252_HIGH.charAt((bytes[i] & 0xFF) - 0x80));
                i++;
            } else {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            }
        }
        return Optional.of(out.toString());
    }

    /** Windows-1252's characters for the bytes 0x80 to 0xFF. */
    private static final String WINDOWS_1252_HIGH;

    static {
        byte[] high = new byte[0x80];
        for (int b = 0; b < high.length; b++) {
            high[b] = (byte) (0x80 + b);
        }
        WINDOWS_1252_HIGH = new String(high, WINDOWS_1252);
    }

    /** The length of the well-formed UTF-8 sequence starting at {@code i} (RFC 3629's table), or 0. */
    private static int utf8SequenceLength(byte[] bytes, int i) {
        int lead = bytes[i] & 0xFF;
        int length;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            secondLow = lead == 0xE0 ? 0xA0 : 0x80;
            secondHigh = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            secondLow = lead == 0xF0 ? 0x90 : 0x80;
            secondHigh = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
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
