package io.rampart.core.state;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a throw-away {@code redis-server} on a free loopback port for a test class and stops it
 * after. A missing binary FAILS the class: a skipped Redis suite must never count as a pass.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private Process process;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public void start() throws IOException, InterruptedException {
        String binary = findBinary().orElseThrow(() -> new IllegalStateException(
            "redis-server not found on PATH (or /usr/bin, /usr/sbin, /usr/local/bin): the Redis state contract "
                + "cannot run. Install it (apt-get install -y redis-server) - this suite fails rather than skips."));
        port = freePort();
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "yes")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with code " + process.exitValue() + " on port " + port);
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        stop();
        throw new IllegalStateException("redis-server did not accept connections on port " + port + " within " + STARTUP);
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static Optional<String> findBinary() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream((path + File.pathSeparator + "/usr/bin:/usr/sbin:/usr/local/bin").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, "redis-server"))
            .filter(Files::isExecutable)
            .map(Path::toString)
            .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
