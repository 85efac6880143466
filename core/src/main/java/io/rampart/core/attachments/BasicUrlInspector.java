package io.rampart.core.attachments;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;

/**
 * The built-in {@link UrlInspector}, used until link analysis is plugged in: a URL on the
 * organisation's or recipient's own domain is benign; otherwise an IP-literal host, a path that
 * looks like a log-in or account page, embedded credentials and plain http each add a finding, once
 * per message (a document with fifty plain-http links is one piece of evidence, not fifty).
 */
public final class BasicUrlInspector implements UrlInspector {
    public static final double IP_HOST_SCORE = 3.0;
    public static final double CREDENTIAL_PATH_SCORE = 2.0;
    public static final double USERINFO_SCORE = 3.0;
    public static final double PLAIN_HTTP_SCORE = 0.5;

    private static final Pattern CREDENTIAL_PATH = Pattern.compile(
        "(?i)(log-?in|sign-?in|logon|verify|verification|account|passw|credential|webmail|owa|auth|secure|"
            + "update|unlock|validate|wallet|banking|\\.php\\b)");

    @Override
    public void inspect(String url, String where, ScanContext context, ScanReport report) {
        String host = KnownHosts.host(url).orElse("");
        if (!host.isEmpty() && KnownHosts.isOwn(host, context)) {
            return;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bareHost.isEmpty() && InetAddresses.isInetAddress(bareHost) && !report.hasRule("file.url.ip-host")) {
            report.add("file.url.ip-host", IP_HOST_SCORE, Category.PHISH, where + ": link to a bare IP address " + url);
        }
        int schemeEnd = lower.indexOf("://");
        if (schemeEnd > 0) {
            String authority = lower.substring(schemeEnd + 3).split("[/?#]", 2)[0];
            if (authority.contains("@") && !report.hasRule("file.url.userinfo")) {
                report.add("file.url.userinfo", USERINFO_SCORE, Category.PHISH,
                    where + ": link hides its host behind user info " + url);
            }
            String path = lower.substring(schemeEnd + 3 + authority.length());
            if (CREDENTIAL_PATH.matcher(path).find() && !KnownHosts.isBenign(url, context)
                && !report.hasRule("file.url.credential-path")) {
                report.add("file.url.credential-path", CREDENTIAL_PATH_SCORE, Category.PHISH,
                    where + ": link to what looks like a log-in or account page " + url);
            }
        }
        if (lower.startsWith("http://") && !KnownHosts.isBenign(url, context) && !report.hasRule("file.url.plain-http")) {
            report.add("file.url.plain-http", PLAIN_HTTP_SCORE, Category.PHISH, where + ": unencrypted link " + url);
        }
    }
}
