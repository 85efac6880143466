package io.rampart.core.sender;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's display name reduced to a key that survives the ways one name is written: case, width,
 * accents, punctuation, initials, word order ("Smith, Bob", "Bob J. Smith" and "BOB SMITH" are one
 * key), a title ("Dr. Bob Smith"), a role or note in brackets ("Bob Smith (CEO)"), quotes and an address
 * written into the name.
 * Only names that can identify a person get a key: two words or more of Latin (or Cyrillic...)
 * letters, or a Chinese/Japanese/Korean name of two to four characters. A lone first name ("Bob")
 * matches too many people to be evidence. Names a service writes on someone's behalf ("Bob Smith via
 * DocuSign", "Bob Smith (via Google Docs)") get no key: the service is who sends them.
 */
public final class PersonNames {
    /** What {@link #key} accepts, for error messages. */
    public static final String ACCEPTED = "a person's name of two words or more (Bob Smith) or of two to four Chinese "
        + "characters (张伟), without 'via'";
    /** Longer display names are slogans or subjects, not people. */
    public static final int MAX_WORDS = 4;
    private static final Pattern BRACKETED = Pattern.compile("[(\\[<{（【][^)\\]>}）】]*[)\\]>}）】]");
    private static final Pattern NOTE = Pattern.compile("[(\\[（【][^)\\]）】]*[)\\]）】]");
    private static final Pattern ADDRESS = Pattern.compile("[\\w.%+-]+@[\\w.-]+");
    private static final Pattern ON_BEHALF = Pattern.compile("(?i)(^|[\\s(\\[])(via|on behalf of|代表)(\\s|$)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Titles an impostor may put before a name ("Dr. Bob Smith" is still Bob Smith). */
    private static final java.util.Set<String> TITLES = java.util.Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir");

    private PersonNames() {
    }

    /** The key of a display name, or empty when it cannot name a person (see the class comment). */
    public static Optional<String> key(String displayName) {
        if (displayName == null || displayName.isBlank() || ON_BEHALF.matcher(displayName).find()) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(displayName, Normalizer.Form.NFKC);
        text = ADDRESS.matcher(BRACKETED.matcher(text).replaceAll(" ")).replaceAll(" ");
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder ideographs = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (isIdeograph(c)) {
                ideographs.append(c);
                continue;
            }
            if (Character.isLetter(c)) {
                word.append(c);
            } else if (c != '\'' && c != '\u2019' || word.length() == 0) {
                // an apostrophe stays inside a word (O'Brien); anything else ends it
                if (word.length() > 1 && !TITLES.contains(word.toString())) {
                    words.add(word.toString());
                }
                word.setLength(0);
            }
        }
        if (ideographs.length() > 0) {
            // A CJK name is written without spaces; with Latin words beside it the name is mixed, too loose to judge.
            return words.isEmpty() && ideographs.length() >= 2 && ideographs.length() <= 4
                ? Optional.of(ideographs.toString()) : Optional.empty();
        }
        if (words.size() < 2 || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        words.sort(null);
        return Optional.of(String.join(" ", words));
    }

    /**
     * Whether the display name carries a note in round or square brackets ("Alice Chen (Jira)", "Bob Smith
     * [External]"); an address in angle brackets written into the name is no note but a disguise.
     */
    public static boolean hasNote(String displayName) {
        return displayName != null && NOTE.matcher(displayName).find();
    }

    /**
     * Whether {@code address} is plausibly the named person's own: its local part carries one of the
     * name's words (alice.chen@, achen@, chen.a@, alicechen@, dana@). A notification service relaying
     * people's names (jira@, noreply@, gitlab@) or a role mailbox (ceo@) does not. A CJK name cannot be
     * compared with an address written in Latin letters and is taken as carried.
     */
    public static boolean carriedBy(String key, String address) {
        if (key.isEmpty() || isIdeograph(key.charAt(0))) {
            return !key.isEmpty();
        }
        int at = address.lastIndexOf('@');
        String local = Normalizer.normalize(at < 0 ? address : address.substring(0, at), Normalizer.Form.NFD);
        local = MARKS.matcher(local).replaceAll("").toLowerCase(Locale.ROOT);
        String letters = local.replaceAll("[^\\p{L}]", "");
        java.util.Set<String> parts = java.util.Set.of(local.split("[^\\p{L}]+"));
        for (String word : key.split(" ")) {
            if (parts.contains(word) || word.length() >= 3 && letters.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdeograph(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
            || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }
}
