package io.rampart.core.links;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

/**
 * Finds every URL of a message, reports each one ({@link ScanReport#url}), and runs
 * {@link LinkAnalysis} on it. A rule scores once per message (the first, strongest occurrence);
 * later hits of the same rule are kept as zero-score evidence so a newsletter full of tracked
 * links does not pile up points. Also flags HTML forms that ask for a password.
 */
public final class LinksAnalyzer implements Analyzer {
    public static final double CREDENTIAL_FORM_SCORE = 3.5;
    public static final double EXTERNAL_FORM_SCORE = 0.3;
    public static final double META_REFRESH_SCORE = 1.0;
    public static final double SCRIPT_REDIRECT_SCORE = 3.0;
    private static final int MAX_EVIDENCE_PER_RULE = 3;
    private static final java.util.Set<String> EMBEDDED_RULES = com.google.common.collect.ImmutableSet.of(
        "link.indicator", "link.ip-host", "link.userinfo", "link.lookalike-local", "link.lookalike-brand",
        "link.local-in-subdomain");
    private static final java.util.regex.Pattern SCRIPT_REDIRECT = java.util.regex.Pattern.compile(
        "(?i)(?:location(?:\\.href)?\\s*=|location\\.(?:replace|assign)\\s*\\()\\s*[\"']((?:https?:)?//[^\"'\\s]+)");

    private final LinkAnalysis analysis;
    private final int maxUrls;

    public LinksAnalyzer(LinkAnalysis analysis, int maxUrls) {
        this.analysis = analysis;
        this.maxUrls = maxUrls;
    }

    @Override
    public String name() {
        return "links";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        List<FoundLink> links = new ArrayList<>();
        int cap = maxUrls * 3;
        for (TextPart part : message.texts()) {
            if (context.deadlineExceeded()) {
                report.incomplete("link.incomplete", "time budget exhausted while extracting links");
                return;
            }
            if (part.html().isPresent()) {
                Document document = io.rampart.core.message.HtmlCache.document(part);
                UrlExtractor.fromHtml(document, part.path(), links, cap);
                forms(document, part.path(), message, report);
                scriptRedirect(document, part.path(), links, cap, report);
            } else {
                UrlExtractor.fromText(part.text(), part.path(), links, cap);
            }
        }
        Map<String, Integer> scoredRules = new LinkedHashMap<>();
        // Read from the text only when an archive is linked (most mail links none).
        java.util.function.Supplier<Optional<String>> passwordHint = com.google.common.base.Suppliers.memoize(
            () -> io.rampart.core.text.PasswordHints.find(message.allText()));
        Set<String> seen = new HashSet<>();
        String senderRegistrable = UrlNormalizer.registrable(message.from().map(a -> a.domain()).orElse(""));
        java.util.function.Supplier<Set<String>> recipients = com.google.common.base.Suppliers.memoize(
            () -> recipients(message, context));
        int analysed = 0;
        for (FoundLink link : links) {
            if (context.deadlineExceeded()) {
                report.incomplete("link.incomplete", "time budget exhausted after " + analysed + " links");
                return;
            }
            if (link.source() == FoundLink.Source.HREF) {
                ProtocolHandlers.check(link.raw(), senderRegistrable, describe(link))
                    .ifPresent(finding -> add(report, scoredRules, finding));
            }
            Optional<NormalizedUrl> url = analysis.normalize(link.raw());
            if (!url.isPresent()) {
                continue;
            }
            String key = url.get().toString() + "|" + link.displayedText().orElse("");
            if (!seen.add(key)) {
                continue;
            }
            if (analysed >= maxUrls) {
                report.incomplete("link.cap", "more than " + maxUrls + " distinct links: the rest were not analysed");
                break;
            }
            analysed++;
            // Behind a link-protection wrapper, the destination counts too (recall, indicators, the model).
            NormalizedUrl destination = LinkRewriters.innermost(url.get());
            if (!url.get().scheme().equals("data")) {
                report.url(url.get().toString());
                if (destination != url.get()) {
                    report.url(destination.toString());
                }
            }
            String origin = describe(link);
            if (link.source() != FoundLink.Source.SRC && link.raw().indexOf('#') >= 0) {
                RecipientInLink.check(link.raw(), url.get(), recipients.get(), senderRegistrable, context.localDomains(),
                    origin).ifPresent(finding -> add(report, scoredRules, finding));
            }
            if (link.source() == FoundLink.Source.META_REFRESH) {
                add(report, scoredRules, Finding.of("link.meta-refresh", META_REFRESH_SCORE, Category.PHISH,
                    "page refreshes to " + url.get() + " (" + origin + ")"));
            }
            for (Finding finding : analysis.analyze(url.get(),
                LinkContext.of(context.localDomains(), origin, link.displayedText())
                    .from(message.from().map(a -> a.domain()).orElse("")))) {
                if (link.source() == FoundLink.Source.SRC && !EMBEDDED_RULES.contains(finding.rule())) {
                    // Images and frames are not destinations: hosting them on a bucket or a cheap TLD is common.
                    continue;
                }
                add(report, scoredRules, finding);
            }
            if (link.source() != FoundLink.Source.SRC && link.source() != FoundLink.Source.FORM_ACTION) {
                Optional<String> file = Downloads.risky(destination, message.from().map(a -> a.domain()).orElse(""));
                if (file.isPresent()) {
                    boolean cms = Downloads.inCmsFolder(destination);
                    add(report, scoredRules, Finding.of(Downloads.RULE, Downloads.score(file.get())
                        + (cms ? Downloads.CMS_FOLDER_SCORE : 0), Category.MALWARE, "link downloads '" + file.get() + "' from "
                        + destination.host() + (cms ? "'s WordPress upload folders (where hijacked sites keep malware)" : "")
                        + ", not the sender's site (" + origin + ")"));
                    if (Downloads.isArchive(file.get())) {
                        passwordHint.get().ifPresent(hint -> add(report, scoredRules, Finding.of(Downloads.PASSWORD_RULE,
                            Downloads.PASSWORD_SCORE, Category.MALWARE, "link downloads the archive '" + file.get() + "' from "
                                + destination.host() + " and the message gives a password (" + hint + "): an encrypted"
                                + " archive no scanner can open (" + origin + ")")));
                    }
                }
            }
        }
    }

    /** The message's recipients, lower case: the envelope's and the To and Cc headers' (the CLI has no envelope). */
    private static Set<String> recipients(ParsedMessage message, ScanContext context) {
        Set<String> recipients = new HashSet<>();
        context.recipients().forEach(r -> recipients.add(r.toLowerCase(Locale.ROOT)));
        java.util.stream.Stream.concat(message.to().stream(), message.cc().stream())
            .forEach(a -> recipients.add(a.address().toLowerCase(Locale.ROOT)));
        recipients.removeIf(r -> r.indexOf('@') <= 0 || r.indexOf('@') == r.length() - 1);
        return recipients;
    }

    private static String describe(FoundLink link) {
        switch (link.source()) {
            case HREF:
                return "link in part " + link.part();
            case SRC:
                return "embedded resource in part " + link.part();
            case FORM_ACTION:
                return "form target in part " + link.part();
            case META_REFRESH:
                return "meta refresh in part " + link.part();
            default:
                return "text of part " + link.part();
        }
    }

    private static void add(ScanReport report, Map<String, Integer> scoredRules, Finding finding) {
        int count = scoredRules.merge(finding.rule(), 1, Integer::sum);
        if (count == 1) {
            report.add(finding);
        } else if (count <= MAX_EVIDENCE_PER_RULE) {
            report.add(Finding.of(finding.rule(), 0, finding.category(), finding.detail()));
        }
    }

    /** A script that sends the reader elsewhere as soon as the mail is opened. */
    private static void scriptRedirect(Document document, String part, List<FoundLink> links, int cap,
                                       ScanReport report) {
        for (Element script : document.select("script")) {
            java.util.regex.Matcher matcher = SCRIPT_REDIRECT.matcher(script.data());
            if (matcher.find()) {
                report.add("link.script-redirect", SCRIPT_REDIRECT_SCORE, Category.PHISH,
                    "script in part " + part + " redirects the reader to " + matcher.group(1));
                if (links.size() < cap) {
                    links.add(FoundLink.of(matcher.group(1), FoundLink.Source.OTHER, part, Optional.empty()));
                }
                return;
            }
        }
    }

    private void forms(Document document, String part, ParsedMessage message, ScanReport report) {
        for (Element form : document.select("form")) {
            boolean password = !form.select("input[type=password]").isEmpty();
            String names = form.select("input").eachAttr("name").toString().toLowerCase(Locale.ROOT);
            boolean asksCredentials = password || names.contains("pass") || names.contains("pwd")
                || names.contains("card") || names.contains("cvv") || names.contains("ssn");
            if (asksCredentials) {
                report.add("link.credential-form", CREDENTIAL_FORM_SCORE, Category.PHISH,
                    "HTML form in part " + part + " asks for a password or card details");
                return;
            }
            String action = form.attr("action");
            if (!action.isEmpty() && !form.select("input[type=text], input[type=email], input:not([type])").isEmpty()) {
                report.add("link.external-form", EXTERNAL_FORM_SCORE, Category.PHISH,
                    "HTML form in part " + part + " posts typed data to " + action);
                return;
            }
        }
    }
}
