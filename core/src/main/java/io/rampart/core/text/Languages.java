package io.rampart.core.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/**
 * The language a message is written in, among those whose mail Rampart's lures and model know: Chinese,
 * Japanese and Korean by their scripts, and English, Portuguese, Spanish, German, French, Italian and
 * Dutch by their commonest short words. Written by hand: a general language identifier (Tika's, on
 * Optimaize's) is a dependency with profiles for about seventy languages where ten are needed, and
 * function words decide these ten within a few lines of text. Used only when
 * {@code detection.model.languages} is set.
 */
public final class Languages {
    /** ISO 639-1 codes this class can answer. */
    public static final ImmutableSet<String> KNOWN = ImmutableSet.of("en", "pt", "es", "de", "fr", "it", "nl", "zh", "ja", "ko");
    /** Only the start of a text is read. */
    public static final int MAX_CHARS = 4_000;
    /** Fewer function words than this: too little text to tell. */
    static final int MIN_HITS = 4;
    /**
     * Words common in one language and rare in the others (words two of them share, such as "de", "en",
     * "para", "con", "una", are left out).
     */
    private static final Map<String, String> WORDS;

    static {
        ImmutableMap.Builder<String, String> words = ImmutableMap.builder();
        add(words, "en", "the and you your of to is for this that with are have please will our from not be it we can at by has was were been would");
        add(words, "pt", "você voce não nao com uma seu sua seus suas está pelo pela são também isso dos ao em nossa nosso até às pelos aos num numa");
        add(words, "es", "usted ustedes su sus por más este esta hemos los las el y es al nuestra nuestro hasta pero muy cuando");
        add(words, "de", "der die und das ist sie ihr ihre ihren nicht mit für von den dem wir ein eine bitte sind wird auf auch oder noch nur zum zur im bei aus");
        add(words, "fr", "le les des et vous votre vos pour une dans pas sur avec nous au du sont ce nos aux cette mais");
        add(words, "it", "il di che per sono della tuo tua non questo nel gli alla ti ha dei delle nella anche questa");
        add(words, "nl", "het een van je uw niet met voor op wij dat naar zijn om wordt ook jouw maar bij aan deze wel");
        WORDS = words.build();
    }

    private Languages() {
    }

    private static void add(ImmutableMap.Builder<String, String> words, String language, String list) {
        for (String word : list.split(" ")) {
            words.put(word, language);
        }
    }

    /** The language of {@code text}, or empty when it is too short or too mixed to tell. */
    public static Optional<String> detect(String text) {
        String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int letters = 0;
        Map<String, Integer> hits = new java.util.HashMap<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= head.length(); i++) {
            char c = i < head.length() ? head.charAt(i) : ' ';
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            } else if (script == Character.UnicodeScript.HANGUL) {
                hangul++;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (script == Character.UnicodeScript.LATIN) {
                    word.append(c);
                    continue;
                }
            }
            if (word.length() > 0) {
                String language = WORDS.get(word.toString().toLowerCase(Locale.ROOT));
                if (language != null) {
                    hits.merge(language, 1, Integer::sum);
                }
                word.setLength(0);
            }
        }
        int cjk = han + kana + hangul;
        if (cjk >= 20 && cjk * 10 >= letters * 3) {
            return Optional.of(hangul * 2 > cjk ? "ko" : Tokens.isJapanese(head) ? "ja" : "zh");
        }
        String best = null;
        int first = 0;
        int second = 0;
        for (Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (entry.getValue() > first) {
                second = first;
                first = entry.getValue();
                best = entry.getKey();
            } else if (entry.getValue() > second) {
                second = entry.getValue();
            }
        }
        return first >= MIN_HITS && first * 2 >= second * 3 ? Optional.of(best) : Optional.empty();
    }
}
