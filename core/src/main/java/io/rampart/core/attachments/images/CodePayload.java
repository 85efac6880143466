package io.rampart.core.attachments.images;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a decoded barcode carries: a URL to follow, a payment request (PIX and other EMV merchant
 * codes, SEPA/EPC and Swiss bills, UPI, crypto-currency URIs and bare wallet addresses), a contact
 * or network card (vCard, MeCard, Wi-Fi), or plain text.
 */
public final class CodePayload {
    /** The families that decide how a code is judged. */
    public enum Kind {
        URL, PAYMENT, CONTACT, TEXT
    }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s\"'<>]+");
    private static final Pattern CRYPTO_URI = Pattern.compile(
        "(?i)^(bitcoin|bitcoincash|ethereum|litecoin|monero|dogecoin|tron|ripple|solana|usdt|tether):.+");
    private static final Pattern WALLET = Pattern.compile(
        "^(?:bc1[a-z0-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33})$");

    private final Kind kind;
    private final String description;
    private final Optional<String> url;

    private CodePayload(Kind kind, String description, Optional<String> url) {
        this.kind = kind;
        this.description = description;
        this.url = url;
    }

    public static CodePayload classify(String text) {
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("000201")) {
            String scheme = lower.contains("br.gov.bcb.pix") ? "PIX payment" : "EMV merchant payment";
            return new CodePayload(Kind.PAYMENT, scheme + " request", Optional.empty());
        }
        if (lower.startsWith("bcd\n") || lower.startsWith("bcd\r\n")) {
            return new CodePayload(Kind.PAYMENT, "SEPA credit transfer (EPC) request", Optional.empty());
        }
        if (lower.startsWith("spc\n") || lower.startsWith("spc\r\n")) {
            return new CodePayload(Kind.PAYMENT, "Swiss QR-bill payment request", Optional.empty());
        }
        if (lower.startsWith("upi://pay") || lower.startsWith("bank:") || lower.startsWith("payto:")) {
            return new CodePayload(Kind.PAYMENT, "bank payment request", Optional.empty());
        }
        if (trimmed.matches("\\d{44}|\\d{47,48}")) {
            // 44 digits is the bar code of a Brazilian bank slip (boleto), 47/48 its typed line.
            return new CodePayload(Kind.PAYMENT, "bank slip (boleto) payment", Optional.empty());
        }
        if (CRYPTO_URI.matcher(trimmed).matches() || WALLET.matcher(trimmed).matches()) {
            return new CodePayload(Kind.PAYMENT, "crypto-currency payment address", Optional.empty());
        }
        if (lower.startsWith("begin:vcard") || lower.startsWith("mecard:") || lower.startsWith("wifi:")
            || lower.startsWith("mailto:") || lower.startsWith("tel:") || lower.startsWith("smsto:")
            || lower.startsWith("sms:") || lower.startsWith("geo:") || lower.startsWith("begin:vevent")) {
            Optional<String> inner = firstUrl(trimmed);
            return new CodePayload(Kind.CONTACT, "contact or network card", inner);
        }
        Matcher matcher = URL.matcher(trimmed);
        if (matcher.find() && matcher.start() == 0) {
            return new CodePayload(Kind.URL, "link", Optional.of(clean(matcher.group())));
        }
        return new CodePayload(Kind.TEXT, "text", firstUrl(trimmed));
    }

    private static Optional<String> firstUrl(String text) {
        Matcher matcher = URL.matcher(text);
        return matcher.find() ? Optional.of(clean(matcher.group())) : Optional.empty();
    }

    private static String clean(String url) {
        String result = url;
        while (!result.isEmpty() && ".,;:)]}".indexOf(result.charAt(result.length() - 1)) >= 0) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The URL to analyse: the payload itself for links, an embedded one for cards and text. */
    public Optional<String> url() {
        return url;
    }
}
