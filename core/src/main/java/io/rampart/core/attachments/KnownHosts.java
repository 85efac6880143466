package io.rampart.core.attachments;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.ScanContext;

/**
 * Hosts whose appearance in a file or a barcode is not suspicious on its own: the organisation's own
 * domains (and the recipients') and a short list of app stores and large sites. Hosts that are known
 * to host attacker content (form builders, file shares, object storage) are deliberately absent.
 */
public final class KnownHosts {
    private static final ImmutableSet<String> REPUTABLE = ImmutableSet.of(
        "apps.apple.com", "itunes.apple.com", "play.google.com", "www.apple.com", "apple.com",
        "www.google.com", "google.com", "maps.google.com", "www.microsoft.com", "microsoft.com",
        "www.linkedin.com", "linkedin.com", "www.youtube.com", "youtube.com", "youtu.be",
        "www.facebook.com", "facebook.com", "www.instagram.com", "instagram.com", "twitter.com", "x.com",
        "weixin.qq.com", "u.wechat.com", "www.wikipedia.org", "en.wikipedia.org", "github.com",
        "www.w3.org", "w3.org", "schemas.openxmlformats.org", "schemas.microsoft.com", "purl.org",
        "ns.adobe.com");

    private KnownHosts() {
    }

    public static Optional<String> host(String url) {
        try {
            String candidate = url.trim();
            if (candidate.regionMatches(true, 0, "www.", 0, 4)) {
                candidate = "http://" + candidate;
            }
            URI uri = new URI(candidate.replace(" ", "%20"));
            return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (Exception e) {
            int scheme = url.indexOf("://");
            if (scheme < 0) {
                return Optional.empty();
            }
            String rest = url.substring(scheme + 3);
            int end = 0;
            while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            String host = rest.substring(0, end);
            int at = host.lastIndexOf('@');
            host = at >= 0 ? host.substring(at + 1) : host;
            return host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        }
    }

    /** The URL's host is a local domain, a recipient's domain or a reputable site. */
    public static boolean isBenign(String url, ScanContext context) {
        return host(url).map(host -> isOwn(host, context) || REPUTABLE.contains(host)).orElse(false);
    }

    public static boolean isOwn(String host, ScanContext context) {
        if (context.isLocalDomain(host)) {
            return true;
        }
        return context.recipientDomains().stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
