package io.rampart.webadmin.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.RampartConfiguration;

class AuditExpirySchedulerTest {
    private static RampartConfiguration configuration(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("test", properties);
    }

    @Test
    void auditRepositoryDifferentFromTheHoldRepositoryShouldStopStartUp() {
        assertThatThrownBy(() -> AuditExpiryScheduler.checkRepository(configuration("audit.repository", "file://var/mail/held/")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("test: audit.repository=file://var/mail/held/ differs from quarantine.auditRepository="
                + "memory://var/mail/rampart-audit/; held mail is kept in quarantine.auditRepository: set that key only");
    }

    @Test
    void defaultOrMatchingRepositoriesShouldBeAccepted() {
        assertThatCode(() -> AuditExpiryScheduler.checkRepository(configuration())).doesNotThrowAnyException();
        assertThatCode(() -> AuditExpiryScheduler.checkRepository(configuration("quarantine.auditRepository", "file://var/mail/held/")))
            .doesNotThrowAnyException();
        assertThatCode(() -> AuditExpiryScheduler.checkRepository(configuration("quarantine.auditRepository", "file://var/mail/held/",
            "audit.repository", "file://var/mail/held/"))).doesNotThrowAnyException();
    }
}
