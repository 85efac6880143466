package io.rampart.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;

/**
 * Words spelt so that a word filter misses them and a person still reads them: digits and symbols
 * for letters ({@code V1agra}, {@code Hydrc0d0ne}, {@code micr0soft}), punctuation or spaces inside
 * ({@code Phar,macy}, {@code V-i-a-g-r-a}, {@code v i a g r a}, {@code mor tga g e}). Only words bulk mail and phishing
 * disguise are looked for, and only their disguised forms: mail that writes {@code viagra} or
 * {@code Microsoft} plainly is not what this finds. Ordinary mail has no reason to spell a drug's
 * name with digits, which is why one such word is strong evidence.
 *
 * <p>Written by hand: this is SpamAssassin's old obfuscation-rule idea ({@code __DRUGS_ERECTILE_OBFU}
 * and friends) as one pass over the text instead of one regular expression per word and spelling.
 */
public final class DisguisedWords {
    /** The words, each with whether disguising it is a phishing (true) or plain spam (false) trick. */
    static final Map<String, Boolean> WORDS = ImmutableMap.<String, Boolean>builder()
        .put("viagra", false).put("cialis", false).put("levitra", false).put("valium", false).put("xanax", false)
        .put("vicodin", false).put("hydrocodone", false).put("ambien", false).put("phentermine", false)
        .put("tramadol", false).put("oxycodone", false).put("oxycontin", false).put("propecia", false)
        .put("meridia", false).put("adipex", false).put("percocet", false).put("pharmacy", false)
        .put("medications", false).put("prescription", false).put("mortgage", false).put("refinance", false)
        .put("casino", false).put("rolex", false).put("replica", false).put("penis", false)
        .put("enlargement", false).put("erection", false).put("approve", false).put("approved", false)
        .put("paypal", true).put("microsoft", true).put("amazon", true).put("netflix", true).put("account", true)
        .put("verify", true).put("mailbox", true).put("webmail", true)
        .build();
    /**
     * Words also looked for broken into pieces by spaces ({@code mor tga g e}, {@code a p proved}): the
     * goods, not the brands (people do write "Pay Pal"), and only when two pieces or more are one or two
     * letters long, which ordinary words side by side ("pen is") are not.
     */
    static final java.util.Set<String> SPLIT_WORDS = WORDS.entrySet().stream().filter(entry -> !entry.getValue())
        .map(Map.Entry::getKey).collect(com.google.common.collect.ImmutableSet.toImmutableSet());
    private static final int MAX_PIECES = 6;
    private static final int MAX_PIECE = 6;
    /** Longer words are also recognised with one letter left out or added ({@code Hydrc0d0ne}). */
    static final int LOOSE_FROM_LENGTH = 8;
    /** Text read (disguises are put where they are seen: the subject and the opening). */
    public static final int MAX_CHARS = 12_000;
    private static final int MAX_WORD = 24;
    private static final Map<String, String> BY_SKELETON;

    static {
        ImmutableMap.Builder<String, String> bySkeleton = ImmutableMap.builder();
        WORDS.keySet().forEach(word -> bySkeleton.put(skeleton(word), word));
        BY_SKELETON = bySkeleton.build();
    }

    /** One disguised word: as written, and the word it spells. */
    public static final class Hit {
        private final String written;
        private final String word;

        Hit(String written, String word) {
            this.written = written;
            this.word = word;
        }

        public String written() {
            return written;
        }

        public String word() {
            return word;
        }

        /** Whether the word is one phishing disguises (brands, account words) rather than spam's goods. */
        public boolean phishing() {
            return WORDS.get(word);
        }

        @Override
        public String toString() {
            return "'" + written + "' (" + word + ")";
        }
    }

    private DisguisedWords() {
    }

    /** The disguised words of {@code text}, at most {@code max}, in order. */
    public static List<Hit> find(String fullText, int max) {
        String text = fullText.length() > MAX_CHARS ? fullText.substring(0, MAX_CHARS) : fullText;
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && hits.size() < max) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            // A word: letters, digits and look-alike symbols, with single punctuation marks inside.
            int start = i;
            int length = 0;
            boolean disguised = false;
            boolean ascii = false;
            boolean otherScript = false;
            int fragment = 0;
            while (i < n) {
                char d = text.charAt(i);
                if (isWordChar(d)) {
                    length++;
                    disguised |= !Character.isLetter(d);
                    ascii |= d < 0x80 && Character.isLetter(d);
                    otherScript |= d >= 0x370 && d < 0x530;
                    fragment++;
                    i++;
                } else if (isInnerMark(d) && i + 1 < n && isWordChar(text.charAt(i + 1)) && i > start) {
                    // Hyphens and apostrophes join real words ("e-mail", "pharmacy's"): they disguise only
                    // when they split a word into single letters ("V-i-a-g-r-a").
                    boolean singles = fragment == 1 || i + 2 >= n || !isWordChar(text.charAt(i + 2));
                    disguised |= d != '-' && d != '\'' || singles;
                    fragment = 0;
                    i++;
                } else {
                    break;
                }
            }
            // Cyrillic or Greek letters inside a Latin word ("Pаypal" with a Cyrillic a).
            disguised |= ascii && otherScript;
            if (disguised) {
                check(trimSymbols(text.substring(start, i)), hits);
            } else if (length == 1) {
                // "v i a g r a": single letters each followed by one space.
                int end = spacedLetters(text, start);
                if (end > 0) {
                    check(text.substring(start, end), hits);
                    i = end;
                }
            }
        }
        splitBySpaces(text, max, hits);
        return hits;
    }

    /** Words of {@link #SPLIT_WORDS} written as pieces with single spaces between them. */
    private static void splitBySpaces(String text, int max, List<Hit> hits) {
        List<int[]> pieces = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && hits.size() < max) {
            if (!isAsciiLetter(text.charAt(i))) {
                if (text.charAt(i) != ' ') {
                    pieces.clear();
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && isAsciiLetter(text.charAt(i))) {
                i++;
            }
            boolean joined = !pieces.isEmpty() && pieces.get(pieces.size() - 1)[1] == start - 1
                && text.charAt(start - 1) == ' ';
            if (!joined) {
                pieces.clear();
            }
            pieces.add(new int[] {start, i});
            if (pieces.size() > MAX_PIECES) {
                pieces.remove(0);
            }
            // The pieces ending here, from the shortest run of two up.
            for (int first = pieces.size() - 2; first >= 0; first--) {
                int shortPieces = 0;
                boolean small = true;
                for (int k = first; k < pieces.size(); k++) {
                    int length = pieces.get(k)[1] - pieces.get(k)[0];
                    shortPieces += length <= 2 ? 1 : 0;
                    small &= length <= MAX_PIECE;
                }
                if (!small || shortPieces < 2) {
                    continue;
                }
                String written = text.substring(pieces.get(first)[0], i);
                String word = written.replace(" ", "").toLowerCase(Locale.ROOT);
                if (SPLIT_WORDS.contains(word) && hits.stream().noneMatch(hit -> hit.written.equals(written))) {
                    hits.add(new Hit(written, word));
                    pieces.clear();
                    break;
                }
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A word without the exclamation marks or bars after it ("now!" is not a disguise; "$ave" and "V1@GR@" are). */
    private static String trimSymbols(String written) {
        int to = written.length();
        while (to > 0 && (written.charAt(to - 1) == '!' || written.charAt(to - 1) == '|')) {
            to--;
        }
        return written.substring(0, to);
    }

    private static void check(String written, List<Hit> hits) {
        StringBuilder letters = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            if (isWordChar(written.charAt(i))) {
                letters.append(written.charAt(i));
            }
        }
        if (letters.length() < 5 || letters.length() > MAX_WORD) {
            return;
        }
        String skeleton = skeleton(letters);
        String word = BY_SKELETON.get(skeleton);
        if (word == null && skeleton.length() >= LOOSE_FROM_LENGTH - 1) {
            word = loose(skeleton);
        }
        // Written plainly somewhere in the word ("pharmacy's", "viagra!"): not a disguise. Nor is the
        // old jibe "Micro$oft", which technical mail still uses.
        String lower = written.toLowerCase(Locale.ROOT);
        if (word != null && !lower.contains(word) && !lower.equals("micro$oft")
            && hits.stream().noneMatch(hit -> hit.written.equals(written))) {
            hits.add(new Hit(written, word));
        }
    }

    /** The end of a run of at least five single letters each separated by one space, or 0. */
    private static int spacedLetters(String text, int start) {
        int i = start + 1;
        int n = text.length();
        int count = 1;
        while (i + 1 < n && text.charAt(i) == ' ' && isWordChar(text.charAt(i + 1))
            && (i + 2 >= n || !isWordChar(text.charAt(i + 2)))) {
            count++;
            i += 2;
            if (count > MAX_WORD) {
                return 0;
            }
        }
        return count >= 5 ? i : 0;
    }

    private static String loose(String skeleton) {
        for (Map.Entry<String, String> entry : BY_SKELETON.entrySet()) {
            String key = entry.getKey();
            if (key.length() >= LOOSE_FROM_LENGTH && Math.abs(key.length() - skeleton.length()) == 1
                && oneInsertion(key.length() > skeleton.length() ? key : skeleton,
                    key.length() > skeleton.length() ? skeleton : key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Whether {@code longer} is {@code shorter} with one character added somewhere. */
    static boolean oneInsertion(String longer, String shorter) {
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
    }

    /** Letters and the digits/symbols that stand for them, folded to one form ({@code 1, l, |, !} → i). */
    static String skeleton(CharSequence word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            switch (c) {
                case '1': case 'l': case '|': case '!': case '\u0456': case '\u03b9':
                    out.append('i');
                    break;
                case '0': case '\u03bf': case '\u043e':
                    out.append('o');
                    break;
                case '3': case '\u0435': case '\u03b5':
                    out.append('e');
                    break;
                case '4': case '@': case '\u0430': case '\u03b1':
                    out.append('a');
                    break;
                case '5': case '$': case '\u0455':
                    out.append('s');
                    break;
                case '7':
                    out.append('t');
                    break;
                case '\u0440': case '\u03c1':
                    out.append('p');
                    break;
                case '\u0441':
                    out.append('c');
                    break;
                case '\u0445': case '\u03c7':
                    out.append('x');
                    break;
                case '\u0443':
                    out.append('y');
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return c < 0x2E80 && (Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '|' || c == '!');
    }

    private static boolean isInnerMark(char c) {
        return c == '.' || c == ',' || c == '-' || c == '_' || c == '*' || c == '\'' || c == '~' || c == '^'
            || c == '\u00ad' || c == '\u200b' || c == '\u200c' || c == '\u200d';
    }
}
