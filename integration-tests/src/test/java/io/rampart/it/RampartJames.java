package io.rampart.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import io.rampart.launcher.DemoData;
import io.rampart.launcher.Directories;
import io.rampart.launcher.JamesInstaller;
import io.rampart.launcher.JamesProcess;
import io.rampart.launcher.LaunchOptions;
import io.rampart.launcher.WebAdminClient;

/**
 * Boots one real James 3.8.1 per test class, installed by the same code as {@code ./rampart run}
 * (James's sample conf, then james-conf's files, then the extension jar in extensions-jars/), on
 * free loopback ports, with the demo domain and users. Register it as a static extension.
 * Its working directory (James, logs, mail repositories) is deleted after the class unless a test
 * failed or {@code -D}{@value #KEEP_PROPERTY}{@code =true} is given, so that failures can be read.
 */
public final class RampartJames implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    /** System property: keep every test James's working directory. */
    public static final String KEEP_PROPERTY = "rampart.it.keepWorkDirs";
    public static final String DOMAIN = LaunchOptions.DEFAULT_DOMAIN;

    public static RampartJames withDefaults() {
        return new RampartJames(Optional.empty());
    }

    /** James with this content as conf/rampart.properties instead of the shipped one. */
    public static RampartJames withRampartProperties(String properties) {
        return new RampartJames(Optional.of(properties));
    }

    private final Optional<String> rampartProperties;
    private LaunchOptions options;
    private JamesProcess process;
    private Path workDir;
    private volatile boolean failed;

    private RampartJames(Optional<String> rampartProperties) {
        this.rampartProperties = rampartProperties;
    }

    public static Path repositoryRoot() {
        return Paths.get(System.getProperty("rampart.root", "..")).toAbsolutePath().normalize();
    }

    /** Options for a James in a fresh directory on free ports. */
    public static LaunchOptions freshOptions(String name) throws IOException {
        Path work = Files.createTempDirectory("rampart-it-" + name);
        return new LaunchOptions()
            .workDir(work)
            .onFreePorts()
            .repositoryRoot(repositoryRoot())
            .jvmOptions(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        options = freshOptions(context.getRequiredTestClass().getSimpleName());
        workDir = options.workDir();
        if (rampartProperties.isPresent()) {
            Path file = workDir.resolve("rampart-test.properties");
            Files.writeString(file, rampartProperties.get(), StandardCharsets.UTF_8);
            options.rampartConfig(file);
        }
        JamesInstaller installer = new JamesInstaller(options);
        installer.install();
        process = JamesProcess.start(installer, options, null, Duration.ofMinutes(3));
        DemoData.provision(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (process != null) {
            process.close();
        }
        if (failed || context.getExecutionException().isPresent()) {
            System.err.println("RampartJames: a test failed; James's working directory is kept: " + workDir);
        } else {
            discard(workDir);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    /** Deletes a test James's working directory (after it stopped) unless {@value #KEEP_PROPERTY} is set. */
    public static void discard(Path workDir) {
        if (workDir == null || Boolean.getBoolean(KEEP_PROPERTY)) {
            return;
        }
        try {
            Directories.deleteRecursively(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test James's directory " + workDir, e);
        }
    }

    public LaunchOptions options() {
        return options;
    }

    public Path workDir() {
        return workDir;
    }

    public String output() {
        return process.output();
    }

    public String jamesLog() {
        try {
            return Files.readString(workDir.resolve("logs/james.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Smtp smtp() {
        return new Smtp(options.smtpPort());
    }

    public Imap imap(String user) {
        return new Imap(options.imapPort(), user + "@" + DOMAIN, DemoData.password(user));
    }

    public Imap securityImap() {
        return new Imap(options.imapPort(), options.securityMailbox(), DemoData.password("security"));
    }

    public WebAdmin webAdmin() {
        return new WebAdmin(new WebAdminClient(options.webadminPort()));
    }

    public static String address(String user) {
        return user + "@" + DOMAIN;
    }
}
