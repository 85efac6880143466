package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rampart.core.behaviour.BehaviourRule;
import io.rampart.core.limits.LimitAction;

class BehaviourSettingsTest {
    private static BehaviourSettings parse(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties).behaviour();
    }

    @Test
    void defaultsShouldApply() {
        BehaviourSettings settings = parse();
        assertThat(settings.rule(BehaviourRule.SAME_MESSAGE).threshold()).isEqualTo(30);
        assertThat(settings.rule(BehaviourRule.OFF_HOURS).action()).isEqualTo(LimitAction.ALERT);
        assertThat(settings.workDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(settings.roles()).extracting(BehaviourSettings.Role::name).containsExactly("finance", "hr", "it", "executive");
    }

    @Test
    void ruleValuesShouldBeParsed() {
        BehaviourSettings settings = parse("behaviour.firstContactBurst.threshold", "50",
            "behaviour.firstContactBurst.action", "block", "behaviour.firstContactBurst.window", "30m",
            "behaviour.offHours.workDays", "sun,mon,tue,wed,thu");
        assertThat(settings.rule(BehaviourRule.FIRST_CONTACT_BURST).threshold()).isEqualTo(50);
        assertThat(settings.rule(BehaviourRule.FIRST_CONTACT_BURST).action()).isEqualTo(LimitAction.BLOCK);
        assertThat(settings.rule(BehaviourRule.FIRST_CONTACT_BURST).window()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.workDays()).contains(DayOfWeek.SUNDAY).doesNotContain(DayOfWeek.FRIDAY);
    }

    @Test
    void builtInRoleShouldKeepItsNamesWhenOnlySendersAreSet() {
        BehaviourSettings settings = parse("behaviour.impersonation.role.finance.senders", "finance@corp.example");
        BehaviourSettings.Role finance = settings.roles().get(0);
        assertThat(finance.names()).contains("财务部", "Finance");
        assertThat(finance.senders()).containsExactly("finance@corp.example");
    }

    @Test
    void badActionShouldNameTheKey() {
        assertThatThrownBy(() -> parse("behaviour.sameMessage.action", "quarantine"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'behaviour.sameMessage.action' has value 'quarantine', expected alert, hold or block");
    }

    @Test
    void zeroThresholdShouldNameTheKey() {
        assertThatThrownBy(() -> parse("behaviour.fanOut.threshold", "0"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'behaviour.fanOut.threshold' has value '0'");
    }

    @Test
    void badZoneShouldNameTheKey() {
        assertThatThrownBy(() -> parse("behaviour.offHours.zone", "Mars/Olympus"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'behaviour.offHours.zone' has value 'Mars/Olympus', expected a time zone such as Asia/Shanghai or UTC");
    }

    @Test
    void badWorkDayShouldNameTheKey() {
        assertThatThrownBy(() -> parse("behaviour.offHours.workDays", "mon,funday"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'behaviour.offHours.workDays' has value 'mon,funday'");
    }

    @Test
    void customRoleWithoutNamesShouldNameTheKey() {
        assertThatThrownBy(() -> parse("behaviour.impersonation.role.legal.senders", "legal@corp.example"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("rampart.properties: key 'behaviour.impersonation.role.legal.names': is required");
    }

    @Test
    void unknownRuleShouldBeRejected() {
        assertThatThrownBy(() -> parse("behaviour.fanout.threshold", "5"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("unknown key 'behaviour.fanout.threshold'");
    }
}
