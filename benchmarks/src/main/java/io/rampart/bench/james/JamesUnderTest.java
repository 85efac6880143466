package io.rampart.bench.james;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.rampart.launcher.Directories;
import io.rampart.launcher.JamesInstaller;
import io.rampart.launcher.JamesProcess;
import io.rampart.launcher.LaunchOptions;
import io.rampart.launcher.WebAdminClient;

/**
 * A real James 3.8.1 memory server installed and started by the launcher classes, exactly as
 * {@code ./rampart run} does, either with Rampart ({@link Setup#RAMPART}) or with the same working
 * directory but James's stock {@code mailetcontainer.xml} and no Rampart SMTP hook
 * ({@link Setup#STOCK}). Loopback only; free ports; one process, measured through /proc and jcmd.
 */
public final class JamesUnderTest implements AutoCloseable {
    public static final String DOMAIN = "bench.example";
    public static final String QUARANTINE = "var/mail/rampart-quarantine";
    public static final String AUDIT = "var/mail/rampart-audit";
    public static final String ERROR = "var/mail/error";

    /** Which James. */
    public enum Setup {
        RAMPART, STOCK
    }

    private final Setup setup;
    private final LaunchOptions options;
    private final JamesProcess process;
    private final long pid;
    private final WebAdminClient webAdmin;

    private JamesUnderTest(Setup setup, LaunchOptions options, JamesProcess process, long pid) {
        this.setup = setup;
        this.options = options;
        this.process = process;
        this.pid = pid;
        this.webAdmin = new WebAdminClient(options.webadminPort());
    }

    public static JamesUnderTest start(Setup setup, Path repositoryRoot, Path workDir, String heap)
        throws IOException, InterruptedException {
        Directories.deleteRecursively(workDir);
        LaunchOptions options = new LaunchOptions()
            .domain(DOMAIN)
            .onFreePorts()
            .workDir(workDir)
            .repositoryRoot(repositoryRoot)
            .jvmOptions(List.of("-Xms" + heap, "-Xmx" + heap))
            .demoData(false);
        JamesInstaller installer = new JamesInstaller(options);
        installer.install();
        if (setup == Setup.STOCK) {
            Path conf = workDir.resolve("conf");
            Files.copy(installer.jamesHome().resolve("conf/mailetcontainer.xml"), conf.resolve("mailetcontainer.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String smtp = Files.readString(conf.resolve("smtpserver.xml"), StandardCharsets.UTF_8);
            Files.writeString(conf.resolve("smtpserver.xml"),
                smtp.replace("<handler class=\"io.rampart.smtp.RampartRejectHook\"/>", ""), StandardCharsets.UTF_8);
        }
        JamesProcess process = JamesProcess.start(installer, options, null, Duration.ofMinutes(4));
        long pid = ProcessHandle.current().children()
            .filter(p -> p.info().commandLine().map(c -> c.contains("-Dworking.directory=" + workDir.toAbsolutePath()))
                .orElse(false))
            .findFirst().map(ProcessHandle::pid)
            .orElseThrow(() -> new IllegalStateException("James's process not found among this JVM's children"));
        JamesUnderTest james = new JamesUnderTest(setup, options, process, pid);
        james.webAdmin.mustPut("/domains/" + DOMAIN, null);
        return james;
    }

    public Setup setup() {
        return setup;
    }

    public long pid() {
        return pid;
    }

    public int smtpPort() {
        return options.smtpPort();
    }

    public int imapPort() {
        return options.imapPort();
    }

    public static String user(int i) {
        return String.format(Locale.ROOT, "u%03d@%s", i, DOMAIN);
    }

    public static String password(String user) {
        return "pw-" + user.substring(0, user.indexOf('@'));
    }

    public void createUser(String address) throws IOException, InterruptedException {
        webAdmin.mustPut("/users/" + address, "{\"password\":\"" + password(address) + "\"}");
    }

    public void createUsers(int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            createUser(user(i));
        }
        createUser("security@" + DOMAIN);
    }

    /** Mails accepted and not yet taken by the mailet container (WebAdmin {@code /mailQueues/spool}). */
    public long spoolSize() throws IOException, InterruptedException {
        return jsonLong(webAdmin.get("/mailQueues/spool"), "size");
    }

    /** Mails in a mail repository such as {@link #QUARANTINE}, 0 when it does not exist (yet). */
    public long repositorySize(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = webAdmin.get("/mailRepositories/" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return 0;
        }
        return jsonLong(response, "size");
    }

    /** Keys of the mails in a repository. */
    public List<String> repositoryKeys(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = webAdmin.get("/mailRepositories/" + URLEncoder.encode(path, StandardCharsets.UTF_8)
            + "/mails?limit=1000000");
        if (response.statusCode() == 404) {
            return List.of();
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(),
            new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
    }

    /** The raw message of one repository mail. */
    public String repositoryMail(String path, String key) throws IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            "http://127.0.0.1:" + options.webadminPort() + "/mailRepositories/" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                + "/mails/" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
            .header("Accept", "message/rfc822").GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1)).body();
    }

    private static long jsonLong(HttpResponse<String> response, String field) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("WebAdmin answered " + response.statusCode() + ": " + response.body());
        }
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (!matcher.find()) {
            throw new IOException("no " + field + " in " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Resident set size of the James process, MiB (/proc/PID/status VmRSS). */
    public double rssMiB() {
        return statusField("VmRSS") / 1024.0;
    }

    public long threads() {
        return statusField("Threads");
    }

    public long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // Process gone.
        }
        return -1;
    }

    /** Java heap in use, MiB, from {@code jcmd PID GC.heap_info} ("used NNNK"); empty when jcmd fails. */
    public Optional<Double> heapUsedMiB() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process run = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String output;
            try (InputStream in = run.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.destroyForcibly();
                return Optional.empty();
            }
            Matcher matcher = Pattern.compile("total \\d+K, used (\\d+)K").matcher(output);
            return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1)) / 1024.0) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Full GC then heap in use: the live set (jcmd GC.run). */
    public Optional<Double> liveHeapMiB() {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process gc = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return heapUsedMiB();
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
