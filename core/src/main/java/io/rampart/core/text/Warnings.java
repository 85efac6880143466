package io.rampart.core.text;

/**
 * A warning quotes the lure it warns of: a security newsletter or an IT notice says "the page says: 'press Windows + R'"
 * or "attackers send invitations that say...". The rules that read instructions (ClickFix, device codes, download
 * cradles, the pig-butchering opener, extortion) ask here whether the words they found are given or told of, and the
 * lure phrases ({@link Lures}) whether they are what a notice says it never asks for or a scam it describes.
 */
final class Warnings {
    /** Who a warning says sends such mail: words a lure does not use of itself. */
    private static final String[] TELLING_CUES = {
        "attackers", "criminals", "scammers", "fraudsters", "clickfix", "device code phishing", "bad actors", "threat actors",
    };
    /** A quotation mark at most this close before the keys styles them rather than quoting a sentence. */
    private static final int KEY_STYLING = 3;
    /** How far before and after an instruction a warning's quotation marks and words are looked for. */
    private static final int TELLING_WINDOW = 300;

    private Warnings() {
    }

    /**
     * Whether the instruction at [{@code start}, {@code end}) of {@code lower} is told of rather than given: quoted
     * ("the page says: \"press Windows + R...\"") or beside the attackers a warning names. A security newsletter quotes the
     * lure it warns of; the lure itself neither quotes its instructions nor calls its sender a criminal. (A command line is
     * not judged by quotation marks, which it carries of its own: {@code -c "iex (...)"}; see {@link #namesAttackers}.)
     *
     * @param keys whether the instruction starts with keys to press, which a lure may style in quotation marks of its
     *             own ('press "Win + R"'): a mark just before them is then no quotation
     */
    static boolean toldOf(String lower, int start, int end, boolean keys) {
        int from = Math.max(0, start - TELLING_WINDOW);
        String before = lower.substring(from, start);
        long straight = before.chars().filter(c -> c == '"').count();
        int opening = Math.max(before.lastIndexOf('"'), before.lastIndexOf('\u201c'));
        boolean quotation = (straight % 2 == 1 || before.lastIndexOf('\u201c') > before.lastIndexOf('\u201d'))
            && !(keys && before.length() - opening <= KEY_STYLING);
        return quotation || namesAttackers(lower, start, end);
    }

    /** Whether a warning's words for the attackers stand around [{@code start}, {@code end}) of {@code lower}. */
    static boolean namesAttackers(String lower, int start, int end) {
        return containsAny(lower.substring(Math.max(0, start - TELLING_WINDOW), Math.min(lower.length(), end + TELLING_WINDOW)),
            TELLING_CUES);
    }

    /**
     * What a notice says it will never ask for, in the sentence before a lure's words: "PayPal will never ask you to
     * confirm your password", "we never ask for your seed phrase", 工商银行不会通过邮件要求您输入密码, 切勿向他人透露. Not a
     * plain "not": "if you do not verify your account" is the lure itself.
     */
    private static final String[] ENGLISH_NEGATIONS = {"will never", "never ask", "not ask", "n't ask", "never request",
        "never require", "never share", "not share", "n't share", "never send", "never give"};
    private static final String[] CHINESE_NEGATIONS = {"不会", "绝不", "从不", "切勿", "请勿", "不要", "谨防", "不得"};
    private static final String SENTENCE_ENDS = ".!?\n。！？";
    /** How far back in its sentence an English negation is looked for, and a Chinese one (fewer, denser characters). */
    private static final int ENGLISH_NEGATION_WINDOW = 50;
    private static final int CHINESE_NEGATION_WINDOW = 16;

    /**
     * Whether the words at {@code start} of {@code lower} (lower case) stand after a notice's "will never ask" in the same
     * sentence, and are so what the sender says it does not do: a bank's own warning, not its impostor's request.
     */
    static boolean negated(String lower, int start) {
        String before = lower.substring(sentenceStart(lower, start, ENGLISH_NEGATION_WINDOW), start);
        if (containsAny(before, ENGLISH_NEGATIONS)) {
            return true;
        }
        String near = before.length() > CHINESE_NEGATION_WINDOW ? before.substring(before.length() - CHINESE_NEGATION_WINDOW)
            : before;
        return containsAny(near, CHINESE_NEGATIONS);
    }

    /** Who an awareness notice says sends the lures it describes, and how they disguise it. */
    private static final String[] IMPOSTORS = {"criminals", "scammers", "fraudsters", "attackers", "cybercriminals",
        "不法分子", "骗子", "诈骗分子", "犯罪分子"};
    private static final String[] IMPERSONATING = {"pretend", "impersonat", "pose as", "posing as", "fake ", "冒充", "假冒",
        "伪装", "冒用"};

    /**
     * Whether the words at [{@code start}, {@code end}) of {@code lower} stand in an awareness notice's description of
     * a scam: the impostors named ("criminals", 不法分子) and their disguise ("pretend to be", "fake delivery notices",
     * 冒充银行客服) in the same sentence. A bank's tips and IT's warnings quote the lure's words so ("不法分子冒充银行客服，
     * ……诱导客户点击链接并输入银行卡号、密码"); a lure that blames impostors for its "security upgrade" asks for the
     * password in a sentence of its own ("criminals impersonate us. You must verify your account").
     */
    static boolean describesImpersonation(String lower, int start, int end) {
        int from = sentenceStart(lower, start, TELLING_WINDOW);
        int to = end;
        int stop = Math.min(lower.length(), end + TELLING_WINDOW);
        while (to < stop && SENTENCE_ENDS.indexOf(lower.charAt(to)) < 0) {
            to++;
        }
        String sentence = lower.substring(from, to);
        return containsAny(sentence, IMPOSTORS) && containsAny(sentence, IMPERSONATING);
    }

    /** Where the sentence holding {@code start} begins, looking back at most {@code window} characters. */
    private static int sentenceStart(String lower, int start, int window) {
        int from = start;
        int limit = Math.max(0, start - window);
        while (from > limit && SENTENCE_ENDS.indexOf(lower.charAt(from - 1)) < 0) {
            from--;
        }
        return from;
    }

    /** Whether {@code text} contains any of {@code cues} (the cheap test the rules make before their patterns). */
    static boolean containsAny(String text, String[] cues) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
