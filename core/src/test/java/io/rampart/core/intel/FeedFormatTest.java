package io.rampart.core.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rampart.core.verdict.VerdictClass;

class FeedFormatTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static String fixture(String name) throws IOException {
        try (InputStream in = FeedFormatTest.class.getResourceAsStream("/intel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> described(FeedFormat.Result result) {
        return result.indicators().stream()
            .map(i -> i.type().asString() + "|" + i.value() + "|" + i.verdict().asString() + "|" + i.confidence()
                + "|" + i.expiresAt().map(Instant::toString).orElse("-") + "|" + i.source())
            .collect(Collectors.toList());
    }

    @Test
    void plainListShouldInferTypesSkipCommentsAndCountBadLines() throws IOException {
        FeedFormat.Result result = FeedFormat.PLAIN.parse(fixture("plain.txt"), "local", VerdictClass.PHISH, 70, NOW);

        assertThat(described(result)).containsExactly(
            "url|https://login.phish-example.test/account/verify|phish|70|-|local",
            "domain|bad-domain.test|phish|70|-|local",
            "sender|ceo-fraud@spoof-example.test|phish|70|-|local",
            "sha256|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|phish|70|-|local");
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void urlhausCsvShouldReadTheUrlColumnAsMalware() throws IOException {
        FeedFormat.Result result = FeedFormat.URLHAUS_CSV.parse(fixture("urlhaus.csv"), "urlhaus", VerdictClass.PHISH, 80, NOW);

        assertThat(described(result)).containsExactly(
            "url|http://203.0.113.7/bins/x86|malware|80|-|urlhaus",
            "url|https://files.malware-example.test/invoice.zip|malware|80|-|urlhaus");
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void csvShouldHandleQuotedCommasAndEscapedQuotes() {
        assertThat(FeedFormat.csv("\"a,b\",\"say \"\"hi\"\"\",c")).containsExactly("a,b", "say \"hi\"", "c");
    }

    @Test
    void stixBundleShouldReadIndicatorPatternsVerdictsConfidenceAndExpiry() throws IOException {
        FeedFormat.Result result = FeedFormat.STIX21.parse(fixture("bundle.json"), "isac", VerdictClass.SPAM, 60, NOW);

        assertThat(described(result)).containsExactly(
            "url|https://secure-login.phish-example.test/o365|phish|85|2027-01-01T00:00:00Z|isac",
            "sha256|2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824|malware|60|-|isac",
            "domain|dropper.malware-example.test|malware|60|-|isac");
        assertThat(result.skipped()).as("revoked indicator and unsupported ipv4 pattern").isEqualTo(2);
    }

    @Test
    void stixShouldRejectADocumentThatIsNotABundle() {
        assertThatThrownBy(() -> FeedFormat.STIX21.parse("{\"type\":\"indicator\"}", "x", VerdictClass.PHISH, 50, NOW))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("not a STIX 2.1 bundle");
    }

    @Test
    void parseShouldNameTheFormats() {
        assertThat(FeedFormat.parse("urlhaus-csv")).isEqualTo(FeedFormat.URLHAUS_CSV);
        assertThat(FeedFormat.parse("STIX21")).isEqualTo(FeedFormat.STIX21);
        assertThatThrownBy(() -> FeedFormat.parse("misp")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indicatorsShouldNotExpireWithoutValidUntil() throws IOException {
        FeedFormat.Result result = FeedFormat.PLAIN.parse("evil.test\n", "f", VerdictClass.MALWARE, 50, NOW);
        assertThat(result.indicators().get(0).expiresAt()).isEqualTo(Optional.empty());
        assertThat(result.indicators().get(0).active(NOW.plusSeconds(86400 * 365))).isTrue();
    }
}
