package io.rampart.core.intel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.IntelSettings;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.verdict.VerdictClass;

/**
 * Live detection from threat intelligence: every URL in the text and HTML parts (recorded on the
 * verdict for the ledger), their hosts and parent domains, attachment hashes, the From and
 * envelope senders and the Message-ID are looked up in the indicator store; each active match
 * adds a finding of the indicator's class ({@code intel.url}, {@code intel.domain}, ...).
 */
public final class IntelAnalyzer implements Analyzer {
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    private static final int MAX_URLS = 500;

    private final IntelSettings settings;
    private final IndicatorStore indicators;

    public IntelAnalyzer(IntelSettings settings, IndicatorStore indicators) {
        this.settings = settings;
        this.indicators = indicators;
    }

    @Override
    public String name() {
        return "intel";
    }

    public static Set<String> urls(ParsedMessage message) {
        Set<String> urls = new LinkedHashSet<>();
        for (TextPart part : message.texts()) {
            collect(part.text(), urls);
            part.html().ifPresent(html -> collect(html, urls));
        }
        return urls;
    }

    private static void collect(String text, Set<String> urls) {
        if (urls.size() >= MAX_URLS) {
            return;
        }
        io.rampart.core.text.UrlScan.findAll(URL, text, matcher -> {
            String url = matcher.group().replaceAll("[.,;:!?)\\]}>]+$", "");
            urls.add(url.replace("&amp;", "&"));
            return urls.size() < MAX_URLS;
        });
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        Set<String> urls = urls(message);
        urls.forEach(report::url);
        Set<String> hosts = new LinkedHashSet<>();
        for (String url : urls) {
            check(IndicatorType.URL, RecallCriteria.normalizeUrl(url), "URL " + url, report);
            String host = RecallCriteria.host(url);
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        message.from().ifPresent(from -> {
            check(IndicatorType.SENDER, from.address().toLowerCase(java.util.Locale.ROOT), "From " + from.address(), report);
            hosts.add(from.domain().toLowerCase(java.util.Locale.ROOT));
        });
        context.envelopeSender().ifPresent(sender -> {
            if (message.from().map(from -> !from.address().equalsIgnoreCase(sender)).orElse(true)) {
                check(IndicatorType.SENDER, sender, "envelope sender " + sender, report);
            }
        });
        Set<String> domainsChecked = new LinkedHashSet<>();
        for (String host : hosts) {
            String domain = host;
            while (domain.contains(".")) {
                if (domainsChecked.add(domain)) {
                    check(IndicatorType.DOMAIN, domain, "domain " + domain + " (of " + host + ")", report);
                }
                domain = domain.substring(domain.indexOf('.') + 1);
            }
        }
        for (Attachment attachment : message.attachments()) {
            check(IndicatorType.SHA256, attachment.sha256(), "attachment " + attachment.describe(), report);
        }
        message.messageId().ifPresent(id -> check(IndicatorType.MESSAGE_ID, IndicatorType.MESSAGE_ID.normalize(id),
            "Message-ID " + id, report));
    }

    private void check(IndicatorType type, String value, String where, ScanReport report) {
        List<Indicator> found = indicators.find(type, value);
        for (Indicator indicator : found) {
            double score = indicator.confidence() >= settings.minConfidence() ? settings.matchScore() : settings.matchScore() / 2;
            report.add("intel." + type.asString().toLowerCase(java.util.Locale.ROOT), score, category(indicator.verdict()),
                where + " is listed as " + indicator.verdict().asString() + " by " + indicator.source()
                    + " (confidence " + indicator.confidence() + ")");
        }
    }

    private static Category category(VerdictClass verdict) {
        switch (verdict) {
            case MALWARE:
                return Category.MALWARE;
            case SPAM:
                return Category.SPAM;
            default:
                return Category.PHISH;
        }
    }
}
