package io.rampart.core.links;

import java.net.IDN;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/** Parses and normalises one URL string. Lenient: anything that is not a usable URL is empty. */
public final class UrlNormalizer {
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]{1,15}):", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFANGED_SCHEME = Pattern.compile("^h[tx]{2}p(s?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFANGED_DOT = Pattern.compile("\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_CHARS = Pattern.compile("[a-z0-9._~\\-\\u00a0-\\uffff]+");
    private static final Pattern DECIMAL_IP = Pattern.compile("\\d{8,10}");
    private static final Pattern HEX_IP = Pattern.compile("0x[0-9a-f]{1,8}");
    private static final Pattern PARTS_IP = Pattern.compile("(0x[0-9a-f]+|\\d+)(\\.(0x[0-9a-f]+|\\d+)){1,3}");

    private UrlNormalizer() {
    }

    public static Optional<NormalizedUrl> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String original = raw.trim();
        if (original.isEmpty() || original.length() > 4096) {
            return Optional.empty();
        }
        String url = original.replaceAll("[\\s\\u200b\\u200c\\u200d\\ufeff]+", "");
        boolean defanged = false;
        Matcher defangedScheme = DEFANGED_SCHEME.matcher(url);
        if (defangedScheme.find() && !url.toLowerCase(Locale.ROOT).startsWith("http")) {
            url = "http" + defangedScheme.group(1) + url.substring(defangedScheme.end());
            defanged = true;
        }
        String refanged = DEFANGED_DOT.matcher(url).replaceAll(".").replace("[:]", ":").replace("[://]", "://");
        defanged |= !refanged.equals(url);
        url = refanged;
        if (url.regionMatches(true, 0, "www", 0, 3)) {
            url = "http://" + url;
        }
        if (url.startsWith("//")) {
            url = "http:" + url;
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.find()) {
            return Optional.empty();
        }
        String schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
        if (schemeName.equals("data")) {
            return Optional.of(new NormalizedUrl(original, "data", Optional.empty(), "", "", "", false, false,
                defanged, ""));
        }
        String rest = url.substring(scheme.end());
        if (schemeName.equals("mailto")) {
            int at = rest.lastIndexOf('@');
            String host = at < 0 ? "" : rest.substring(at + 1).replaceAll("[?#].*$", "").toLowerCase(Locale.ROOT);
            return Optional.of(new NormalizedUrl(original, "mailto", Optional.empty(), host, host,
                registrable(host), false, false, defanged, ""));
        }
        if (!rest.startsWith("//")) {
            rest = rest.replaceFirst("^/*", "");
        } else {
            rest = rest.substring(2);
        }
        rest = rest.replace('\\', '/');
        int end = indexOfAny(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String pathAndQuery = end < 0 ? "" : rest.substring(end);
        Optional<String> userInfo = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = Optional.of(authority.substring(0, at)).filter(s -> !s.isEmpty());
            authority = authority.substring(at + 1);
        }
        String host = authority;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host.substring(1) : host.substring(1, close);
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
        }
        host = percentDecode(host).toLowerCase(Locale.ROOT).replace('\u3002', '.').replace('\uff0e', '.');
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        boolean ipLiteral = false;
        boolean numericTrick = false;
        if (host.contains(":") && InetAddresses.isInetAddress(host)) {
            ipLiteral = true;
        } else if (InetAddresses.isInetAddress(host)) {
            ipLiteral = true;
        } else {
            Optional<String> numeric = numericIp(host);
            if (numeric.isPresent()) {
                host = numeric.get();
                ipLiteral = true;
                numericTrick = true;
            }
        }
        String asciiHost = host;
        String unicodeHost = host;
        if (!ipLiteral) {
            if (!HOST_CHARS.matcher(host).matches()) {
                return Optional.empty();
            }
            try {
                asciiHost = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                unicodeHost = IDN.toUnicode(asciiHost, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!asciiHost.contains(".")) {
                return Optional.empty();
            }
        }
        String registrable = ipLiteral ? asciiHost : registrable(asciiHost);
        return Optional.of(new NormalizedUrl(original, schemeName, userInfo, asciiHost, unicodeHost, registrable,
            ipLiteral, numericTrick, defanged, pathAndQuery));
    }

    /** The first label of a domain name ("acme-corp" for acme-corp.com); the name itself when it has no dot. */
    public static String firstLabel(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    /** The Public Suffix List registrable domain of {@code host}, or the host when it has none. */
    public static String registrable(String host) {
        if (host.isEmpty()) {
            return host;
        }
        return REGISTRABLE.get(host, UrlNormalizer::computeRegistrable);
    }

    /**
     * Hosts already resolved against the Public Suffix List: Guava parses and validates the name on every
     * call, and mail repeats its hosts (every link of a newsletter, every brand compared).
     */
    private static final io.rampart.core.util.Memo<String> REGISTRABLE = new io.rampart.core.util.Memo<>(50_000, 253);
    private static final io.rampart.core.util.Memo<String> SUFFIX = new io.rampart.core.util.Memo<>(50_000, 253);

    private static String computeRegistrable(String host) {
        try {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            return host;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return host;
        }
    }

    /** The public suffix (e.g. {@code co.uk}) of a host, or its last label. */
    public static String publicSuffix(String host) {
        return SUFFIX.get(host, UrlNormalizer::computePublicSuffix);
    }

    private static String computePublicSuffix(String host) {
        try {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.hasPublicSuffix()) {
                return name.publicSuffix().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // fall through
        }
        int dot = host.lastIndexOf('.');
        return dot < 0 ? host : host.substring(dot + 1);
    }

    private static Optional<String> numericIp(String host) {
        if (DECIMAL_IP.matcher(host).matches()) {
            long value = Long.parseLong(host);
            if (value > 0xFFFFFFFFL) {
                return Optional.empty();
            }
            return Optional.of(dotted(value));
        }
        if (HEX_IP.matcher(host).matches()) {
            return Optional.of(dotted(Long.parseLong(host.substring(2), 16)));
        }
        if (PARTS_IP.matcher(host).matches()) {
            String[] parts = host.split("\\.");
            if (parts.length != 4) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder();
            for (String part : parts) {
                long value;
                try {
                    if (part.startsWith("0x")) {
                        value = Long.parseLong(part.substring(2), 16);
                    } else if (part.length() > 1 && part.startsWith("0")) {
                        value = Long.parseLong(part, 8);
                    } else {
                        value = Long.parseLong(part);
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (value > 255) {
                    return Optional.empty();
                }
                out.append(out.length() == 0 ? "" : ".").append(value);
            }
            return Optional.of(out.toString());
        }
        return Optional.empty();
    }

    private static String dotted(long value) {
        return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
