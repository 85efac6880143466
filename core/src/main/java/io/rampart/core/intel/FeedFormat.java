package io.rampart.core.intel;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rampart.core.verdict.VerdictClass;

/**
 * The formats of threat feeds Rampart reads. Each turns a feed document into indicators named
 * after the feed; lines or objects it cannot use are counted as skipped, never fatal.
 */
public enum FeedFormat {
    /** One value per line (URL, domain, SHA-256 or email address, told apart by their shape); {@code #} comments. */
    PLAIN("plain"),
    /** abuse.ch URLhaus CSV: {@code id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter}. */
    URLHAUS_CSV("urlhaus-csv"),
    /** A STIX 2.1 bundle: {@code indicator} objects with {@code [url:value = '...']}-style patterns. */
    STIX21("stix21");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern STIX_COMPARISON = Pattern.compile(
        "(url:value|domain-name:value|file:hashes\\.'?SHA-256'?|email-addr:value|email-message:from_ref\\.value"
            + "|email-message:message_id)\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");

    private final String value;

    FeedFormat(String value) {
        this.value = value;
    }

    public String asString() {
        return value;
    }

    public static FeedFormat parse(String value) {
        for (FeedFormat format : values()) {
            if (format.value.equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown feed format '" + value + "'");
    }

    /** What one parse produced. */
    public static final class Result {
        private final List<Indicator> indicators;
        private final int skipped;

        Result(List<Indicator> indicators, int skipped) {
            this.indicators = List.copyOf(indicators);
            this.skipped = skipped;
        }

        public List<Indicator> indicators() {
            return indicators;
        }

        public int skipped() {
            return skipped;
        }
    }

    public Result parse(String document, String source, VerdictClass defaultVerdict, int defaultConfidence, Instant now)
        throws IOException {
        switch (this) {
            case PLAIN:
                return plain(document, source, defaultVerdict, defaultConfidence, now);
            case URLHAUS_CSV:
                return urlhaus(document, source, defaultConfidence, now);
            default:
                return stix(document, source, defaultVerdict, defaultConfidence, now);
        }
    }

    /** The indicator type a bare value has: URL (has a scheme), sender (has @), SHA-256 (64 hex) or domain. */
    public static IndicatorType infer(String value) {
        if (value.contains("://")) {
            return IndicatorType.URL;
        }
        if (value.contains("@")) {
            return IndicatorType.SENDER;
        }
        if (SHA256.matcher(value).matches()) {
            return IndicatorType.SHA256;
        }
        return IndicatorType.DOMAIN;
    }

    private static Result plain(String document, String source, VerdictClass verdict, int confidence, Instant now) {
        List<Indicator> indicators = new ArrayList<>();
        int skipped = 0;
        for (String rawLine : document.split("\\r?\\n")) {
            String line = rawLine.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                indicators.add(Indicator.of(infer(line), line, verdict, source, confidence, Optional.empty(), now));
            } catch (IllegalArgumentException e) {
                skipped++;
            }
        }
        return new Result(indicators, skipped);
    }

    private static Result urlhaus(String document, String source, int confidence, Instant now) {
        List<Indicator> indicators = new ArrayList<>();
        int skipped = 0;
        for (String rawLine : document.split("\\r?\\n")) {
            String line = rawLine.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = csv(line);
            if (fields.size() < 3 || fields.get(0).equals("id")) {
                skipped++;
                continue;
            }
            String threat = fields.size() > 5 ? fields.get(5).toLowerCase(Locale.ROOT) : "";
            VerdictClass verdict = threat.contains("phish") ? VerdictClass.PHISH : VerdictClass.MALWARE;
            try {
                indicators.add(Indicator.of(IndicatorType.URL, fields.get(2), verdict, source, confidence,
                    Optional.empty(), now));
            } catch (IllegalArgumentException e) {
                skipped++;
            }
        }
        return new Result(indicators, skipped);
    }

    /** One CSV line: comma-separated, fields optionally in double quotes with {@code ""} as an escaped quote. */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    private static Result stix(String document, String source, VerdictClass defaultVerdict, int defaultConfidence,
                               Instant now) throws IOException {
        JsonNode root = MAPPER.readTree(document);
        if (root == null || !"bundle".equals(root.path("type").asText())) {
            throw new IOException("not a STIX 2.1 bundle (no \"type\": \"bundle\")");
        }
        List<Indicator> indicators = new ArrayList<>();
        int skipped = 0;
        for (JsonNode object : root.path("objects")) {
            if (!"indicator".equals(object.path("type").asText())) {
                continue;
            }
            if (object.path("revoked").asBoolean(false)
                || (object.has("pattern_type") && !"stix".equals(object.path("pattern_type").asText()))) {
                skipped++;
                continue;
            }
            Optional<Instant> validUntil = Optional.empty();
            if (object.hasNonNull("valid_until")) {
                try {
                    validUntil = Optional.of(Instant.parse(object.get("valid_until").asText()));
                } catch (DateTimeParseException e) {
                    skipped++;
                    continue;
                }
            }
            int confidence = object.has("confidence") ? object.get("confidence").asInt(defaultConfidence) : defaultConfidence;
            VerdictClass verdict = stixVerdict(object, defaultVerdict);
            Matcher matcher = STIX_COMPARISON.matcher(object.path("pattern").asText(""));
            boolean any = false;
            while (matcher.find()) {
                any = true;
                String value = matcher.group(2).replace("\\'", "'").replace("\\\\", "\\");
                try {
                    indicators.add(Indicator.of(stixType(matcher.group(1)), value, verdict, source,
                        Math.max(0, Math.min(100, confidence)), validUntil, now));
                } catch (IllegalArgumentException e) {
                    skipped++;
                }
            }
            if (!any) {
                skipped++;
            }
        }
        return new Result(indicators, skipped);
    }

    private static IndicatorType stixType(String path) {
        if (path.startsWith("url:")) {
            return IndicatorType.URL;
        }
        if (path.startsWith("domain-name:")) {
            return IndicatorType.DOMAIN;
        }
        if (path.startsWith("file:")) {
            return IndicatorType.SHA256;
        }
        if (path.equals("email-message:message_id")) {
            return IndicatorType.MESSAGE_ID;
        }
        return IndicatorType.SENDER;
    }

    private static VerdictClass stixVerdict(JsonNode object, VerdictClass defaultVerdict) {
        StringBuilder labels = new StringBuilder();
        object.path("indicator_types").forEach(t -> labels.append(t.asText()).append(' '));
        object.path("labels").forEach(t -> labels.append(t.asText()).append(' '));
        String all = labels.toString().toLowerCase(Locale.ROOT);
        if (all.contains("phish")) {
            return VerdictClass.PHISH;
        }
        if (all.contains("malware") || all.contains("malicious-activity")) {
            return VerdictClass.MALWARE;
        }
        if (all.contains("spam")) {
            return VerdictClass.SPAM;
        }
        return defaultVerdict;
    }
}
