package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class DetectionSettingsTest {
    private static RampartConfiguration parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("test", properties);
    }

    @Test
    void shouldUseDefaultsWhenNothingIsConfigured() {
        DetectionSettings detection = RampartConfiguration.defaults().detection();

        assertThat(detection.indicatorDomains()).isEmpty();
        assertThat(detection.indicatorUrls()).isEmpty();
        assertThat(detection.brands()).isEmpty();
        assertThat(detection.maxUrls()).isEqualTo(DetectionSettings.DEFAULT_MAX_URLS);
        assertThat(detection.model()).isEqualTo(DetectionSettings.DEFAULT_MODEL);
        assertThat(detection.modelEnabled()).isTrue();
        assertThat(detection.modelMaxScore()).isEqualTo(DetectionSettings.DEFAULT_MODEL_MAX_SCORE);
        assertThat(detection.people()).isEmpty();
        assertThat(detection.peopleAllowedSenders()).isEmpty();
        assertThat(detection.learnPeople()).isTrue();
        assertThat(detection.newDomainWindow()).isEqualTo(java.time.Duration.ofHours(72));
        assertThat(detection.newDomainWarmUp()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void shouldReadRuleScoresAndRefuseAnUnknownRule() {
        DetectionSettings detection = parse("detection.score.link.newly-seen", "0", "detection.score.text.lure-bulk", "2.5")
            .detection();

        assertThat(detection.ruleScores()).containsEntry("link.newly-seen", 0.0).containsEntry("text.lure-bulk", 2.5)
            .hasSize(2);
        assertThat(DetectionSettings.defaults().ruleScores()).isEmpty();
        assertThatThrownBy(() -> parse("detection.score.link.newly-sen", "0"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.score.link.newly-sen")
            .hasMessageContaining("'link.newly-sen' is not a rule");
        assertThatThrownBy(() -> parse("detection.score.gtube", "lots"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.score.gtube");
    }

    @Test
    void shouldReadWhenALinkDomainIsNewlySeen() {
        DetectionSettings detection = parse("detection.newDomains.window", "0", "detection.newDomains.warmUp", "1d")
            .detection();

        assertThat(detection.newDomainWindow()).isZero();
        assertThat(detection.newDomainWarmUp()).isEqualTo(java.time.Duration.ofDays(1));
        assertThatThrownBy(() -> parse("detection.newDomains.window", "soon"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.newDomains.window");
    }

    @Test
    void shouldReadPeopleToProtect() {
        DetectionSettings detection = parse("detection.people", "Bob Smith, 张伟", "detection.people.allowedSenders",
            "Bob.Home@gmail.com", "detection.people.learn", "false").detection();

        assertThat(detection.people()).containsExactly("Bob Smith", "张伟");
        assertThat(detection.peopleAllowedSenders()).containsExactly("bob.home@gmail.com");
        assertThat(detection.learnPeople()).isFalse();
    }

    @Test
    void shouldRejectAPersonRampartCannotMatch() {
        assertThatThrownBy(() -> parse("detection.people", "Bob Smith, Bob"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.people").hasMessageContaining("'Bob'");
        assertThatThrownBy(() -> parse("detection.people.allowedSenders", "bob at home"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.people.allowedSenders");
    }

    @Test
    void shouldReadListsLowerCased() {
        DetectionSettings detection = parse("detection.indicators.domains", "Evil.Example, bad.example",
            "detection.indicators.urls", "https://x.example/a", "detection.brands", "MyBank.com",
            "detection.maxUrls", "50", "detection.model", "off").detection();

        assertThat(detection.indicatorDomains()).containsExactly("evil.example", "bad.example");
        assertThat(detection.indicatorUrls()).containsExactly("https://x.example/a");
        assertThat(detection.brands()).containsExactly("mybank.com");
        assertThat(detection.maxUrls()).isEqualTo(50);
        assertThat(detection.modelEnabled()).isFalse();
    }

    @Test
    void shouldRejectBrandThatIsNotADomain() {
        assertThatThrownBy(() -> parse("detection.brands", "mybank"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.brands").hasMessageContaining("mybank");
    }

    @Test
    void aPersonMayNameTheOwnersAddressInBrackets() {
        assertThat(parse("detection.people", "Dana Boss <dana@acme-corp.com>, 张伟").detection().people())
            .containsExactly("Dana Boss <dana@acme-corp.com>", "张伟");
        assertThatThrownBy(() -> parse("detection.people", "Dana Boss <dana at acme>"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.people").hasMessageContaining("Dana Boss <dana at acme>");
        assertThatThrownBy(() -> parse("detection.people", "Dana Boss <@acme-corp.com>"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.people");
    }

    @Test
    void ownDomainsAreDomains() {
        assertThat(parse("detection.ownDomains", "Acme-Corp.de, acme-events.com").detection().ownDomains())
            .containsExactly("acme-corp.de", "acme-events.com");
        assertThatThrownBy(() -> parse("detection.ownDomains", "jan@acme-corp.de"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.ownDomains").hasMessageContaining("jan@acme-corp.de");
    }

    @Test
    void shouldRejectOutOfRangeUrlCap() {
        assertThatThrownBy(() -> parse("detection.maxUrls", "0"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("detection.maxUrls");
    }

    @Test
    void shouldRejectUnknownDetectionKey() {
        assertThatThrownBy(() -> parse("detection.indicator.domains", "x.example"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'detection.indicator.domains'");
    }
}
