package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rampart.core.audit.AuditDecision;

class AuditSettingsTest {
    private static AuditSettings parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties).audit();
    }

    @Test
    void defaultsShouldApply() {
        AuditSettings audit = parse();
        assertThat(audit.expiry()).isEqualTo(Duration.ofHours(72));
        assertThat(audit.expiryAction()).isEqualTo(AuditDecision.REJECT);
    }

    @Test
    void valuesShouldBeParsed() {
        AuditSettings audit = parse("audit.expiry", "7d", "audit.expiryAction", "approve");
        assertThat(audit.expiry()).isEqualTo(Duration.ofDays(7));
        assertThat(audit.expiryAction()).isEqualTo(AuditDecision.APPROVE);
    }

    @Test
    void badExpiryActionShouldNameTheKey() {
        assertThatThrownBy(() -> parse("audit.expiryAction", "deliver"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'audit.expiryAction' has value 'deliver', expected approve or reject");
    }

    @Test
    void tooShortExpiryShouldNameTheKey() {
        assertThatThrownBy(() -> parse("audit.expiry", "10s"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'audit.expiry' has value '10s', expected a duration between 1m and 365d such as 72h");
    }
}
