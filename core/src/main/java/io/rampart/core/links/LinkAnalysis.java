package io.rampart.core.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.config.DetectionSettings;

/**
 * The reusable, stable per-URL check: give it a URL string (from a body, a QR code, a PDF...) and a
 * {@link LinkContext}; get back the findings that URL deserves. Thread-safe and stateless.
 * Rule ids: {@code link.*}.
 */
public final class LinkAnalysis {
    public static final double INDICATOR_SCORE = 10.0;
    public static final double IP_HOST_SCORE = 2.5;
    public static final double NUMERIC_IP_SCORE = 4.0;
    public static final double USERINFO_SCORE = 3.0;
    public static final double LOOKALIKE_LOCAL_SCORE = 5.0;
    /**
     * A domain made of the organisation's first word and words of its staff's services (acme-notice.cn for
     * acme-corp.com; {@link Lookalikes#posesByFirstWord}): weaker evidence than the whole name, since a provider may
     * run such a domain for the organisation (declare it in {@code detection.ownDomains}); for links and senders alike.
     */
    public static final double FIRST_WORD_LOCAL_SCORE = 2.5;
    public static final double LOOKALIKE_BRAND_SCORE = 4.0;
    public static final double BRAND_IN_SUBDOMAIN_SCORE = 3.0;
    /** As much as a lookalike of a brand: the link dresses itself as the sender's own site. */
    public static final double SENDER_IN_SUBDOMAIN_SCORE = 4.0;
    /**
     * A brand's name (or a lookalike of it) on free hosting or cloud storage, where anyone picks the name
     * (sharepoint-docs-view.netlify.app): no brand serves its sign-in pages there. With
     * {@code link.free-hosting} it outweighs the model's largest ham credit (3.0) at the default threshold,
     * so a conversational lure ("as discussed, the signed amendment is here") does not talk it down.
     */
    public static final double BRAND_ON_FREE_HOSTING_SCORE = 6.5;
    public static final double PUNYCODE_SCORE = 1.5;
    public static final double SHORTENER_SCORE = 1.0;
    public static final double OPEN_REDIRECT_SCORE = 1.5;
    /**
     * Consent phishing: a link straight to Microsoft's or Google's sign-in asking the reader to grant an application
     * access to their mail or files (scope=Mail.Read Files.ReadWrite.All, https://mail.google.com/). The page is the
     * provider's own, so nothing about the link looks wrong; the grant gives the attacker's application a token that
     * outlives a password change. Applications ask for such a grant on their own sites, not in mail; the application's
     * own mail (the sender's domain is where the grant returns) is excused.
     */
    public static final double OAUTH_CONSENT_SCORE = 3.0;
    private static final Pattern CONSENT_PAGE = Pattern.compile(
        "^(?:login\\.microsoftonline\\.com|login\\.windows\\.net|login\\.live\\.com|accounts\\.google\\.com)$");
    private static final Pattern CONSENT_PATH = Pattern.compile("^/(?:[\\w.-]+/)?oauth2/(?:v2\\.0/)?(?:authorize|auth|v2/auth)\\b|^/o/oauth2/(?:v2/)?auth\\b");
    /** Scopes that read or send the reader's mail, or read and write their files. */
    private static final Pattern MAILBOX_SCOPE = Pattern.compile(
        "(?i)\\b(?:mail\\.(?:read|readwrite|send)\\w*|files\\.readwrite\\w*|files\\.read\\.all|sites\\.\\w+\\.all"
            + "|mailboxsettings\\.readwrite|ews\\.accessasuser\\.all|full_access_as_user)\\b"
            + "|mail\\.google\\.com|/auth/gmail\\.|/auth/drive\\b");
    public static final double FREE_HOSTING_SCORE = 1.5;
    public static final double RISKY_TLD_SCORE = 1.0;
    /**
     * A page on IPFS read through a web gateway (ipfs.io/ipfs/Qm..., bafy....ipfs.dweb.link): phishing
     * kits moved there because no host can take the content down; companies do not send their users to
     * it. Scored on top of the gateway's free-hosting score where it has one.
     */
    public static final double IPFS_SCORE = 3.0;
    /** A subdomain gateway: a content id (CIDv1, base32) or an IPNS name as the first label, then ipfs/ipns. */
    private static final Pattern IPFS_SUBDOMAIN = Pattern.compile("^(?:baf[a-z2-7]{40,}\\.ipfs|[a-z0-9-]+\\.ipns)\\.");
    public static final double DATA_URI_SCORE = 3.0;
    public static final double TEXT_MISMATCH_SCORE = 2.5;

    private static final Pattern DISPLAYED_DOMAIN = Pattern.compile(
        "(?i)^(?:https?://)?(?:www\\.)?([a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,})(?:[/:?#]\\S*)?$");
    private static final Pattern FULL_URL = Pattern.compile("(?i)https?(?::|%3a)(?:/|%2f){2}");
    private static final Pattern EMBEDDED_URL = Pattern.compile("(?i)(?:https?(?::|%3a)(?:/|%2f){2}|www\\.)");

    public static LinkAnalysis from(DetectionSettings settings) {
        return new LinkAnalysis(settings.indicatorDomains(), settings.indicatorUrls(), settings.brands(), settings.ownDomains());
    }

    public static LinkAnalysis defaults() {
        return from(DetectionSettings.defaults());
    }

    private final ImmutableSet<String> indicatorDomains;
    private final ImmutableSet<String> indicatorUrls;
    private final ImmutableMap<String, ImmutableSet<String>> brands;
    private final ImmutableSet<String> ownDomains;

    /** {@code ownDomains}: the organisation's domains James does not serve, never lookalikes of its local ones. */
    public LinkAnalysis(Set<String> indicatorDomains, Set<String> indicatorUrls, Set<String> extraBrandDomains,
                        Set<String> ownDomains) {
        this.indicatorDomains = ImmutableSet.copyOf(indicatorDomains);
        this.ownDomains = ImmutableSet.copyOf(ownDomains);
        this.indicatorUrls = ImmutableSet.copyOf(indicatorUrls);
        ImmutableMap.Builder<String, ImmutableSet<String>> builder = ImmutableMap.builder();
        builder.putAll(LinkLists.BRANDS);
        for (String domain : extraBrandDomains) {
            String label = UrlNormalizer.firstLabel(domain);
            if (!LinkLists.BRANDS.containsKey(label)) {
                builder.put(label, ImmutableSet.of(domain));
            }
        }
        this.brands = builder.build();
    }

    /** Normalises a URL string (defanged forms, IDN, numeric IPs, userinfo); empty when it is no URL. */
    public Optional<NormalizedUrl> normalize(String url) {
        return UrlNormalizer.normalize(url);
    }

    /** The findings for one URL; empty for a harmless or unparsable one. Never throws. */
    public List<Finding> analyze(String url, LinkContext context) {
        Optional<NormalizedUrl> normalized = normalize(url);
        if (!normalized.isPresent()) {
            return new ArrayList<>();
        }
        return analyze(normalized.get(), context);
    }

    public List<Finding> analyze(NormalizedUrl url, LinkContext context) {
        return analyze(url, context, 0);
    }

    private List<Finding> analyze(NormalizedUrl url, LinkContext context, int depth) {
        if (depth < LinkRewriters.MAX_DEPTH) {
            Optional<LinkRewriters.Unwrapped> wrapper = LinkRewriters.unwrap(url);
            if (wrapper.isPresent()) {
                LinkContext behind = context.behind(wrapper.get().service());
                Optional<NormalizedUrl> target = wrapper.get().target();
                // The wrapped URL is where the reader goes; an opaque wrapper hides it, so its host (the
                // service's) is not compared with the link text.
                return target.isPresent() ? analyze(target.get(), behind, depth + 1)
                    : analyze(url, behind.withoutDisplayedText(), LinkRewriters.MAX_DEPTH);
            }
        }
        List<Finding> findings = new ArrayList<>();
        String where = context.origin().isEmpty() ? "" : " (" + context.origin() + ")";
        String shown = url.toString();
        if (url.scheme().equals("data")) {
            String lower = url.original().toLowerCase(Locale.ROOT);
            if (lower.startsWith("data:text/html") || lower.startsWith("data:application")
                || lower.startsWith("data:image/svg")) {
                findings.add(Finding.of("link.data-uri", DATA_URI_SCORE, Category.PHISH,
                    "link opens an embedded document " + shown + where));
            }
            return findings;
        }
        String host = url.host();
        String registrable = url.registrableDomain();
        if (host.isEmpty()) {
            return findings;
        }
        indicator(url).ifPresent(hit -> findings.add(Finding.of("link.indicator", INDICATOR_SCORE, Category.PHISH,
            "known malicious " + hit + ": " + shown + where)));
        if (url.scheme().equals("mailto")) {
            return findings;
        }
        if (url.numericIpTrick()) {
            findings.add(Finding.of("link.ip-host", NUMERIC_IP_SCORE, Category.PHISH,
                "host written as a number that resolves to " + host + ": " + url.original() + where));
        } else if (url.ipLiteral()) {
            findings.add(Finding.of("link.ip-host", IP_HOST_SCORE, Category.PHISH,
                "link points to a bare IP address " + shown + where));
        }
        url.userInfo().ifPresent(user -> {
            if (user.contains(".") || brandIn(user.toLowerCase(Locale.ROOT)).isPresent()) {
                findings.add(Finding.of("link.userinfo", USERINFO_SCORE, Category.PHISH,
                    "'" + user + "@' disguises the real host " + host + where));
            }
        });
        if (url.ipLiteral()) {
            return findings;
        }
        String label = UrlNormalizer.firstLabel(registrable);
        String unicodeLabel = url.unicodeHost().equals(host) ? label : unicodeLabel(url.unicodeHost(), registrable);
        boolean freeHosting = (onList(LinkLists.FREE_HOSTING, host) || isS3Bucket(host, registrable))
            && !ownWorkspace(host, context.localDomains());
        double brandScore = freeHosting ? BRAND_ON_FREE_HOSTING_SCORE : LOOKALIKE_BRAND_SCORE;
        String onFreeHosting = freeHosting ? ", on free hosting where anyone picks the name" : "";
        // The organisation's own other domains (detection.ownDomains) imitate nothing of it.
        Set<String> localDomains = ownDomains.contains(registrable) ? ImmutableSet.of() : context.localDomains();
        boolean lookalike = false;
        for (String local : localDomains) {
            String localRegistrable = UrlNormalizer.registrable(local);
            if (registrable.equals(localRegistrable) || isWithin(host, local)) {
                continue;
            }
            String localLabel = UrlNormalizer.firstLabel(localRegistrable);
            if (Lookalikes.imitates(unicodeLabel, localLabel) || Lookalikes.imitates(label, localLabel)) {
                findings.add(Finding.of("link.lookalike-local", LOOKALIKE_LOCAL_SCORE, Category.PHISH,
                    url.unicodeHost() + " imitates the local domain " + local + where));
                lookalike = true;
                break;
            }
        }
        if (!lookalike) {
            for (Map.Entry<String, ImmutableSet<String>> brand : brands.entrySet()) {
                if (brand.getValue().contains(registrable) || isLegitimateBrandLabel(label, brand)) {
                    continue;
                }
                if (Lookalikes.imitates(unicodeLabel, brand.getKey()) || Lookalikes.imitates(label, brand.getKey())) {
                    findings.add(Finding.of("link.lookalike-brand", brandScore, Category.PHISH,
                        url.unicodeHost() + " imitates " + brand.getKey() + onFreeHosting + where));
                    lookalike = true;
                    break;
                }
            }
        }
        if (!lookalike) {
            for (String local : localDomains) {
                String localRegistrable = UrlNormalizer.registrable(local);
                String localLabel = UrlNormalizer.firstLabel(localRegistrable);
                if (localLabel.length() >= 4 && !registrable.equals(localRegistrable) && !label.equals(localLabel)
                    && !isWithin(host, local) && Lookalikes.containsName(host, localLabel)
                    && !ownTenant(host, localLabel)) {
                    findings.add(Finding.of("link.local-in-subdomain", LOOKALIKE_LOCAL_SCORE, Category.PHISH,
                        UrlNormalizer.registrable(host).equals(host) || host.equals("www." + registrable)
                            ? "'" + localLabel + "' is part of the domain " + registrable + ", which is not " + local + where
                            : "'" + localLabel + "' is used in " + host + " but the site is " + registrable + where));
                    lookalike = true;
                    break;
                }
                if (Lookalikes.posesByFirstWord(label, localLabel)) {
                    findings.add(Finding.of("link.local-in-subdomain", FIRST_WORD_LOCAL_SCORE, Category.PHISH,
                        registrable + " is the first word of '" + localLabel + "' with words of its staff's services, "
                            + "not " + local + where));
                    lookalike = true;
                    break;
                }
            }
        }
        if (!lookalike && !host.equals(registrable)) {
            // outook.s3.amazonaws.com, rnicrosoft.example.net: a subdomain label dressed as a brand.
            String[] labels = url.unicodeHost().split("\\.");
            int subdomainLabels = labels.length - registrable.split("\\.").length;
            outer:
            for (int i = 0; i < subdomainLabels; i++) {
                for (String brand : brands.keySet()) {
                    if (brand.length() >= 5 && Lookalikes.imitates(labels[i], brand)) {
                        findings.add(Finding.of("link.lookalike-brand", brandScore, Category.PHISH,
                            url.unicodeHost() + " dresses a subdomain as " + brand + onFreeHosting + where));
                        lookalike = true;
                        break outer;
                    }
                }
            }
        }
        if (!lookalike) {
            brandInSubdomain(host, registrable).ifPresent(brand -> findings.add(Finding.of("link.brand-in-subdomain",
                freeHosting ? BRAND_ON_FREE_HOSTING_SCORE : BRAND_IN_SUBDOMAIN_SCORE, Category.PHISH, host.equals(registrable)
                    ? "'" + brand + "' is part of the domain " + host + ", which is not one of " + brand + "'s" + onFreeHosting + where
                    : "'" + brand + "' is used in " + host + " but the site is " + registrable + onFreeHosting + where)));
        }
        if (!lookalike && senderInSubdomain(host, registrable, context.senderRegistrable())) {
            findings.add(Finding.of("link.sender-in-subdomain", SENDER_IN_SUBDOMAIN_SCORE, Category.PHISH,
                host + " starts with the sender's own domain " + context.senderRegistrable() + " but the site is "
                    + registrable + where));
            lookalike = true;
        }
        if (host.startsWith("xn--") || host.contains(".xn--")) {
            if (!lookalike) {
                findings.add(Finding.of("link.punycode", PUNYCODE_SCORE, Category.PHISH,
                    "internationalised host " + url.unicodeHost() + " (" + host + ")" + where));
            }
        }
        if (LinkLists.SHORTENERS.contains(registrable) || LinkLists.SHORTENERS.contains(host)) {
            findings.add(Finding.of("link.shortener", SHORTENER_SCORE, Category.SPAM,
                "shortened link hides its destination: " + shown + where));
        }
        Optional<NormalizedUrl> redirect = openRedirect(url);
        if (redirect.isPresent()) {
            findings.add(Finding.of("link.open-redirect", OPEN_REDIRECT_SCORE, Category.PHISH,
                registrable + " redirects to " + redirect.get().host() + where));
            if (depth < LinkRewriters.MAX_DEPTH) {
                // Where the reader lands is judged too (a Google redirect to a brand's name on free hosting).
                findings.addAll(analyze(redirect.get(), context.behind(registrable + " redirect").withoutDisplayedText(),
                    depth + 1));
            }
        }
        consentRequest(url, context.senderRegistrable()).ifPresent(scope -> findings.add(Finding.of("link.oauth-consent",
            OAUTH_CONSENT_SCORE, Category.PHISH, "asks the reader to grant an application access to their mailbox or files on "
                + host + " (" + scope + ")" + where)));
        if (freeHosting) {
            findings.add(Finding.of("link.free-hosting", FREE_HOSTING_SCORE, Category.PHISH,
                "page on free hosting / cloud storage: " + host + where));
        }
        if (ipfs(host, url.pathAndQuery())) {
            findings.add(Finding.of("link.ipfs", IPFS_SCORE, Category.PHISH,
                "page on IPFS, through the gateway " + host + " (nobody can take it down)" + where));
        }
        String suffix = UrlNormalizer.publicSuffix(host);
        if (LinkLists.RISKY_TLDS.contains(suffix)) {
            findings.add(Finding.of("link.risky-tld", RISKY_TLD_SCORE, Category.SPAM,
                "throwaway top-level domain ." + suffix + ": " + host + where));
        }
        context.displayedText().map(LinkAnalysis::unwrappedText).ifPresent(text -> displayedDomain(text).ifPresent(displayed -> {
            String displayedRegistrable = UrlNormalizer.registrable(displayed);
            // A newsletter's links to its own sites go through its sender's click counter (dilbert.com shown, the
            // publisher's ummail4.unitedmedia.com reached): no deceit, unless the text shows a brand's site.
            // So do the links of a newsletter sent through a bulk-mail service, whose click tracker is the service's
            // (u2814.ct.sendgrid.net reached, the sender's own northwindcoffee.com shown).
            boolean sendersTracking = (registrable.equals(context.senderRegistrable())
                || LinkLists.ESP_CLICK_TRACKERS.contains(registrable)
                    && displayedRegistrable.equals(context.senderRegistrable()))
                && brands.values().stream().noneMatch(domains -> domains.contains(displayedRegistrable));
            if (!displayedRegistrable.equals(registrable) && !related(displayedRegistrable, registrable) && !sendersTracking) {
                findings.add(Finding.of("link.text-mismatch", TEXT_MISMATCH_SCORE, Category.PHISH,
                    "link text shows " + displayed + " but leads to " + host + where));
            }
        }));
        return findings;
    }

    /**
     * Link text that is itself a wrapped URL (a client rewrote the text along with the link) shows the
     * wrapped destination; an opaque wrapper shows nothing to compare.
     */
    private static String unwrappedText(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 2_000 || !trimmed.regionMatches(true, 0, "http", 0, 4)
            || !LinkRewriters.mentionsService(trimmed)) {
            return text;
        }
        Optional<NormalizedUrl> shown = UrlNormalizer.normalize(trimmed);
        if (!shown.isPresent() || !LinkRewriters.unwrap(shown.get()).isPresent()) {
            return text;
        }
        NormalizedUrl destination = LinkRewriters.innermost(shown.get());
        return destination == shown.get() ? "" : destination.toString();
    }

    private static boolean related(String a, String b) {
        String labelA = UrlNormalizer.firstLabel(a);
        String labelB = UrlNormalizer.firstLabel(b);
        return labelA.equals(labelB);
    }

    private static boolean isLegitimateBrandLabel(String label, Map.Entry<String, ImmutableSet<String>> brand) {
        // e.g. paypal.co.jp is PayPal's own, even when not listed.
        return label.equals(brand.getKey());
    }

    private static String unicodeLabel(String unicodeHost, String registrable) {
        int labels = registrable.split("\\.").length;
        String[] parts = unicodeHost.split("\\.");
        int index = Math.max(0, parts.length - labels);
        return parts[index];
    }

    private Optional<String> indicator(NormalizedUrl url) {
        if (!indicatorDomains.isEmpty()) {
            String host = url.host();
            for (String domain : indicatorDomains) {
                if (host.equals(domain) || host.endsWith("." + domain)) {
                    return Optional.of("domain " + domain);
                }
            }
        }
        if (!indicatorUrls.isEmpty()) {
            String normalized = url.toString().toLowerCase(Locale.ROOT);
            String bare = normalized.replaceFirst("^[a-z]+://", "");
            for (String indicator : indicatorUrls) {
                String bareIndicator = indicator.replaceFirst("^[a-z]+://", "");
                if (bare.startsWith(bareIndicator)) {
                    return Optional.of("URL " + indicator);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> brandIn(String text) {
        for (String brand : brands.keySet()) {
            if (brand.length() >= 4 && text.contains(brand)) {
                return Optional.of(brand);
            }
        }
        return Optional.empty();
    }

    /** CDNs whose edge names carry their customer's host whole (www.example.com.edgekey.net). */
    private static final Set<String> CDN_EDGES = ImmutableSet.of("edgekey.net", "edgesuite.net", "akamaiedge.net",
        "cloudflare.net", "fastly.net", "azureedge.net");

    /**
     * The sender's whole domain written as the first labels of a host on another site
     * (cloudmesh-labs.io.docs-viewer.app from cloudmesh-labs.io): the reader sees the sender's own domain first. A
     * site's customers live under it with dashes or one label (acme.myshopify.com); a domain in dots under another is
     * a name built to be misread, except an S3 bucket, which Amazon's documentation names after the site it serves,
     * and a CDN's edge name for its customer's host.
     */
    private static boolean senderInSubdomain(String host, String registrable, String senderRegistrable) {
        if (senderRegistrable == null || !senderRegistrable.contains(".") || registrable.equals(senderRegistrable)
            || !host.endsWith("." + registrable) || isS3Bucket(host, registrable) || CDN_EDGES.contains(registrable)) {
            return false;
        }
        String subdomain = host.substring(0, host.length() - registrable.length() - 1);
        return ("." + subdomain + ".").contains("." + senderRegistrable + ".");
    }

    /** A brand name used as a whole label (or a hyphenated part) of a host on another registrable domain. */
    private Optional<String> brandInSubdomain(String host, String registrable) {
        if (host.equals(registrable) && !registrable.contains("-")) {
            return Optional.empty();
        }
        String registrableLabel = UrlNormalizer.firstLabel(registrable);
        String[] parts = host.split("[.-]");
        for (String part : parts) {
            ImmutableSet<String> domains = part.length() < 3 ? null : brands.get(part);
            if (domains != null && !domains.contains(registrable) && !registrableLabel.equals(part)
                && !ownTenant(host, part) && (!COMMON_WORD_BRANDS.contains(part) || hasAccountCue(parts))) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /**
     * Brand names that are also ordinary words: a vendor names its page about the product after it
     * (outlook.4team.biz, an Outlook add-on shop's, in thirteen newsletters of the corpus's ham), so for these
     * the host must also carry what a phishing host dresses itself with: a domain-looking label or an account word
     * (outlook.com-verify.xyz, apple.id-support.info, zoom.us-meeting.live).
     */
    private static final ImmutableSet<String> COMMON_WORD_BRANDS = ImmutableSet.of("outlook", "apple", "chase", "steam", "zoom");
    private static final ImmutableSet<String> ACCOUNT_CUES = ImmutableSet.of("com", "net", "org", "us", "login", "logon",
        "signin", "sign", "secure", "security", "verify", "verification", "account", "accounts", "auth", "update", "support",
        "billing", "id", "mail", "webmail", "web", "online", "service", "services", "office", "meeting", "pay", "payment",
        "wallet", "help", "customer", "recovery", "unlock", "confirm", "alert", "notice", "invoice", "owa", "portal",
        // what a fake meeting recording or file share is dressed with (zoom-cloud-recordings.net, apple-cloud-share.com)
        "cloud", "recording", "recordings", "share", "shared", "drive", "docs", "files");

    private static boolean hasAccountCue(String[] parts) {
        // The last label is the TLD itself (".com" says nothing); any other label may be the cue.
        for (int i = 0; i < parts.length - 1; i++) {
            if (ACCOUNT_CUES.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code host} is the workspace {@code name} has on a service that names each customer's host
     * after it ({@link LinkLists#TENANT_SAAS}): acme.atlassian.net, acme-my.sharepoint.com (OneDrive),
     * acme.my.salesforce.com. A name with other words (acme-payroll.zendesk.com) is not its workspace.
     */
    /** Whether {@code host} is the workspace of one of the organisation's {@code localDomains} ({@link #ownTenant}). */
    public static boolean ownWorkspace(String host, Set<String> localDomains) {
        return localDomains.stream().anyMatch(local -> ownTenant(host, UrlNormalizer.firstLabel(UrlNormalizer.registrable(local))));
    }

    static boolean ownTenant(String host, String name) {
        int dot = host.indexOf('.');
        if (dot <= 0 || !onList(LinkLists.TENANT_SAAS, host.substring(dot + 1))) {
            return false;
        }
        String tenant = host.substring(0, dot);
        if (tenant.endsWith("-my")) {
            tenant = tenant.substring(0, tenant.length() - 3);
        }
        return tenant.equals(name) || tenant.replace("-", "").equals(name.replace("-", ""));
    }

    /** An IPFS content path on any gateway ({@code /ipfs/<cid>}, {@code /ipns/<name>}) or a subdomain gateway ({@code <cid>.ipfs.host}). */
    private static boolean ipfs(String host, String pathAndQuery) {
        return pathAndQuery.startsWith("/ipfs/") || pathAndQuery.startsWith("/ipns/") || IPFS_SUBDOMAIN.matcher(host).find();
    }

    private static boolean isS3Bucket(String host, String registrable) {
        if (!host.endsWith(".amazonaws.com")) {
            return false;
        }
        for (String label : host.split("\\.")) {
            if (label.equals("s3") || label.startsWith("s3-") || label.startsWith("s3.")) {
                return true;
            }
        }
        return false;
    }

    /** The mailbox or file scope a consent link asks for, unless the grant returns to the sender's own domain. */
    private static Optional<String> consentRequest(NormalizedUrl url, String senderRegistrable) {
        String pathAndQuery = url.pathAndQuery();
        if (!CONSENT_PAGE.matcher(url.host()).matches() || !CONSENT_PATH.matcher(pathAndQuery).find()) {
            return Optional.empty();
        }
        Optional<String> scope = LinkRewriters.parameter(pathAndQuery, "scope").map(UrlNormalizer::percentDecode)
            .map(value -> value.replace('+', ' '));
        if (!scope.isPresent()) {
            return Optional.empty();
        }
        Matcher mailbox = MAILBOX_SCOPE.matcher(scope.get());
        if (!mailbox.find()) {
            return Optional.empty();
        }
        boolean ownApplication = LinkRewriters.parameter(pathAndQuery, "redirect_uri").map(UrlNormalizer::percentDecode)
            .flatMap(UrlNormalizer::normalize).map(NormalizedUrl::registrableDomain)
            .filter(returns -> !returns.isEmpty() && returns.equals(senderRegistrable)).isPresent();
        return ownApplication ? Optional.empty() : Optional.of("scope " + mailbox.group());
    }

    /**
     * The other site a link sends the reader on to: a redirect parameter holding a URL
     * ({@code ?url=https://...}), Bing's click tracker ({@code bing.com/ck/a?u=a1} + the URL in base64url)
     * and Google's AMP viewer ({@code google.com/amp/s/host/path}), all used to put a trusted name in front
     * of a phishing page.
     */
    private static Optional<NormalizedUrl> openRedirect(NormalizedUrl url) {
        String query = url.pathAndQuery();
        Optional<NormalizedUrl> special = trackerTarget(url, query);
        if (special.isPresent()) {
            return special.filter(target -> !target.registrableDomain().equals(url.registrableDomain()));
        }
        int q = query.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : query.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1);
            if (LinkLists.REDIRECT_PARAMETERS.contains(name) || FULL_URL.matcher(value).lookingAt()) {
                Matcher matcher = EMBEDDED_URL.matcher(value);
                if (matcher.find() && matcher.start() == 0) {
                    Optional<NormalizedUrl> target = UrlNormalizer.normalize(UrlNormalizer.percentDecode(value));
                    if (target.isPresent() && !target.get().host().isEmpty()
                        && !target.get().registrableDomain().equals(url.registrableDomain())) {
                        return target;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<NormalizedUrl> trackerTarget(NormalizedUrl url, String pathAndQuery) {
        String registrable = url.registrableDomain();
        if (registrable.equals("bing.com") && pathAndQuery.startsWith("/ck/a")) {
            return LinkRewriters.parameter(pathAndQuery, "u").filter(u -> u.startsWith("a1") && u.length() > 2)
                .flatMap(u -> LinkRewriters.base64Decoded(u.substring(2)));
        }
        if (registrable.startsWith("google.") && (pathAndQuery.startsWith("/amp/s/") || pathAndQuery.startsWith("/amp/"))) {
            boolean secure = pathAndQuery.startsWith("/amp/s/");
            String rest = pathAndQuery.substring(secure ? 7 : 5);
            return rest.isEmpty() ? Optional.empty()
                : UrlNormalizer.normalize((secure ? "https://" : "http://") + rest).filter(NormalizedUrl::isWeb);
        }
        return Optional.empty();
    }

    /** Whether {@code host} is on free hosting, cloud storage, a form builder or dynamic DNS ({@link LinkLists#FREE_HOSTING}). */
    public static boolean onFreeHosting(String host) {
        return onList(LinkLists.FREE_HOSTING, host);
    }

    static boolean onList(Set<String> list, String host) {
        String candidate = host;
        while (true) {
            if (list.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** The domain a link's visible text claims, when the text looks like a URL or a bare domain. */
    static Optional<String> displayedDomain(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 200 || trimmed.contains(" ")) {
            return Optional.empty();
        }
        Matcher matcher = DISPLAYED_DOMAIN.matcher(trimmed);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String domain = matcher.group(1).toLowerCase(Locale.ROOT);
        String suffix = UrlNormalizer.publicSuffix(domain);
        if (suffix.equals(domain) || !com.google.common.net.InternetDomainName.isValid(domain)) {
            return Optional.empty();
        }
        try {
            if (!com.google.common.net.InternetDomainName.from(domain).hasPublicSuffix()) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(domain);
    }

    /** The organisation's own host: the domain itself or one of its subdomains (whatever its suffix). */
    private static boolean isWithin(String host, String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return host.equals(lower) || host.endsWith("." + lower);
    }
}
