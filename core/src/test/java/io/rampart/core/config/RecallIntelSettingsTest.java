package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rampart.core.intel.FeedFormat;
import io.rampart.core.verdict.VerdictClass;

class RecallIntelSettingsTest {
    private static RampartConfiguration parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("test.properties", properties);
    }

    @Test
    void defaultsShouldBeThePublishedOnes() {
        RampartConfiguration configuration = RampartConfiguration.defaults();

        assertThat(configuration.recall().repository()).isEqualTo(RecallSettings.DEFAULT_REPOSITORY);
        assertThat(configuration.recall().autoWindow()).isEqualTo(Duration.ofHours(72));
        assertThat(configuration.recall().undoWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(configuration.recall().concurrency()).isEqualTo(4);
        assertThat(parse("recall.undoWindow", "0").recall().undoWindow()).isZero();
        assertThat(parse("recall.undoWindow", "7d").recall().undoWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.recall().approvalThreshold()).isEqualTo(RecallSettings.DEFAULT_APPROVAL_THRESHOLD);
        assertThat(configuration.recall().requireSecondApproval()).isFalse();
        assertThat(configuration.recall().notifyUsers()).isFalse();
        assertThat(configuration.intel().autoRecall()).isTrue();
        assertThat(configuration.intel().feeds()).isEmpty();
    }

    @Test
    void feedsShouldBeReadWithTheirDefaults() {
        RampartConfiguration configuration = parse(
            "intel.feed.urlhaus.url", "file:///var/feeds/urlhaus.csv",
            "intel.feed.urlhaus.format", "urlhaus-csv",
            "intel.feed.urlhaus.mode", "shadow",
            "intel.feed.local.url", "https://intel.corp.test/list.txt",
            "intel.feed.local.interval", "15m",
            "intel.feed.local.verdict", "malware");

        IntelSettings.Feed urlhaus = configuration.intel().feed("urlhaus").get();
        IntelSettings.Feed local = configuration.intel().feed("local").get();
        assertThat(urlhaus.format()).isEqualTo(FeedFormat.URLHAUS_CSV);
        assertThat(urlhaus.mode()).isEqualTo(IntelSettings.Mode.SHADOW);
        assertThat(urlhaus.interval()).isEqualTo(IntelSettings.DEFAULT_FEED_INTERVAL);
        assertThat(local.format()).isEqualTo(FeedFormat.PLAIN);
        assertThat(local.mode()).isEqualTo(IntelSettings.Mode.ENFORCE);
        assertThat(local.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(local.verdict()).isEqualTo(VerdictClass.MALWARE);
    }

    @Test
    void badValuesShouldNameTheKey() {
        assertThatThrownBy(() -> parse("recall.requireSecondApproval", "yes"))
            .hasMessageContaining("'recall.requireSecondApproval' has value 'yes', expected true or false");
        assertThatThrownBy(() -> parse("recall.approvalThreshold", "0"))
            .hasMessageContaining("'recall.approvalThreshold'");
        assertThatThrownBy(() -> parse("recall.autoWindow", "72h", "recall.ledgerRetention", "1h"))
            .hasMessageContaining("'recall.ledgerRetention'");
        assertThatThrownBy(() -> parse("recall.undoWindow", "soon"))
            .hasMessageContaining("'recall.undoWindow' has value 'soon'");
        assertThatThrownBy(() -> parse("intel.feed.x.url", "ftp://host/feed"))
            .hasMessageContaining("'intel.feed.x.url' has value 'ftp://host/feed'");
        assertThatThrownBy(() -> parse("intel.feed.x.format", "plain"))
            .hasMessageContaining("'intel.feed.x.url'").hasMessageContaining("is required");
        assertThatThrownBy(() -> parse("intel.feed.x.url", "file:///f", "intel.feed.x.mode", "loud"))
            .hasMessageContaining("expected enforce or shadow");
        assertThatThrownBy(() -> parse("intel.feed.x.url", "file:///f", "intel.feed.x.colour", "red"))
            .hasMessageContaining("unknown key 'intel.feed.x.colour'");
    }
}
