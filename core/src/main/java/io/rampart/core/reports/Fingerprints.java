package io.rampart.core.reports;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

/** Builds a {@link Fingerprint} from a message. */
public final class Fingerprints {
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'()\\[\\]{}]+");
    private static final int MAX_URLS = 200;

    private Fingerprints() {
    }

    public static Fingerprint of(byte[] raw) {
        return of(new MessageParser().parse(raw));
    }

    public static Fingerprint of(ParsedMessage message) {
        Set<String> hashes = new LinkedHashSet<>();
        for (Attachment attachment : message.attachments()) {
            hashes.add(attachment.sha256());
        }
        return Fingerprint.of(message.messageId(), message.from().map(Address::address), message.subject(),
            urls(message), hashes);
    }

    /** The first message attached to this one ({@code message/rfc822}, as when forwarding "as attachment"). */
    public static Optional<byte[]> attachedMessage(byte[] raw) {
        return new MessageParser().parse(raw).attachments().stream()
            .filter(attachment -> attachment.declaredType().equalsIgnoreCase("message/rfc822"))
            .map(Attachment::content)
            .findFirst();
    }

    /** The http(s) URLs in a message's text and HTML, in order, normalized (trailing punctuation dropped). */
    public static Set<String> urls(ParsedMessage message) {
        Set<String> urls = new LinkedHashSet<>();
        for (TextPart part : message.texts()) {
            collect(part.text(), urls);
            part.html().ifPresent(html -> collect(html, urls));
        }
        return urls;
    }

    static void collect(String text, Set<String> into) {
        Matcher matcher = URL.matcher(text);
        while (matcher.find() && into.size() < MAX_URLS) {
            normalize(matcher.group()).ifPresent(into::add);
        }
    }

    static Optional<String> normalize(String url) {
        String trimmed = url.replaceAll("[.,;:!?]+$", "");
        int schemeEnd = trimmed.indexOf("://") + 3;
        int hostEnd = trimmed.indexOf('/', schemeEnd);
        if (hostEnd < 0) {
            hostEnd = trimmed.length();
        }
        String host = trimmed.substring(0, hostEnd).toLowerCase(java.util.Locale.ROOT);
        if (host.length() <= schemeEnd) {
            return Optional.empty();
        }
        return Optional.of(host + trimmed.substring(hostEnd));
    }
}
