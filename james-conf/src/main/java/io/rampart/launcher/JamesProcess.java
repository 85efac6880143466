package io.rampart.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A James 3.8.1 memory server running as a child process on an installed working directory, the
 * way an administrator runs it: {@code java -Dworking.directory=... -cp jar:lib/* MemoryJamesServerMain}.
 */
public final class JamesProcess implements AutoCloseable {
    public static final String STARTED_MARKER = "JAMES server started";
    private static final int KEPT_LINES = 400;

    /** Starts James and waits until it reports being started, or fails with its last output. */
    public static JamesProcess start(JamesInstaller installer, LaunchOptions options, PrintStream echo,
                                     Duration timeout) throws IOException, InterruptedException {
        Path work = options.workDir().toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.add("-Djava.awt.headless=true");
        command.add("-Dworking.directory=" + work);
        command.add("-Dlogback.configurationFile=" + work.resolve("conf/logback.xml"));
        command.add("-cp");
        command.add(installer.jamesHome().toAbsolutePath().resolve("james-server-memory-app.jar")
            + java.io.File.pathSeparator + installer.jamesLib().toAbsolutePath() + "/*");
        command.add("org.apache.james.MemoryJamesServerMain");
        command.add("--generate-keystore");
        Process process = new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .start();
        JamesProcess james = new JamesProcess(process, echo);
        james.awaitStarted(timeout);
        return james;
    }

    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread reader;

    private JamesProcess(Process process, PrintStream echo) {
        this.process = process;
        this.reader = new Thread(() -> pump(echo), "james-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void pump(PrintStream echo) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                if (echo != null) {
                    echo.println(line);
                }
                if (line.contains(STARTED_MARKER)) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // The process ended: nothing more to read.
        }
    }

    private void awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (started.await(200, TimeUnit.MILLISECONDS)) {
                return;
            }
            if (!process.isAlive()) {
                reader.join(2_000);
                throw new JamesStartException("James exited with code " + process.exitValue()
                    + " before starting", output());
            }
        }
        close();
        throw new JamesStartException("James did not start within " + timeout.toSeconds() + " s", output());
    }

    /** James's last lines of output (console log), for diagnostics and tests. */
    public String output() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops James cleanly (SIGTERM runs its shutdown hooks), forcibly after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** James did not start; carries its output, where the cause is named. */
    public static final class JamesStartException extends RuntimeException {
        private final String output;

        JamesStartException(String message, String output) {
            super(message + ". Last output:\n" + output);
            this.output = output;
        }

        public String output() {
            return output;
        }
    }
}
