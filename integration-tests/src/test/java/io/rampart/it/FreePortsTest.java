package io.rampart.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import io.rampart.launcher.LaunchOptions;

/** The three servers of a test James get three different ports that are free to bind (no James booted here). */
class FreePortsTest {
    @Test
    void smtpImapAndWebAdminGetThreeDifferentFreePorts() throws IOException {
        for (int round = 0; round < 200; round++) {
            LaunchOptions options = new LaunchOptions().onFreePorts();

            assertThat(new int[] {options.smtpPort(), options.imapPort(), options.webadminPort()})
                .doesNotHaveDuplicates().doesNotContain(0);
        }
        LaunchOptions options = new LaunchOptions().onFreePorts();
        try (ServerSocket smtp = new ServerSocket(options.smtpPort(), 1, InetAddress.getLoopbackAddress());
             ServerSocket imap = new ServerSocket(options.imapPort(), 1, InetAddress.getLoopbackAddress());
             ServerSocket webadmin = new ServerSocket(options.webadminPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(smtp.isBound() && imap.isBound() && webadmin.isBound()).isTrue();
        }
    }
}
