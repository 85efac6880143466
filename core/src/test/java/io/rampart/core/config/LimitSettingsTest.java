package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rampart.core.limits.Limit;
import io.rampart.core.limits.LimitAction;

class LimitSettingsTest {
    private static LimitSettings parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties).limits();
    }

    @Test
    void defaultsShouldBeTheBuiltInOnes() {
        LimitSettings limits = RampartConfiguration.defaults().limits();
        assertThat(limits.enabled()).isTrue();
        assertThat(limits.domainDefault()).isEqualTo(LimitSettings.BUILT_IN_DEFAULTS);
        assertThat(limits.blockDuration()).isEmpty();
    }

    @Test
    void partialDefaultShouldKeepBuiltInValuesForOtherFields() {
        LimitSettings limits = parse("limits.default.recipientsPerDay", "900", "limits.default.action", "BLOCK");
        assertThat(limits.domainDefault().value(Limit.RECIPIENTS_PER_DAY)).hasValue(900);
        assertThat(limits.domainDefault().value(Limit.MESSAGES_PER_MINUTE)).hasValue(LimitSettings.DEFAULT_MESSAGES_PER_MINUTE);
        assertThat(limits.domainDefault().action()).contains(LimitAction.BLOCK);
    }

    @Test
    void userKeysShouldAcceptAddressesWithDots() {
        LimitSettings limits = parse("limits.user.john.doe@mail.corp.example.recipientsPerDay", "10");
        assertThat(limits.user("john.doe@mail.corp.example").get().value(Limit.RECIPIENTS_PER_DAY)).hasValue(10);
    }

    @Test
    void blockDurationShouldBeParsed() {
        assertThat(parse("limits.blockDuration", "24h").blockDuration()).contains(Duration.ofHours(24));
    }

    @Test
    void negativeLimitShouldNameTheKey() {
        assertThatThrownBy(() -> parse("limits.default.recipientsPerDay", "-1"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'limits.default.recipientsPerDay' has value '-1', expected an integer between 0 and 10000000");
    }

    @Test
    void badActionShouldNameTheKey() {
        assertThatThrownBy(() -> parse("limits.user.alice@corp.example.action", "drop"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'limits.user.alice@corp.example.action' has value 'drop', expected alert, hold or block");
    }

    @Test
    void typoInALimitNameShouldBeRejected() {
        assertThatThrownBy(() -> parse("limits.user.alice@corp.example.recipientPerDay", "5"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("unknown key 'limits.user.alice@corp.example.recipientPerDay'");
    }

    @Test
    void userKeyWithoutAddressShouldBeRejected() {
        assertThatThrownBy(() -> parse("limits.user.alice.recipientsPerDay", "5"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'limits.user.alice.recipientsPerDay'");
    }

    @Test
    void groupWithoutMembersShouldBeRejected() {
        assertThatThrownBy(() -> parse("limits.group.sales.recipientsPerDay", "5"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'limits.group.sales.members': is required: the addresses the group's limits apply to");
    }

    @Test
    void groupMemberThatIsNotAnAddressShouldBeRejected() {
        assertThatThrownBy(() -> parse("limits.group.sales.members", "bob", "limits.group.sales.recipientsPerDay", "5"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'limits.group.sales.members' has value 'bob', expected mail addresses such as alice@example.com");
    }

    @Test
    void badBlockDurationShouldNameTheKey() {
        assertThatThrownBy(() -> parse("limits.blockDuration", "forever"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'limits.blockDuration' has value 'forever'");
    }
}
