package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ReviewAndReportSettingsTest {
    private static RampartConfiguration parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("test.properties", properties);
    }

    @Test
    void defaultsShouldMatchTheDocumentedValues() {
        RampartConfiguration configuration = RampartConfiguration.defaults();

        assertThat(configuration.review().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(configuration.review().purgeInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(configuration.review().digestEnabled()).isFalse();
        assertThat(configuration.review().digestInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(configuration.review().digestCovers("any.test")).isTrue();
        assertThat(configuration.reports().folder()).isEqualTo("Report Phishing");
        assertThat(configuration.reports().address("acme.test")).isEqualTo("report-phish@acme.test");
        assertThat(configuration.reports().notifyReporter()).isFalse();
        assertThat(configuration.reports().recallCandidateThreshold()).isEqualTo(3);
        assertThat(configuration.reports().learnOnConfirm()).isTrue();
        assertThat(configuration.reports().retention()).isEqualTo(Duration.ofDays(90));
        assertThat(parse("reports.retention", "0").reports().retention()).isZero();
        assertThat(parse("reports.retention", "365d").reports().retention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void valuesShouldBeRead() {
        RampartConfiguration configuration = parse("quarantine.retention", "7d", "quarantine.purgeInterval", "6h",
            "quarantine.digest.enabled", "true",
            "quarantine.digest.interval", "12h", "quarantine.digest.domains", "Acme.test, other.test",
            "reports.folder", "Phish", "reports.address", "abuse@acme.test", "reports.notifyReporter", "TRUE",
            "reports.recallCandidateThreshold", "5", "reports.learnOnConfirm", "false");

        assertThat(configuration.review().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.review().purgeInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(parse("quarantine.purgeInterval", "0").review().purgeInterval()).isZero();
        assertThat(configuration.review().digestEnabled()).isTrue();
        assertThat(configuration.review().digestInterval()).isEqualTo(Duration.ofHours(12));
        assertThat(configuration.review().digestCovers("acme.test")).isTrue();
        assertThat(configuration.review().digestCovers("third.test")).isFalse();
        assertThat(configuration.reports().folder()).isEqualTo("Phish");
        assertThat(configuration.reports().address("ignored.test")).isEqualTo("abuse@acme.test");
        assertThat(configuration.reports().notifyReporter()).isTrue();
        assertThat(configuration.reports().recallCandidateThreshold()).isEqualTo(5);
        assertThat(configuration.reports().learnOnConfirm()).isFalse();
    }

    @Test
    void badValuesShouldNameTheKey() {
        assertThatThrownBy(() -> parse("quarantine.retention", "forever"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test.properties: key 'quarantine.retention' has value 'forever', expected a duration such as 500ms, 30s, 15m, 72h or 7d");
        assertThatThrownBy(() -> parse("quarantine.purgeInterval", "10s"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test.properties: key 'quarantine.purgeInterval' has value '10s', expected at least 1m, or 0 to purge only on request");
        assertThatThrownBy(() -> parse("quarantine.digest.enabled", "yes"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test.properties: key 'quarantine.digest.enabled' has value 'yes', expected true or false");
        assertThatThrownBy(() -> parse("reports.recallCandidateThreshold", "0"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test.properties: key 'reports.recallCandidateThreshold' has value '0', expected an integer between 1 and 10000");
        assertThatThrownBy(() -> parse("reports.address", "nobody"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test.properties: key 'reports.address' has value 'nobody', expected a mail address");
        assertThatThrownBy(() -> parse("reports.folder", "INBOX"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test.properties: key 'reports.folder' has value 'INBOX', expected a folder name other than INBOX");
        assertThatThrownBy(() -> parse("reports.colour", "red"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("test.properties: unknown key 'reports.colour'");
    }
}
