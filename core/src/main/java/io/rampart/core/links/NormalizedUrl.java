package io.rampart.core.links;

import java.util.Objects;
import java.util.Optional;

/**
 * A URL after normalisation: defanged forms restored, host lower-cased and in ASCII (punycode),
 * numeric IP forms rewritten to dotted quads, userinfo split off, and the registrable domain
 * (Public Suffix List) computed. {@link #toString()} is the normalised URL.
 */
public final class NormalizedUrl {
    private final String original;
    private final String scheme;
    private final Optional<String> userInfo;
    private final String host;
    private final String unicodeHost;
    private final String registrableDomain;
    private final boolean ipLiteral;
    private final boolean numericIpTrick;
    private final boolean defanged;
    private final String pathAndQuery;

    NormalizedUrl(String original, String scheme, Optional<String> userInfo, String host, String unicodeHost,
                  String registrableDomain, boolean ipLiteral, boolean numericIpTrick, boolean defanged,
                  String pathAndQuery) {
        this.original = original;
        this.scheme = scheme;
        this.userInfo = userInfo;
        this.host = host;
        this.unicodeHost = unicodeHost;
        this.registrableDomain = registrableDomain;
        this.ipLiteral = ipLiteral;
        this.numericIpTrick = numericIpTrick;
        this.defanged = defanged;
        this.pathAndQuery = pathAndQuery;
    }

    /** The string as found in the message. */
    public String original() {
        return original;
    }

    /** Lower-case scheme: http, https, ftp, data, mailto... */
    public String scheme() {
        return scheme;
    }

    /** The {@code user:password@} part before the host, when present (a classic disguise). */
    public Optional<String> userInfo() {
        return userInfo;
    }

    /** ASCII host (punycode for IDNs), lower-case, no trailing dot; empty for data: URIs. */
    public String host() {
        return host;
    }

    /** The host as a reader sees it (IDN decoded). */
    public String unicodeHost() {
        return unicodeHost;
    }

    /** The registrable domain ({@code evil.co.uk} for {@code a.b.evil.co.uk}); the host itself for IPs. */
    public String registrableDomain() {
        return registrableDomain;
    }

    public boolean ipLiteral() {
        return ipLiteral;
    }

    /** The host was written as a decimal, hex or octal number that resolves to an IP. */
    public boolean numericIpTrick() {
        return numericIpTrick;
    }

    /** The URL was written defanged (hxxp, [.]) and was restored. */
    public boolean defanged() {
        return defanged;
    }

    /** Path, query and fragment as written, starting with {@code /} or empty. */
    public String pathAndQuery() {
        return pathAndQuery;
    }

    public boolean isWeb() {
        return scheme.equals("http") || scheme.equals("https");
    }

    @Override
    public String toString() {
        if (scheme.equals("data")) {
            return original.length() > 80 ? original.substring(0, 80) : original;
        }
        return scheme + "://" + host + pathAndQuery;
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof NormalizedUrl) {
            return toString().equals(o.toString());
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(toString());
    }
}
