package io.rampart.core.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.Address;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.reports.Fingerprints;

/**
 * Consults what people taught Rampart: URLs, attachment hashes and senders of confirmed reports
 * (local indicators) score as threats; senders an admin allowed when releasing quarantined mail
 * score as legitimate.
 */
public final class LocalIndicatorAnalyzer implements Analyzer {
    public static final double URL_SCORE = 6;
    public static final double SHA256_SCORE = 10;
    public static final double SENDER_SCORE = 3;
    public static final double ALLOWED_SENDER_SCORE = -5;

    private final LocalIndicators indicators;
    private final AllowList allowList;

    public LocalIndicatorAnalyzer(LocalIndicators indicators, AllowList allowList) {
        this.indicators = indicators;
        this.allowList = allowList;
    }

    @Override
    public String name() {
        return "local-indicators";
    }

    /**
     * One allow-list read and, when there are local indicators at all, one indicator read per message
     * (each a single round trip on Redis).
     */
    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        String from = message.from().map(Address::address).orElse(null);
        String sender = context.envelopeSender().orElse(from);
        List<String> senders = new ArrayList<>();
        Optional.ofNullable(from).ifPresent(senders::add);
        Optional.ofNullable(sender).ifPresent(senders::add);
        Set<String> allowed = senders.isEmpty() ? Set.of() : allowList.allowed(senders);
        boolean fromAllowed = from != null && allowed.contains(from.trim().toLowerCase(Locale.ROOT));
        if (fromAllowed || sender != null && allowed.contains(sender.trim().toLowerCase(Locale.ROOT))) {
            report.add("local.allowed-sender", ALLOWED_SENDER_SCORE, Category.HAM,
                "sender " + (fromAllowed ? from : sender) + " is on the local allow list");
        }
        // Collecting the URLs means a regular expression over every text and HTML source: not done
        // while there is no indicator to compare them with (the usual case).
        if (indicators.isEmpty()) {
            return;
        }
        List<String> urls = new ArrayList<>(Fingerprints.urls(message));
        List<Indicator> candidates = new ArrayList<>();
        Optional.ofNullable(from).map(Indicator::sender).ifPresent(candidates::add);
        urls.forEach(url -> candidates.add(Indicator.url(url)));
        message.attachments().forEach(attachment -> candidates.add(Indicator.sha256(attachment.sha256())));
        Set<Indicator> known = indicators.present(candidates);
        if (known.isEmpty()) {
            return;
        }
        if (from != null && known.contains(Indicator.sender(from))) {
            report.add("local.indicator.sender", SENDER_SCORE, Category.PHISH, "sender " + from + " was reported and confirmed");
        }
        urls.stream().filter(url -> known.contains(Indicator.url(url))).findFirst().ifPresent(url ->
            report.add("local.indicator.url", URL_SCORE, Category.PHISH, "URL " + url + " was reported and confirmed"));
        message.attachments().stream().filter(attachment -> known.contains(Indicator.sha256(attachment.sha256()))).findFirst()
            .ifPresent(attachment -> report.add("local.indicator.sha256", SHA256_SCORE, Category.MALWARE,
                "attachment " + attachment.describe() + " matches a reported file"));
    }
}
