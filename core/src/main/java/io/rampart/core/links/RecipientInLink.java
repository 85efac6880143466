package io.rampart.core.links;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

/**
 * {@code link.recipient-in-fragment} (phish): a link to someone else's site that carries the reader's own mail address
 * after its {@code #}, as written, percent-encoded or in Base64 ({@code https://hijacked.example/x/#Ym9iQGFjbWUt...}).
 * The part after {@code #} never reaches the server; only a script on the page reads it, and what a phishing kit's
 * script does with the reader's address is fill in its copy of the sign-in page ("enter the password for
 * bob@acme-corp.com"), so that it looks like the reader's own portal (the "personalised link" of most credential
 * phishing since 2022). A service's own invitation may prefill a sign-up form so ({@code linear.app/join#email=...}),
 * but from its own domain: links to the sender's domain and to the organisation's own are not judged. The address in a
 * query ({@code ?email=}) is not judged either: unsubscribe and tracking links of newsletters carry it there.
 */
public final class RecipientInLink {
    public static final String RULE = "link.recipient-in-fragment";
    public static final double SCORE = 3.0;
    /** Base64 of an address is at least this long (a@b.cc is 8 characters of Base64). */
    private static final int MIN_BASE64 = 8;
    private static final int MAX_FRAGMENT = 2_000;

    private RecipientInLink() {
    }

    /**
     * The finding for {@code raw} (a link found in the message, {@code where}: its origin), when its fragment carries
     * one of {@code recipients} (lower case) and it leads neither to the sender's registrable domain nor to a local one.
     */
    public static Optional<Finding> check(String raw, NormalizedUrl url, Collection<String> recipients,
                                          String senderRegistrable, Set<String> localDomains, String where) {
        int hash = raw.indexOf('#');
        if (hash < 0 || hash == raw.length() - 1 || recipients.isEmpty() || !url.isWeb()) {
            return Optional.empty();
        }
        String registrable = url.registrableDomain();
        if (registrable.isEmpty() || registrable.equals(senderRegistrable) || localDomains.contains(registrable)
            || localDomains.contains(url.host())) {
            return Optional.empty();
        }
        String fragment = raw.substring(hash + 1, Math.min(raw.length(), hash + 1 + MAX_FRAGMENT));
        Optional<String> form = carried(fragment, recipients);
        return form.map(how -> Finding.of(RULE, SCORE, Category.PHISH, "link to " + url.host() + " carries the reader's"
            + " address after '#' (" + how + "), where only the page's script reads it: a phishing kit fills in its copy"
            + " of the sign-in page so (" + where + ")"));
    }

    /** How the fragment carries one of the recipients ("as written", "in Base64"), if it does. */
    static Optional<String> carried(String fragment, Collection<String> recipients) {
        String decoded = percentDecoded(fragment).toLowerCase(Locale.ROOT);
        for (String recipient : recipients) {
            if (decoded.contains(recipient)) {
                return Optional.of(decoded.equals(fragment.toLowerCase(Locale.ROOT)) ? "as written" : "percent-encoded");
            }
        }
        // Base64 is read word by word (split at '=' too, which only pads it): kits write #<base64> or #e=<base64>,
        // sometimes as '/'-separated parts ('/' is also a letter of Base64's alphabet: a word is tried whole and in parts).
        for (String word : fragment.split("[^A-Za-z0-9+/_-]+")) {
            java.util.List<String> candidates = new java.util.ArrayList<>();
            candidates.add(word);
            if (word.indexOf('/') >= 0) {
                candidates.addAll(java.util.Arrays.asList(word.split("/")));
            }
            for (String candidate : candidates) {
                if (candidate.length() < MIN_BASE64) {
                    continue;
                }
                String text = base64(candidate).toLowerCase(Locale.ROOT);
                for (String recipient : recipients) {
                    if (text.contains(recipient)) {
                        return Optional.of("in Base64: " + candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** {@code word} (unpadded: words are split at '=') decoded as standard or URL-safe Base64, or "" when it is not. */
    private static String base64(String word) {
        String body = word.replace('-', '+').replace('_', '/');
        if (body.length() % 4 == 1) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4)),
                StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
