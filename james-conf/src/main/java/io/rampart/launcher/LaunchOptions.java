package io.rampart.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Options of {@code ./rampart run}, also used by the integration tests to boot James the same way. */
public final class LaunchOptions {
    public static final String DEFAULT_DOMAIN = "acme-corp.com";
    public static final int DEFAULT_SMTP_PORT = 2525;
    public static final int DEFAULT_IMAP_PORT = 1143;
    public static final int DEFAULT_WEBADMIN_PORT = 8000;
    public static final List<String> DEMO_USERS = List.of("alice", "bob", "carol");

    private String domain = DEFAULT_DOMAIN;
    private int smtpPort = DEFAULT_SMTP_PORT;
    private int imapPort = DEFAULT_IMAP_PORT;
    private int webadminPort = DEFAULT_WEBADMIN_PORT;
    private Path workDir = Paths.get("rampart-work");
    private Optional<String> relay = Optional.empty();
    private Optional<Path> rampartConfig = Optional.empty();
    private Path repositoryRoot = Paths.get(".");
    private List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
    private boolean demoData = true;

    /** Parses the command-line options of {@code ./rampart run}; throws IllegalArgumentException on bad ones. */
    public static LaunchOptions parse(List<String> args) {
        LaunchOptions options = new LaunchOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--domain":
                    options.domain(value(args, ++i, arg));
                    break;
                case "--smtp-port":
                    options.smtpPort(port(value(args, ++i, arg), arg));
                    break;
                case "--imap-port":
                    options.imapPort(port(value(args, ++i, arg), arg));
                    break;
                case "--webadmin-port":
                    options.webadminPort(port(value(args, ++i, arg), arg));
                    break;
                case "--work-dir":
                    options.workDir(Paths.get(value(args, ++i, arg)));
                    break;
                case "--relay":
                    options.relay(value(args, ++i, arg));
                    break;
                case "--config":
                    options.rampartConfig(Paths.get(value(args, ++i, arg)));
                    break;
                case "--no-demo-data":
                    options.demoData(false);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return options;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String value, String option) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a port number between 1 and 65535, got '" + value + "'");
        }
    }

    public LaunchOptions domain(String domain) {
        if (!domain.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
            throw new IllegalArgumentException("--domain must be a domain name such as acme-corp.com, got '" + domain + "'");
        }
        this.domain = domain.toLowerCase(java.util.Locale.ROOT);
        return this;
    }

    /**
     * SMTP, IMAP and WebAdmin on three different free loopback ports. The three sockets are held open
     * together while the ports are chosen: opened and closed one after another, the system may hand out the
     * same port twice, and James then fails to bind the second server.
     */
    public LaunchOptions onFreePorts() throws java.io.IOException {
        try (java.net.ServerSocket smtp = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.ServerSocket imap = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.ServerSocket webadmin = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return smtpPort(smtp.getLocalPort()).imapPort(imap.getLocalPort()).webadminPort(webadmin.getLocalPort());
        }
    }

    public LaunchOptions smtpPort(int smtpPort) {
        this.smtpPort = smtpPort;
        return this;
    }

    public LaunchOptions imapPort(int imapPort) {
        this.imapPort = imapPort;
        return this;
    }

    public LaunchOptions webadminPort(int webadminPort) {
        this.webadminPort = webadminPort;
        return this;
    }

    public LaunchOptions workDir(Path workDir) {
        this.workDir = workDir;
        return this;
    }

    public LaunchOptions relay(String relay) {
        if (!relay.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
            throw new IllegalArgumentException("--relay must be HOST:PORT, got '" + relay + "'");
        }
        this.relay = Optional.of(relay);
        return this;
    }

    public LaunchOptions rampartConfig(Path rampartConfig) {
        this.rampartConfig = Optional.of(rampartConfig);
        return this;
    }

    public LaunchOptions repositoryRoot(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
        return this;
    }

    public LaunchOptions jvmOptions(List<String> jvmOptions) {
        this.jvmOptions = new ArrayList<>(jvmOptions);
        return this;
    }

    public LaunchOptions demoData(boolean demoData) {
        this.demoData = demoData;
        return this;
    }

    public String domain() {
        return domain;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int webadminPort() {
        return webadminPort;
    }

    public Path workDir() {
        return workDir;
    }

    public Optional<String> relay() {
        return relay;
    }

    public Optional<Path> rampartConfig() {
        return rampartConfig;
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    public List<String> jvmOptions() {
        return Collections.unmodifiableList(jvmOptions);
    }

    public boolean demoData() {
        return demoData;
    }

    public String securityMailbox() {
        return "security@" + domain;
    }
}
