package io.rampart.core.feedback;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
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

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        String from = message.from().map(Address::address).orElse(null);
        String sender = context.envelopeSender().orElse(from);
        if (from != null && allowList.isAllowed(from) || sender != null && allowList.isAllowed(sender)) {
            report.add("local.allowed-sender", ALLOWED_SENDER_SCORE, Category.HAM,
                "sender " + (from != null && allowList.isAllowed(from) ? from : sender) + " is on the local allow list");
        }
        if (indicators.all().isEmpty()) {
            return;
        }
        if (from != null && indicators.contains(Indicator.sender(from))) {
            report.add("local.indicator.sender", SENDER_SCORE, Category.PHISH, "sender " + from + " was reported and confirmed");
        }
        for (String url : Fingerprints.urls(message)) {
            if (indicators.contains(Indicator.url(url))) {
                report.add("local.indicator.url", URL_SCORE, Category.PHISH, "URL " + url + " was reported and confirmed");
                break;
            }
        }
        for (Attachment attachment : message.attachments()) {
            if (indicators.contains(Indicator.sha256(attachment.sha256()))) {
                report.add("local.indicator.sha256", SHA256_SCORE, Category.MALWARE,
                    "attachment " + attachment.describe() + " matches a reported file");
                break;
            }
        }
    }
}
