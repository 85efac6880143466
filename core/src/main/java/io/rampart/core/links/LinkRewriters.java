package io.rampart.core.links;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Links rewritten by another mail-security service on the way (Microsoft Defender Safe Links,
 * Proofpoint URL Defense, Barracuda Link Protection, Cisco Secure Email, Trend Micro, Sophos,
 * Mimecast). Mail between companies that run such a service arrives with every link wrapped: read
 * as written, each would be a "link text shows one domain, leads to another" and an "open redirect".
 * Where the service writes the original URL into the link, it is read back and analysed instead (a
 * phishing URL behind a Safe Links wrapper is still found); where the wrapper is an opaque token
 * (Mimecast), nothing can be said about the destination, so the link is not compared with its text.
 * No library decodes these formats; each is a few lines and documented by its vendor.
 */
public final class LinkRewriters {
    /** At most this many wrappers inside one another are undone (a Safe Links of a Proofpoint link...). */
    static final int MAX_DEPTH = 3;

    /** What one wrapper says about the link it wraps. */
    public static final class Unwrapped {
        private final String service;
        private final Optional<NormalizedUrl> target;

        Unwrapped(String service, Optional<NormalizedUrl> target) {
            this.service = service;
            this.target = target;
        }

        /** The rewriting service, for findings ("Microsoft Safe Links"). */
        public String service() {
            return service;
        }

        /** The original URL, when the wrapper carries it. */
        public Optional<NormalizedUrl> target() {
            return target;
        }
    }

    private LinkRewriters() {
    }

    /** The wrapper's service and, when written in it, the original URL; empty for a link no known service rewrote. */
    public static Optional<Unwrapped> unwrap(NormalizedUrl url) {
        if (!url.isWeb() || url.ipLiteral()) {
            return Optional.empty();
        }
        String host = url.host();
        String path = url.pathAndQuery();
        if (host.endsWith(".safelinks.protection.outlook.com") || host.endsWith(".safelinks.protection.office365.us")) {
            return Optional.of(new Unwrapped("Microsoft Safe Links", parameter(path, "url").flatMap(LinkRewriters::percentDecoded)));
        }
        if (host.equals("urldefense.proofpoint.com") && path.startsWith("/v2/url")) {
            // v2: the URL with '%' written as '-' and '/' as '_', then percent-encoded as usual.
            return Optional.of(new Unwrapped("Proofpoint URL Defense", parameter(path, "u")
                .flatMap(u -> percentDecoded(u.replace('-', '%').replace('_', '/')))));
        }
        if (host.equals("urldefense.proofpoint.com") && path.startsWith("/v1/url")) {
            return Optional.of(new Unwrapped("Proofpoint URL Defense", parameter(path, "u").flatMap(LinkRewriters::percentDecoded)));
        }
        if ((host.equals("urldefense.com") || host.equals("urldefense.us")) && path.startsWith("/v3/__")) {
            // v3: the URL verbatim between "__" and "__;" (a few characters replaced by '*', never in the host).
            int end = path.indexOf("__;", 6);
            return Optional.of(new Unwrapped("Proofpoint URL Defense",
                end < 0 ? Optional.empty() : normalized(path.substring(6, end))));
        }
        if (host.equals("linkprotect.cudasvc.com") && path.startsWith("/url")) {
            return Optional.of(new Unwrapped("Barracuda Link Protection", parameter(path, "a").flatMap(LinkRewriters::percentDecoded)));
        }
        if (host.equals("secure-web.cisco.com")) {
            // /<token>/<the URL, percent-encoded>
            int slash = path.indexOf('/', 1);
            return Optional.of(new Unwrapped("Cisco Secure Email",
                slash < 0 ? Optional.empty() : percentDecoded(path.substring(slash + 1))));
        }
        if (host.endsWith(".trendmicro.com") && path.contains("/wis/clicktime/")) {
            return Optional.of(new Unwrapped("Trend Micro Time-of-Click", parameter(path, "url").flatMap(LinkRewriters::percentDecoded)));
        }
        if (host.endsWith(".protection.sophos.com")) {
            return Optional.of(new Unwrapped("Sophos Time-of-Click", parameter(path, "u").flatMap(LinkRewriters::base64Decoded)));
        }
        if (host.endsWith(".mimecast.com") && (host.startsWith("protect") || host.startsWith("url")) && path.startsWith("/s/")) {
            return Optional.of(new Unwrapped("Mimecast URL Protect", Optional.empty()));
        }
        return Optional.empty();
    }

    /** Host names of the services above, for a cheap test before a URL is normalised and unwrapped. */
    private static final String[] SERVICE_HOSTS = {".safelinks.protection.", "urldefense.", "linkprotect.cudasvc.com",
        "secure-web.cisco.com", ".trendmicro.com", ".protection.sophos.com", ".mimecast.com"};

    /** Whether {@code text} names one of the services' hosts at all (most link texts do not). */
    static boolean mentionsService(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String host : SERVICE_HOSTS) {
            if (lower.contains(host)) {
                return true;
            }
        }
        return false;
    }

    /** The URL a reader ends up at once every readable wrapper is undone (the URL itself when none). */
    public static NormalizedUrl innermost(NormalizedUrl url) {
        NormalizedUrl current = url;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Optional<NormalizedUrl> target = unwrap(current).flatMap(Unwrapped::target);
            if (!target.isPresent()) {
                break;
            }
            current = target.get();
        }
        return current;
    }

    static Optional<String> parameter(String pathAndQuery, String name) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        int hash = pathAndQuery.indexOf('#', q);
        String query = hash < 0 ? pathAndQuery.substring(q + 1) : pathAndQuery.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<NormalizedUrl> percentDecoded(String value) {
        return normalized(UrlNormalizer.percentDecode(value));
    }

    static Optional<NormalizedUrl> base64Decoded(String value) {
        try {
            String padded = UrlNormalizer.percentDecode(value).replace('-', '+').replace('_', '/');
            return normalized(new String(Base64.getMimeDecoder().decode(padded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only an absolute web URL counts as a wrapped target. */
    private static Optional<NormalizedUrl> normalized(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        return UrlNormalizer.normalize(value.trim()).filter(NormalizedUrl::isWeb);
    }
}
