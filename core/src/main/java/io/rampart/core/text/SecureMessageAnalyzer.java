package io.rampart.core.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.NormalizedUrl;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.Address;
import io.rampart.core.message.ParsedMessage;

/**
 * {@code text.secure-message-elsewhere}: the fake "you have received a secure message from accounts@partner.com"
 * notice. Real ones link to the encryption service (Proofpoint, Zix, Virtru, Microsoft's message encryption...) or to
 * the named sender's own portal (securemail.partner.com); the lure names a partner and links to a domain of its own.
 * The finding needs the notice's words, an address the notice says the message is from, at another domain than the
 * mail's, and no link to that domain or to a secure-mail service. Not from the organisation's own domains.
 */
public final class SecureMessageAnalyzer implements Analyzer {
    public static final double SCORE = 3.0;
    public static final int MAX_CHARS = 4_000;

    /** "You have received a secure, encrypted message", "read your secure message" (the adjectives a notice strings together). */
    private static final Pattern NOTICE = Pattern.compile(
        "\\b(?:you(?: have|'ve)? (?:received|been sent|got) (?:a |an |\\d+ )?|(?:read|view|open) (?:the|your|this) )"
            + "(?:(?:new|secure|encrypted|protected|confidential),? (?:and )?){1,3}(?:message|e-?mail|document|file)s?\\b");
    /** Words every notice has: the patterns run only where one is. */
    private static final String[] NOTICE_CUES = {"secure", "encrypted", "protected"};
    private static final String[] CHINESE_NOTICE_CUES = {"加密", "安全邮件"};
    private static final String[] CHINESE_NOTICE = {"您收到一封加密邮件", "你收到一封加密邮件", "收到一封安全邮件", "查看加密邮件"};
    /** "... a secure message from accounts@northwind-finance.com": the address it names as the message's sender. */
    private static final Pattern NAMED_SENDER = Pattern.compile(
        "\\bfrom:?\\s+(?:[^<@\\s]{1,60}\\s+)?<?([a-z0-9._%+-]{1,64}@([a-z0-9-]+(?:\\.[a-z0-9-]+)+))");
    /** Encryption and secure-file services whose portals such notices link to. */
    private static final ImmutableSet<String> SERVICES = ImmutableSet.of(
        "proofpoint.com", "zixmessagecenter.com", "zixcorp.com", "zixmail.net", "virtru.com", "office365.com", "outlook.com",
        "office.com", "microsoft.com", "microsoftonline.com", "mimecast.com", "cisco.com", "egress.com", "echoworx.net",
        "trendmicro.com", "sophos.com", "datamotion.com", "paubox.com", "barracuda.com", "sendsafely.com", "kiteworks.com",
        "accellion.net", "tutanota.com", "proton.me", "protonmail.com", "hornetsecurity.com", "retarus.com");

    @Override
    public String name() {
        return "secure-message";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        Optional<Address> from = message.from();
        if (from.isEmpty() || from.get().domain().isEmpty() || context.isLocalDomain(from.get().domain())
            || report.urls().isEmpty()) {
            return;
        }
        String text = message.leadingText(MAX_CHARS);
        String folded = text.toLowerCase(Locale.ROOT);
        if (!Warnings.containsAny(folded, NOTICE_CUES) && !Warnings.containsAny(text, CHINESE_NOTICE_CUES)) {
            return;
        }
        String lower = Lures.collapseWhitespace(folded);
        Matcher notice = NOTICE.matcher(lower);
        String words = null;
        while (notice.find()) {
            String group = notice.group();
            if (group.contains("secure") || group.contains("encrypted") || group.contains("protected")) {
                words = group;
                break;
            }
        }
        if (words == null) {
            String chinese = Lures.withoutWhitespace(text);
            words = Arrays.stream(CHINESE_NOTICE).filter(chinese::contains).findFirst().orElse(null);
            if (words == null) {
                return;
            }
        }
        String sender = UrlNormalizer.registrable(from.get().domain());
        Matcher named = NAMED_SENDER.matcher(lower);
        String namedAddress = null;
        String namedDomain = null;
        while (named.find()) {
            String domain = UrlNormalizer.registrable(named.group(2));
            if (!domain.equals(sender)) {
                namedAddress = named.group(1);
                namedDomain = domain;
                break;
            }
        }
        if (namedDomain == null) {
            return;
        }
        String firstHost = null;
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isEmpty() || !url.get().isWeb()) {
                continue;
            }
            String registrable = url.get().registrableDomain();
            if (registrable.equals(namedDomain) || SERVICES.contains(registrable)) {
                return;
            }
            if (firstHost == null) {
                firstHost = url.get().host();
            }
        }
        if (firstHost == null) {
            return;
        }
        report.add("text.secure-message-elsewhere", SCORE, Category.PHISH, "announces a secure message ('" + words
            + "') from " + namedAddress + ", but the mail is from " + from.get().address() + " and links to " + firstHost
            + ", neither that sender's domain nor a secure-mail service");
    }
}
