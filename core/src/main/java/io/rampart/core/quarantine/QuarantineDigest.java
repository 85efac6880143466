package io.rampart.core.quarantine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.google.common.collect.ImmutableMap;

/**
 * The quarantine digest: for each local recipient, the mail held for them since the last digest,
 * as a plain-text message body (sender, subject, date, reason).
 */
public final class QuarantineDigest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private QuarantineDigest() {
    }

    /**
     * Entries per recipient (lower-case address), kept when the recipient passes {@code recipientFilter}
     * and the entry is at or after {@code since}, oldest first.
     */
    public static ImmutableMap<String, List<QuarantineEntry>> byRecipient(List<QuarantineEntry> entries, Instant since,
                                                                          Predicate<String> recipientFilter) {
        Map<String, List<QuarantineEntry>> result = new TreeMap<>();
        for (QuarantineEntry entry : entries) {
            if (entry.time().isBefore(since)) {
                continue;
            }
            for (String recipient : entry.recipients()) {
                String lower = recipient.toLowerCase(Locale.ROOT);
                if (recipientFilter.test(lower)) {
                    result.computeIfAbsent(lower, k -> new ArrayList<>()).add(entry);
                }
            }
        }
        result.values().forEach(list -> list.sort(Comparator.comparing(QuarantineEntry::time)));
        return ImmutableMap.copyOf(result);
    }

    public static String subject(int count) {
        return "[Rampart] " + count + (count == 1 ? " message was" : " messages were") + " quarantined for you";
    }

    public static String body(String recipient, List<QuarantineEntry> entries) {
        StringBuilder body = new StringBuilder()
            .append("Rampart held the following messages addressed to ").append(recipient)
            .append(". They were not delivered.\n\n");
        for (QuarantineEntry entry : entries) {
            body.append("- Date:    ").append(DATE.format(entry.time())).append('\n')
                .append("  From:    ").append(entry.sender().orElse("<>")).append('\n')
                .append("  Subject: ").append(entry.subject().isEmpty() ? "(no subject)" : entry.subject()).append('\n')
                .append("  Reason:  ").append(entry.reason().isEmpty() ? entry.verdictClass() : entry.reason()).append('\n')
                .append("  Id:      ").append(entry.id()).append("\n\n");
        }
        body.append("If one of them is legitimate, ask your administrator to release it (quote its Id).\n");
        return body.toString();
    }
}
