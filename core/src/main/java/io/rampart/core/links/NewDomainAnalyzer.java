package io.rampart.core.links;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.util.Durations;

/**
 * {@code link.newly-seen}: inbound mail linking to a domain the organisation's mail had never linked to
 * before {@code detection.newDomains.window} ago (its first appearance, or within days of it). Every
 * flow's links teach the {@link DomainHistory}; only inbound mail is judged, and only once the history
 * is older than {@code detection.newDomains.warmUp}. One finding per message (the score does not grow with
 * the number of new domains); the organisation's own domains never count.
 */
public final class NewDomainAnalyzer implements Analyzer {
    public static final String RULE = "link.newly-seen";
    public static final double SCORE = 1.0;
    /** Domains looked up per message. */
    public static final int MAX_DOMAINS = 50;

    private final DomainHistory history;
    private final Duration window;
    private final Duration warmUp;

    public NewDomainAnalyzer(DomainHistory history, DetectionSettings settings) {
        this.history = history;
        this.window = settings.newDomainWindow();
        this.warmUp = settings.newDomainWarmUp();
    }

    @Override
    public String name() {
        return "new-domains";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        if (window.isZero()) {
            return;
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String url : report.urls()) {
            if (domains.size() >= MAX_DOMAINS) {
                break;
            }
            UrlNormalizer.normalize(url).filter(NormalizedUrl::isWeb).filter(u -> !u.ipLiteral())
                .map(u -> u.registrableDomain().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty() && !context.isLocalDomain(domain))
                .ifPresent(domains::add);
        }
        if (domains.isEmpty()) {
            return;
        }
        Instant now = context.now();
        Map<String, Instant> firstSeen = history.firstSeen(domains, now, context.record());
        if (context.flow() != Flow.INBOUND || !history.warmedUp(now, warmUp)) {
            return;
        }
        firstSeen.entrySet().stream()
            .filter(entry -> entry.getValue().plus(window).isAfter(now))
            .findFirst()
            .ifPresent(entry -> {
                Duration age = Duration.between(entry.getValue(), now);
                report.add(RULE, SCORE, Category.PHISH, "links to " + entry.getKey() + ", "
                    + (age.getSeconds() < 60 ? "a domain the organisation's mail never linked to before"
                        : "first seen in the organisation's mail " + Durations.describe(age.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)) + " ago"));
            });
    }
}
