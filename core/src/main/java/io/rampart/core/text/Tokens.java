package io.rampart.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language-neutral tokenising: Latin-script words (digits reduced to a shape so that years and
 * dates never become tokens), and for CJK text, which has no spaces, single characters plus
 * character bigrams. Also the clean-ups that keep corpus artefacts out of features: mailing-list
 * footers and subject tags.
 */
public final class Tokens {
    public static final int MAX_WORD_LENGTH = 24;
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[[^\\]]{1,40}\\]");
    private static final Pattern LIST_FOOTER = Pattern.compile(
        "(?m)^_{20,}\\s*$[\\s\\S]{0,400}?(mailing list|listinfo|mailman)");
    /** What {@link #maskEmails} masks (its definition; the method finds the same matches by hand). */
    static final Pattern EMAIL = Pattern.compile("[\\w.%+'=-]+@[\\w-]+(\\.[\\w-]+)*");

    private Tokens() {
    }

    /** Drops list tags such as {@code [USRP-users]} from a subject: they name a list, not content. */
    public static String stripSubjectTags(String subject) {
        return SUBJECT_TAG.matcher(subject).replaceAll(" ");
    }

    /** Cuts a mailing-list footer (a rule of underscores followed by list boilerplate). */
    public static String stripListFooter(String text) {
        Matcher matcher = LIST_FOOTER.matcher(text);
        if (matcher.find()) {
            return text.substring(0, matcher.start());
        }
        return text;
    }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+");

    /**
     * Removes URLs from text: links are described by their own features (domain, shape), and the
     * words inside them (list-server paths, tracking ids) are not the message's language.
     */
    public static String stripUrls(String text) {
        return UrlScan.replaceAll(URL, text, " ");
    }

    /** Replaces e-mail addresses with a neutral placeholder (recipients are anonymised in public corpora). */
    public static String maskEmails(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        // By hand, from each '@' outwards: the regular expression EMAIL (the definition, checked against
        // this in the tests) retried its greedy local part at every character of every
        // word, which made this the costliest line of feature extraction.
        StringBuilder out = null;
        int copied = 0;
        while (at >= 0) {
            int[] address = emailAround(text, at, copied);
            if (address != null) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, address[0]).append(" emailaddr ");
                copied = address[1];
            }
            at = text.indexOf('@', Math.max(at + 1, copied));
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Where the mail address around the '@' at {@code at} starts and ends ({@link #EMAIL}'s match through
     * it, its local part reaching back no further than {@code from}), or null when there is none.
     */
    public static int[] emailAround(String text, int at, int from) {
        int start = at;
        while (start > from && isLocalPartChar(text.charAt(start - 1))) {
            start--;
        }
        int end = domainEnd(text, at + 1);
        return start < at && end > at + 1 ? new int[] {start, end} : null;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isLocalPartChar(char c) {
        return isWordChar(c) || c == '.' || c == '%' || c == '+' || c == '\'' || c == '=' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isWordChar(c) || c == '-';
    }

    /** Where {@code [\w-]+(\.[\w-]+)*} starting at {@code from} ends ({@code from} when it does not match). */
    private static int domainEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDomainChar(text.charAt(end))) {
            end++;
        }
        if (end == from) {
            return from;
        }
        while (end + 1 < text.length() && text.charAt(end) == '.' && isDomainChar(text.charAt(end + 1))) {
            end += 2;
            while (end < text.length() && isDomainChar(text.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    public static boolean isCjk(int codePoint) {
        if (codePoint < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
            || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * Emits word tokens and CJK unigrams/bigrams of {@code text} (lower-cased), at most {@code max}.
     * CJK unigrams are prefixed {@code "c:"}, bigrams {@code "b:"}; in Japanese text (a fifth or more of its
     * CJK characters kana) {@code "jc:"} and {@code "jb:"}: Japanese shares its kanji with Chinese, and without
     * its own prefix a Japanese letter is judged by the Chinese spam that used the same characters.
     */
    public static int tokenize(String text, int max, Consumer<String> sink) {
        String unigram = "c:";
        String bigram = "b:";
        if (isJapanese(text)) {
            unigram = "jc:";
            bigram = "jb:";
        }
        int emitted = 0;
        StringBuilder word = new StringBuilder();
        int previousCjk = -1;
        int length = text.length();
        for (int i = 0; i < length && emitted < max; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) && !isCjk(cp)) {
                previousCjk = -1;
                if (word.length() < MAX_WORD_LENGTH + 1) {
                    if (Character.isDigit(cp)) {
                        word.append('0');
                    } else {
                        word.appendCodePoint(Character.toLowerCase(cp));
                    }
                }
                continue;
            }
            if (word.length() > 0) {
                emitted += emitWord(word, sink);
                word.setLength(0);
            }
            if (isCjk(cp)) {
                String single = new String(Character.toChars(cp));
                sink.accept(unigram + single);
                emitted++;
                if (previousCjk >= 0) {
                    sink.accept(bigram + new String(Character.toChars(previousCjk)) + single);
                    emitted++;
                }
                previousCjk = cp;
            } else if (!Character.isWhitespace(cp)) {
                previousCjk = -1;
            }
        }
        if (word.length() > 0 && emitted < max) {
            emitted += emitWord(word, sink);
        }
        return emitted;
    }

    /** A fifth or more of the CJK characters are hiragana or katakana (Chinese borrows a stray の at most). */
    static boolean isJapanese(String text) {
        int cjk = 0;
        int kana = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u3040' && c <= '\u30ff') {
                kana++;
                cjk++;
            } else if (c >= '\u4e00' && c <= '\u9fff') {
                cjk++;
            }
        }
        return kana >= 5 && kana * 5 >= cjk;
    }

    private static int emitWord(StringBuilder word, Consumer<String> sink) {
        if (word.length() < 2 || word.length() > MAX_WORD_LENGTH) {
            return 0;
        }
        String token = word.toString();
        boolean allDigits = true;
        boolean anyDigit = false;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) != '0') {
                allDigits = false;
            } else {
                anyDigit = true;
            }
        }
        if (anyDigit && !allDigits) {
            // Mixed shapes such as 00t00 or 0am are dates and times, not content.
            return 0;
        }
        // Numbers become their length only: years, dates and amounts must not be learnt as values.
        sink.accept(allDigits ? "num" + Math.min(token.length(), 6) : token);
        return 1;
    }

    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        tokenize(text.toLowerCase(Locale.ROOT), Integer.MAX_VALUE, out::add);
        return out;
    }
}
