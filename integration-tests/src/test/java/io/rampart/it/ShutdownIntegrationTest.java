package io.rampart.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rampart.launcher.JamesInstaller;
import io.rampart.launcher.JamesProcess;
import io.rampart.launcher.LaunchOptions;

/** Stopping James (SIGTERM: its shutdown hook) closes Rampart's state store, after the mail spooler stopped. */
class ShutdownIntegrationTest {
    private static final String SPOOLER_STOPPED = "Thread shutdown completed. Turning off mail queue.";
    private static final String RAMPART_CLOSED = "Rampart closed its state store (memory)";

    @Test
    void stoppingJamesShouldCloseRampartAfterTheSpooler() throws Exception {
        LaunchOptions options = RampartJames.freshOptions("shutdown");
        JamesInstaller installer = new JamesInstaller(options);
        installer.install();
        try (JamesProcess james = JamesProcess.start(installer, options, null, Duration.ofMinutes(3))) {
            assertThat(james.output()).doesNotContain(RAMPART_CLOSED);
        }

        String log = Files.readString(options.workDir().resolve("logs/james.log"), StandardCharsets.UTF_8);
        assertThat(log).contains(SPOOLER_STOPPED, RAMPART_CLOSED);
        assertThat(log.indexOf(RAMPART_CLOSED)).isGreaterThan(log.indexOf(SPOOLER_STOPPED));
        RampartJames.discard(options.workDir());
    }
}
