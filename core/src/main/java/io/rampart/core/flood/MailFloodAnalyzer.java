package io.rampart.core.flood;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.state.WindowStore;
import io.rampart.core.util.Durations;

/**
 * {@code inbound.mail-flood}: a local recipient who received inbound mail from at least
 * {@code detection.flood.senders} different outside domains within {@code detection.flood.window} is being
 * mail-bombed: an attacker signs the address up to hundreds of newsletters and services at once so that the
 * flood buries a real alert, and, in the help-desk scams of 2024-2026 (Microsoft's Storm-1811, Black Basta),
 * calls next as the reader's IT offering to stop it. Each further message from outside to that recipient while
 * the flood lasts gets the finding (3.0, spam by default: sign-up confirmations and newsletters then reach the spam
 * threshold and leave the inbox, while mail the rest of the engine trusts stays), and the verdict says so, for the
 * security team and for the reader.
 *
 * <p>Counted in the state store's sliding windows (with Redis, across every James node): one event per sender
 * domain, so a single newsletter sending twenty messages counts once. Only inbound mail from outside is counted;
 * trial scans ({@link ScanContext#record()} false) count nothing.
 */
public final class MailFloodAnalyzer implements Analyzer {
    public static final String RULE = "inbound.mail-flood";
    public static final double SCORE = 3.0;
    /** Window keys: one per recipient. */
    static final String KEY_PREFIX = "flood.recipient.";
    /** Recipients counted per message (a mail to a whole list counts for its first ones). */
    static final int MAX_RECIPIENTS = 50;

    private final WindowStore windows;
    private final Duration window;
    private final int senders;

    public MailFloodAnalyzer(WindowStore windows, DetectionSettings settings) {
        this.windows = windows;
        this.window = settings.floodWindow();
        this.senders = settings.floodSenders();
    }

    @Override
    public String name() {
        return "mail-flood";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        if (window.isZero() || senders <= 0 || context.flow() != Flow.INBOUND || context.authenticatedUser().isPresent()
            || !context.record()) {
            return;
        }
        Optional<String> senderDomain = senderDomain(message, context);
        if (senderDomain.isEmpty() || context.isLocalDomain(senderDomain.get())) {
            return;
        }
        Set<String> recipients = new LinkedHashSet<>();
        for (String recipient : context.recipients()) {
            int at = recipient.lastIndexOf('@');
            if (at > 0 && context.isLocalDomain(recipient.substring(at + 1)) && recipients.size() < MAX_RECIPIENTS) {
                recipients.add(recipient.toLowerCase(Locale.ROOT));
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        List<String> ordered = new ArrayList<>(recipients);
        // One round trip for all the recipients' windows (Redis).
        List<Long> sums = windows.addAndSumAll(senderDomain.get(), context.now(), ordered.stream()
            .map(recipient -> WindowStore.WindowAdd.of(KEY_PREFIX + recipient, 1, window)).collect(Collectors.toList()));
        for (int i = 0; i < ordered.size(); i++) {
            long distinct = sums.get(i);
            if (distinct >= senders) {
                report.add(RULE, SCORE, Category.SPAM, ordered.get(i) + " received mail from " + distinct + " different"
                    + " outside domains in the last " + Durations.describe(window) + ": a mail bomb (sign-ups to newsletters by"
                    + " the hundred), often followed by a call from someone posing as IT to \"stop it\"");
                return;
            }
        }
    }

    /** The flooded recipient a finding of this rule names (its detail starts with the address). */
    public static String recipientOf(io.rampart.core.analysis.Finding finding) {
        String detail = finding.detail();
        int space = detail.indexOf(' ');
        return space < 0 ? detail : detail.substring(0, space);
    }

    /** The From's registrable domain, else the envelope sender's. */
    private static Optional<String> senderDomain(ParsedMessage message, ScanContext context) {
        Optional<String> domain = message.from().map(from -> from.domain()).filter(d -> !d.isEmpty());
        if (domain.isEmpty()) {
            domain = context.envelopeSender().filter(sender -> sender.lastIndexOf('@') > 0)
                .map(sender -> sender.substring(sender.lastIndexOf('@') + 1));
        }
        return domain.map(d -> UrlNormalizer.registrable(d.toLowerCase(Locale.ROOT))).filter(d -> !d.isEmpty());
    }
}
