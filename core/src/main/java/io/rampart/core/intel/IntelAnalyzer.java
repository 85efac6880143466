package io.rampart.core.intel;

import java.util.ArrayList;
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

    /**
     * Collects every lookup first and asks the store once ({@link IndicatorStore#findAll}: one round
     * trip on Redis however many URLs and domains the mail has), then reports matches in order.
     */
    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        Checks checks = new Checks();
        Set<String> urls = urls(message);
        urls.forEach(report::url);
        Set<String> hosts = new LinkedHashSet<>();
        for (String url : urls) {
            checks.add(IndicatorType.URL, RecallCriteria.normalizeUrl(url), "URL " + url);
            String host = RecallCriteria.host(url);
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        message.from().ifPresent(from -> {
            checks.add(IndicatorType.SENDER, from.address().toLowerCase(java.util.Locale.ROOT), "From " + from.address());
            hosts.add(from.domain().toLowerCase(java.util.Locale.ROOT));
        });
        context.envelopeSender().ifPresent(sender -> {
            if (message.from().map(from -> !from.address().equalsIgnoreCase(sender)).orElse(true)) {
                checks.add(IndicatorType.SENDER, sender, "envelope sender " + sender);
            }
        });
        Set<String> domainsChecked = new LinkedHashSet<>();
        for (String host : hosts) {
            String domain = host;
            while (domain.contains(".")) {
                if (domainsChecked.add(domain)) {
                    checks.add(IndicatorType.DOMAIN, domain, "domain " + domain + " (of " + host + ")");
                }
                domain = domain.substring(domain.indexOf('.') + 1);
            }
        }
        for (Attachment attachment : message.attachments()) {
            checks.add(IndicatorType.SHA256, attachment.sha256(), "attachment " + attachment.describe());
        }
        message.messageId().ifPresent(id -> checks.add(IndicatorType.MESSAGE_ID, IndicatorType.MESSAGE_ID.normalize(id),
            "Message-ID " + id));
        if (checks.lookups.isEmpty()) {
            return;
        }
        List<List<Indicator>> found = indicators.findAll(checks.lookups);
        for (int i = 0; i < found.size(); i++) {
            report(checks.lookups.get(i).type(), checks.wheres.get(i), found.get(i), report);
        }
    }

    /** The lookups of one message and where in the message each value was found. */
    private static final class Checks {
        private final List<IndicatorStore.Lookup> lookups = new ArrayList<>();
        private final List<String> wheres = new ArrayList<>();

        void add(IndicatorType type, String value, String where) {
            lookups.add(IndicatorStore.Lookup.of(type, value));
            wheres.add(where);
        }
    }

    private void report(IndicatorType type, String where, List<Indicator> found, ScanReport report) {
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
