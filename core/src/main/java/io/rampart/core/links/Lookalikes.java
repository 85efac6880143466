package io.rampart.core.links;

import java.util.Locale;

import com.google.common.collect.ImmutableSet;

/** Homoglyph skeletons and edit distance for lookalike-domain checks. */
public final class Lookalikes {
    private static final String CONFUSABLE_FROM =
        "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u04cf\u0455\u0501\u0261\u0251\u03bf\u03b1\u03bd\u0441"
            + "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f2\u00f3\u00f4\u00f5"
            + "\u00f6\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff\u0131\u0142";
    private static final String CONFUSABLE_TO =
        "aeopcyxijlsdgaoavc"
            + "aaaaaaeeeeiiiiooooouuuuyyil";

    private Lookalikes() {
    }

    /**
     * A skeleton under which lookalikes collide: confusable letters folded to ASCII, and the
     * classic digit/letter swaps ({@code 0/o}, {@code 1/l/i}, {@code rn/m}, {@code vv/w}) unified.
     */
    public static String skeleton(String label) {
        return SKELETONS.get(label, Lookalikes::computeSkeleton);
    }

    /** The ASCII letter a Cyrillic, Greek or accented small letter is drawn like, or {@code c} itself. */
    public static char fold(char c) {
        int index = CONFUSABLE_FROM.indexOf(c);
        return index >= 0 ? CONFUSABLE_TO.charAt(index) : c;
    }

    /** Skeletons already computed: every link's labels are compared with every brand and local domain. */
    private static final io.rampart.core.util.Memo<String> SKELETONS = new io.rampart.core.util.Memo<>(20_000, 253);

    private static String computeSkeleton(String label) {
        StringBuilder out = new StringBuilder(label.length());
        String lower = label.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int index = CONFUSABLE_FROM.indexOf(c);
            if (index >= 0) {
                c = CONFUSABLE_TO.charAt(index);
            }
            switch (c) {
                case '0':
                    c = 'o';
                    break;
                case '1':
                case 'i':
                case '!':
                case '|':
                    c = 'l';
                    break;
                case '5':
                    c = 's';
                    break;
                case '3':
                    c = 'e';
                    break;
                case '4':
                case '@':
                    c = 'a';
                    break;
                default:
                    break;
            }
            if (c != '-') {
                out.append(c);
            }
        }
        return out.toString().replace("rn", "m").replace("vv", "w").replace("cl", "d");
    }

    /** Levenshtein distance, giving up (returning {@code limit + 1}) once above {@code limit}. */
    public static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Whether {@code candidate} (a domain label) imitates {@code target} without being it: same
     * skeleton, or within one edit (two for long names). Short names only match by skeleton.
     */
    public static boolean imitates(String candidate, String target) {
        if (candidate.equals(target) || candidate.isEmpty() || target.length() < 4) {
            return false;
        }
        if (candidate.indexOf('-') > 0) {
            // paypa1-secure, secure-rnicrosoft: one hyphenated part imitates the name.
            String[] parts = candidate.split("-");
            for (String part : parts) {
                if (part.length() >= 4 && !part.equals(target) && imitatesWhole(part, target)) {
                    return true;
                }
            }
            // acme-c0rp-notice for acme-corp: as many parts as a hyphenated name has, spelt with its skeleton.
            int targetParts = target.split("-").length;
            for (int i = 0; targetParts > 1 && i + targetParts <= parts.length; i++) {
                String run = String.join("-", java.util.Arrays.copyOfRange(parts, i, i + targetParts));
                if (!run.equals(target) && skeleton(run).equals(skeleton(target))) {
                    return true;
                }
            }
        }
        return imitatesWhole(candidate, target);
    }

    /**
     * Whether {@code name} appears in {@code host} as whole labels or hyphen-separated parts
     * ({@code acme-corp} in {@code acme-corp-payments.com} or {@code secure.acme-corp.net.example}, not in
     * {@code macme-corporate.com}).
     */
    public static boolean containsName(String host, String name) {
        if (name.isEmpty()) {
            return false;
        }
        int index = host.indexOf(name);
        while (index >= 0) {
            int end = index + name.length();
            boolean startOk = index == 0 || host.charAt(index - 1) == '.' || host.charAt(index - 1) == '-';
            boolean endOk = end == host.length() || host.charAt(end) == '.' || host.charAt(end) == '-';
            if (startOk && endOk) {
                return true;
            }
            index = host.indexOf(name, index + 1);
        }
        return false;
    }

    /**
     * Words of an organisation's own functions, which a domain registered to pose as its staff's services puts
     * beside the organisation's first word (acme-notice.cn, acme-gov-notice.cn and acme-payroll.com for
     * acme-corp.com). Not words a separate company of a similar name would use (services, online, group, it,
     * security, cloud): "Apex Services" is a business of its own, "apex-payroll" is nobody's but Apex's.
     */
    private static final ImmutableSet<String> FUNCTION_WORDS = ImmutableSet.of("notice", "notices", "notification",
        "notify", "gov", "hr", "hrm", "payroll", "salary", "finance", "caiwu", "billing", "webmail", "secure", "helpdesk",
        "admin", "portal", "login", "signin", "verify", "account", "accounts", "oa", "benefits", "bonus", "staff",
        "employee", "employees");

    /**
     * Whether a domain label poses as an organisation's services by its first word: the organisation's label is
     * hyphenated ({@code acme-corp}), its first word has four letters or more, and the label is that word with
     * words of the organisation's own functions only ({@code acme-gov-notice}, {@code notice-acme}).
     */
    public static boolean posesByFirstWord(String label, String organisationLabel) {
        int hyphen = organisationLabel.indexOf('-');
        if (hyphen < 4 || label.equals(organisationLabel)) {
            return false;
        }
        String firstWord = organisationLabel.substring(0, hyphen);
        String[] parts = label.split("-");
        boolean named = false;
        for (String part : parts) {
            if (part.equals(firstWord)) {
                named = true;
            } else if (!FUNCTION_WORDS.contains(part)) {
                return false;
            }
        }
        return named && parts.length > 1;
    }

    private static boolean imitatesWhole(String candidate, String target) {
        if (skeleton(candidate).equals(skeleton(target))) {
            return true;
        }
        if (target.length() < 6 || candidate.charAt(0) != target.charAt(0)) {
            // A name is read from its first letter: one spelt with another first letter is another word
            // (finance.yahoo.com is not binance, cloud.example.com not icloud); homoglyphs of the first
            // letter (rn for m, 0 for o) are the skeleton's case above.
            return false;
        }
        int limit = target.length() >= 9 ? 2 : 1;
        return distance(candidate, target, limit) <= limit;
    }
}
