package io.rampart.core.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.links.NormalizedUrl;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.text.Tokens;

/**
 * Turns a message into hashed feature indices for the statistical model. Deliberately blind to
 * how a mail was collected or when: no Received, Date, List or X- headers, no recipient addresses
 * or names, no numbers (digits are reduced to shapes), no mailing-list subject tags or footers.
 * What it reads: subject and body words, CJK character unigrams and bigrams, word bigrams, the
 * sender's display-name words and top-level domain, the message structure (HTML, attachment
 * types), and the domains and shapes of its links.
 */
public final class FeatureExtractor {
    public static final int MAX_TOKENS = 3_000;
    public static final int MAX_URLS = 50;
    private static final Set<String> FREE_MAIL = ImmutableSet.of("gmail.com", "yahoo.com", "hotmail.com",
        "outlook.com", "live.com", "aol.com", "qq.com", "163.com", "126.com", "sina.com", "sohu.com", "yeah.net",
        "mail.ru", "yandex.ru", "gmx.com", "gmx.de", "icloud.com", "protonmail.com", "proton.me", "yahoo.co.jp",
        "msn.com", "foxmail.com", "139.com", "aliyun.com", "zoho.com");

    private final int mask;

    public FeatureExtractor(int bits) {
        this.mask = (1 << bits) - 1;
    }

    /** Sorted, distinct feature indices. */
    public int[] indices(ParsedMessage message, Collection<String> urls) {
        Set<Integer> out = new HashSet<>();
        visit(message, urls, name -> out.add(index(name)));
        int[] result = new int[out.size()];
        int i = 0;
        for (Integer value : out) {
            result[i++] = value;
        }
        Arrays.sort(result);
        return result;
    }

    public int index(String feature) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            hash ^= feature.charAt(i);
            hash *= 0x01000193;
        }
        hash ^= hash >>> 15;
        hash *= 0x2c1b3c6d;
        hash ^= hash >>> 12;
        return hash & mask;
    }

    /** Calls {@code sink} with every feature name (with repeats); used for training reports too. */
    public void visit(ParsedMessage message, Collection<String> urls, Consumer<String> sink) {
        Set<String> recipientWords = recipientWords(message);
        Consumer<String> filtered = token -> {
            if (!recipientWords.contains(token)) {
                sink.accept(token);
            }
        };
        String subject = Tokens.stripSubjectTags(message.subject()).toLowerCase(Locale.ROOT);
        if (subject.matches("^\\s*(re|aw|答复|回复)\\s*[:：].*")) {
            sink.accept("m:subject-reply");
        }
        if (subject.matches("^\\s*(fwd?|fw|转发)\\s*[:：].*")) {
            sink.accept("m:subject-forward");
        }
        Tokens.tokenize(Tokens.maskEmails(subject), 200, token -> {
            if (!recipientWords.contains(token)) {
                sink.accept("s:" + token);
                sink.accept(token);
            }
        });
        int budget = MAX_TOKENS;
        boolean html = false;
        boolean plain = false;
        for (TextPart part : message.texts()) {
            if (budget <= 0) {
                break;
            }
            if (part.isHtml()) {
                html = true;
            } else {
                plain = true;
            }
            String text = Tokens.stripListFooter(Tokens.maskEmails(part.text())).toLowerCase(Locale.ROOT);
            String[] previous = new String[1];
            budget -= Tokens.tokenize(text, budget, token -> {
                if (recipientWords.contains(token)) {
                    previous[0] = null;
                    return;
                }
                filtered.accept(token);
                if (!token.startsWith("c:") && !token.startsWith("b:")) {
                    if (previous[0] != null) {
                        sink.accept("w2:" + previous[0] + "_" + token);
                    }
                    previous[0] = token;
                }
            });
        }
        sink.accept(html ? (plain ? "m:html+plain" : "m:html-only") : (plain ? "m:plain-only" : "m:no-text"));
        sender(message, recipientWords, sink);
        for (Attachment attachment : message.attachments()) {
            String type = attachment.declaredType();
            int slash = type.indexOf('/');
            sink.accept("m:att-type:" + (slash < 0 ? type : type.substring(0, slash)));
            attachment.fileName().ifPresent(name -> {
                int dot = name.lastIndexOf('.');
                if (dot >= 0 && name.length() - dot <= 6) {
                    sink.accept("m:att-ext:" + name.substring(dot + 1).toLowerCase(Locale.ROOT));
                }
            });
        }
        int count = 0;
        for (String raw : urls) {
            if (count++ >= MAX_URLS) {
                break;
            }
            UrlNormalizer.normalize(raw).ifPresent(url -> url(url, sink));
        }
        sink.accept("u:count:" + (count == 0 ? "0" : count < 3 ? "1-2" : count < 10 ? "3-9" : "10+"));
    }

    private static void url(NormalizedUrl url, Consumer<String> sink) {
        if (!url.isWeb()) {
            sink.accept("u:scheme:" + url.scheme());
            return;
        }
        if (url.ipLiteral()) {
            sink.accept("u:ip");
            return;
        }
        sink.accept("u:d:" + url.registrableDomain());
        sink.accept("u:tld:" + UrlNormalizer.publicSuffix(url.host()));
        int depth = url.host().split("\\.").length - url.registrableDomain().split("\\.").length;
        sink.accept("u:sub:" + Math.min(depth, 3));
        String path = url.pathAndQuery().toLowerCase(Locale.ROOT);
        Tokens.tokenize(path.length() > 200 ? path.substring(0, 200) : path, 20, token -> sink.accept("u:p:" + token));
    }

    private static void sender(ParsedMessage message, Set<String> recipientWords, Consumer<String> sink) {
        if (!message.from().isPresent()) {
            sink.accept("f:none");
            return;
        }
        Address from = message.from().get();
        String domain = from.domain();
        sink.accept("f:tld:" + UrlNormalizer.publicSuffix(domain));
        if (FREE_MAIL.contains(domain)) {
            sink.accept("f:freemail");
        }
        from.displayName().ifPresent(rawName -> {
            String name = rawName.replaceAll("(?i)\\s+via\\s+.*$", "").toLowerCase(Locale.ROOT);
            if (name.contains("@")) {
                sink.accept("f:name-has-address");
            }
            Tokens.tokenize(Tokens.maskEmails(name), 20, token -> {
                if (!recipientWords.contains(token)) {
                    sink.accept("fn:" + token);
                }
            });
        });
        if (!message.from().get().displayName().isPresent()) {
            sink.accept("f:no-name");
        }
        for (Address replyTo : message.replyTo()) {
            if (!UrlNormalizer.registrable(replyTo.domain()).equals(UrlNormalizer.registrable(domain))) {
                sink.accept("f:reply-to-elsewhere");
            }
        }
    }

    /** Words naming the recipients (addresses are anonymised in public corpora, and names are not content). */
    private static Set<String> recipientWords(ParsedMessage message) {
        Set<String> words = new HashSet<>();
        for (Address address : Iterables2.concat(message.to(), message.cc())) {
            Tokens.tokenize(address.localPart().toLowerCase(Locale.ROOT), 10, words::add);
            address.displayName().ifPresent(name -> Tokens.tokenize(name.toLowerCase(Locale.ROOT), 10, words::add));
        }
        words.remove("num1");
        words.remove("num2");
        return words;
    }

    private static final class Iterables2 {
        static Iterable<Address> concat(Collection<Address> a, Collection<Address> b) {
            return com.google.common.collect.Iterables.concat(a, b);
        }
    }
}
