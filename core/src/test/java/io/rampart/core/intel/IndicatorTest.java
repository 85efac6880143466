package io.rampart.core.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.verdict.VerdictClass;

class IndicatorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Indicator parse(String json) throws Exception {
        return Indicator.fromJson(MAPPER.readTree(json), NOW);
    }

    @Test
    void fromJsonShouldReadEveryFieldAndNormaliseTheValue() throws Exception {
        Indicator indicator = parse("{\"type\":\"url\",\"value\":\"HTTPS://Evil.Example.TEST/Login\",\"verdict\":\"malware\","
            + "\"source\":\"isac\",\"confidence\":90,\"expiresAt\":\"2026-12-01T00:00:00Z\"}");

        assertThat(indicator.type()).isEqualTo(IndicatorType.URL);
        assertThat(indicator.value()).isEqualTo("https://evil.example.test/Login");
        assertThat(indicator.verdict()).isEqualTo(VerdictClass.MALWARE);
        assertThat(indicator.source()).isEqualTo("isac");
        assertThat(indicator.confidence()).isEqualTo(90);
        assertThat(indicator.expiresAt()).contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(indicator.active(NOW)).isTrue();
        assertThat(indicator.active(Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
    }

    @Test
    void fromJsonShouldDefaultVerdictSourceAndConfidence() throws Exception {
        Indicator indicator = parse("{\"type\":\"domain\",\"value\":\"Bad.Example.test\"}");

        assertThat(indicator.verdict()).isEqualTo(VerdictClass.PHISH);
        assertThat(indicator.source()).isEqualTo("webadmin");
        assertThat(indicator.confidence()).isEqualTo(Indicator.DEFAULT_CONFIDENCE);
        assertThat(indicator.value()).isEqualTo("bad.example.test");
    }

    @Test
    void fromJsonShouldReportEveryProblemAtOnce() {
        assertThatThrownBy(() -> parse("{\"type\":\"sha256\",\"value\":\"xyz\",\"verdict\":\"clean\",\"confidence\":101,"
            + "\"expiresAt\":\"soon\",\"colour\":1}"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown field 'colour'")
            .hasMessageContaining("'expiresAt' must be an ISO-8601 instant");
        assertThatThrownBy(() -> parse("{\"type\":\"sha256\",\"value\":\"xyz\",\"verdict\":\"clean\",\"confidence\":101}"))
            .hasMessageContaining("a sha256 indicator must be 64 hexadecimal characters")
            .hasMessageContaining("'verdict' must be phish, malware or spam")
            .hasMessageContaining("'confidence' must be between 0 and 100");
    }

    @Test
    void criteriaShouldSelectWhatTheIndicatorNames() {
        Indicator sender = Indicator.of(IndicatorType.SENDER, "CEO@Spoof.test", VerdictClass.PHISH, "s", 80,
            Optional.empty(), NOW);
        Indicator hash = Indicator.of(IndicatorType.SHA256, "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
            VerdictClass.MALWARE, "s", 80, Optional.empty(), NOW);

        assertThat(sender.criteria().sender()).contains("ceo@spoof.test");
        assertThat(hash.criteria().attachmentSha256()).contains("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(hash.criteria().scope()).isEqualTo(RecallCriteria.Scope.LEDGER);
    }

    @Test
    void revokedIndicatorShouldNotBeActive() {
        Indicator indicator = Indicator.of(IndicatorType.DOMAIN, "x.test", VerdictClass.PHISH, "s", 80, Optional.empty(), NOW);
        assertThat(indicator.revoked(NOW).active(NOW)).isFalse();
    }
}
