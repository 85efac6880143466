package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.rampart.core.flow.Action;
import io.rampart.core.flow.Flow;
import io.rampart.core.verdict.VerdictClass;

class RampartConfigurationTest {
    static RampartConfiguration parse(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return RampartConfiguration.parse("conf/rampart.properties", properties);
    }

    @Test
    void defaultsShouldQuarantineEveryFlaggedClassAtThresholdFive() {
        RampartConfiguration configuration = RampartConfiguration.defaults();

        for (Flow flow : Flow.values()) {
            assertThat(configuration.flow(flow).threshold()).isEqualTo(FlowSettings.DEFAULT_THRESHOLD);
            assertThat(configuration.flow(flow).action(VerdictClass.SPAM)).isEqualTo(Action.QUARANTINE);
            assertThat(configuration.flow(flow).action(VerdictClass.CLEAN)).isEqualTo(Action.DELIVER);
        }
        assertThat(configuration.flow(Flow.INBOUND).rejectScore()).isEmpty();
        assertThat(configuration.scan().timeBudget()).isEqualTo(Duration.ofSeconds(5));
        assertThat(configuration.scan().failMode()).isEqualTo(ScanSettings.FailMode.OPEN);
    }

    /** The shipped file lists the keys commented with their defaults: uncommented, every one of them is valid. */
    @Test
    void theShippedFileUncommentedShouldParse() throws Exception {
        java.nio.file.Path shipped = java.nio.file.Paths.get("..", "james-conf", "src", "main", "james", "conf",
            "rampart.properties");
        StringBuilder uncommented = new StringBuilder();
        int keys = 0;
        for (String line : java.nio.file.Files.readAllLines(shipped, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("^#([a-z][\\w.@-]*=.*)$").matcher(line);
            if (matcher.matches()) {
                uncommented.append(matcher.group(1)).append('\n');
                keys++;
            }
        }

        RampartConfiguration configuration = parse(uncommented.toString());

        assertThat(keys).isGreaterThan(100);
        assertThat(configuration.detection().learnPeople()).isTrue();
        assertThat(configuration.scan().timeBudget()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void valuesShouldBeRead() throws Exception {
        RampartConfiguration configuration = parse("flow.inbound.action.spam=junk\nflow.inbound.rejectScore=20\n"
            + "scan.timeBudget=750ms\nscan.failMode=closed\nnetwork.trustedNetworks=10.0.0.0/8\n");

        assertThat(configuration.flow(Flow.INBOUND).action(VerdictClass.SPAM)).isEqualTo(Action.JUNK);
        assertThat(configuration.flow(Flow.INBOUND).rejectScore()).contains(20.0);
        assertThat(configuration.scan().timeBudget()).isEqualTo(Duration.ofMillis(750));
        assertThat(configuration.scan().failMode()).isEqualTo(ScanSettings.FailMode.CLOSED);
        assertThat(configuration.network().isTrusted("10.20.30.40")).isTrue();
        assertThat(configuration.network().isTrusted("11.0.0.1")).isFalse();
    }

    @Test
    void theModelsLanguagesAreRead() throws Exception {
        RampartConfiguration configuration = parse("detection.model.languages=en, ZH\n"
            + "detection.model.otherLanguageMaxScore=3\n");

        assertThat(configuration.detection().modelLanguages()).containsExactlyInAnyOrder("en", "zh");
        assertThat(configuration.detection().otherLanguageMaxScore()).isEqualTo(3.0);
        assertThat(parse("").detection().modelLanguages()).as("by default every language is trusted").isEmpty();
    }

    @Nested
    class Invalid {
        @Test
        void aLanguageRampartCannotTellIsRefusedNamingTheKey() {
            assertThatThrownBy(() -> parse("detection.model.languages=en,klingon\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'detection.model.languages' has value 'klingon'")
                .hasMessageContaining("pt");
        }

        @Test
        void unknownKeyShouldBeNamed() {
            assertThatThrownBy(() -> parse("flow.inbound.treshold=3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("conf/rampart.properties: unknown key 'flow.inbound.treshold' (value '3');"
                    + " see the README's configuration reference");
        }

        @Test
        void badNumberShouldNameKeyAndValue() {
            assertThatThrownBy(() -> parse("flow.internal.threshold=high\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("conf/rampart.properties: key 'flow.internal.threshold' has value 'high',"
                    + " expected a number between 0.1 and 1000000.0");
        }

        @Test
        void badActionShouldBeRejected() {
            assertThatThrownBy(() -> parse("flow.inbound.action.phish=burn\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'flow.inbound.action.phish' has value 'burn', expected one of deliver, junk");
        }

        @Test
        void junkShouldBeRefusedForOutbound() {
            assertThatThrownBy(() -> parse("flow.outbound.action.spam=junk\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("flow.outbound.action.spam");
        }

        @Test
        void rejectScoreBelowThresholdShouldBeRefused() {
            assertThatThrownBy(() -> parse("flow.inbound.rejectScore=2\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'flow.inbound.rejectScore' has value '2'");
        }

        @Test
        void rejectScoreOnlyExistsInbound() {
            assertThatThrownBy(() -> parse("flow.internal.rejectScore=20\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("flow.internal.rejectScore");
        }

        @Test
        void lenientBooleansShouldBeRefused() {
            assertThatThrownBy(() -> parse("notifications.notifySenderOnDrop=yes\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'notifications.notifySenderOnDrop' has value 'yes', expected true or false");
        }

        @Test
        void badDurationShouldBeRefused() {
            assertThatThrownBy(() -> parse("scan.timeBudget=soon\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'scan.timeBudget' has value 'soon'");
        }

        @Test
        void badNetworkShouldBeRefused() {
            assertThatThrownBy(() -> parse("network.trustedNetworks=10.0.0.0/33\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'network.trustedNetworks' has value '10.0.0.0/33'");
        }

        @Test
        void heldMailHasOneRepositoryKeyOnly() {
            assertThatThrownBy(() -> parse("audit.repository=file://var/mail/held/\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'audit.repository'");
        }

        @Test
        void quarantineRepositoryShouldBeAUrl() {
            assertThatThrownBy(() -> parse("quarantine.repository=somewhere\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'quarantine.repository' has value 'somewhere'");
        }
    }
}
