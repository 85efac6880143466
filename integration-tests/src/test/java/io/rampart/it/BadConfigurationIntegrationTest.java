package io.rampart.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rampart.launcher.JamesInstaller;
import io.rampart.launcher.JamesProcess;
import io.rampart.launcher.LaunchOptions;

/** A bad rampart.properties makes James refuse to start, naming the file, the key and the value. */
class BadConfigurationIntegrationTest {
    @Test
    void jamesShouldRefuseToStartWhenAValueIsBad() throws Exception {
        JamesProcess.JamesStartException failure = startWith("flow.inbound.threshold=lots\n");

        assertThat(failure.output())
            .contains("rampart.properties")
            .contains("key 'flow.inbound.threshold' has value 'lots', expected a number between");
    }

    @Test
    void jamesShouldRefuseToStartOnAnUnknownKey() throws Exception {
        JamesProcess.JamesStartException failure = startWith("scan.timebudget=5s\n");

        assertThat(failure.output())
            .contains("rampart.properties")
            .contains("unknown key 'scan.timebudget' (value '5s')");
    }

    private static JamesProcess.JamesStartException startWith(String properties) throws Exception {
        LaunchOptions options = RampartJames.freshOptions("bad-config");
        Path file = options.workDir().resolve("bad.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        options.rampartConfig(file);
        JamesInstaller installer = new JamesInstaller(options);
        installer.install();
        java.util.concurrent.atomic.AtomicReference<JamesProcess.JamesStartException> caught =
            new java.util.concurrent.atomic.AtomicReference<>();
        assertThatThrownBy(() -> {
            try (JamesProcess ignored = JamesProcess.start(installer, options, null, Duration.ofMinutes(3))) {
                // Started: the assertion below fails.
            }
        }).isInstanceOfSatisfying(JamesProcess.JamesStartException.class, caught::set)
            .hasMessageContaining("James exited with code");
        // Reached only when James refused to start as expected: its directory has nothing more to tell.
        RampartJames.discard(options.workDir());
        return caught.get();
    }
}
