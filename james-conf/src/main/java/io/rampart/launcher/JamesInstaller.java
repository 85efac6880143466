package io.rampart.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out a James working directory exactly as a user installs Rampart: James 3.8.1's sample
 * {@code conf/}, then Rampart's files from {@code james-conf/src/main/james/conf} over it, and the
 * extension jar in {@code extensions-jars/}. Then it applies the local-demo edits, and only those:
 * servers bound to 127.0.0.1 on the chosen ports, TLS-only servers (465, 587, 993), POP3, JMAP and JMX
 * off, plain LOGIN/AUTH allowed on loopback, DNS pointed at loopback, the default domain, and
 * outbound mail kept in the {@code outbound-sink} repository (or sent to {@code --relay}).
 */
public final class JamesInstaller {
    public static final String OUTBOUND_SINK = "memory://var/mail/outbound-sink/";

    private final LaunchOptions options;

    public JamesInstaller(LaunchOptions options) {
        this.options = options;
    }

    public Path jamesHome() {
        return options.repositoryRoot().resolve("james-conf/target/james-dist/james-server-memory-app");
    }

    public Path jamesLib() {
        return options.repositoryRoot().resolve("james-conf/target/james-dist/lib");
    }

    public Path rampartConf() {
        return options.repositoryRoot().resolve("james-conf/src/main/james/conf");
    }

    public Path extensionJar() {
        Path target = options.repositoryRoot().resolve("bundle/target/dist");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "rampart-extension-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new IllegalStateException("No Rampart extension jar under " + target + ": run mvn package first", e);
        }
        throw new IllegalStateException("No Rampart extension jar under " + target + ": run mvn package first");
    }

    public void install() throws IOException {
        requireDirectory(jamesHome().resolve("conf"), "James's sample configuration");
        requireDirectory(jamesLib(), "James's libraries");
        Path work = options.workDir();
        Path conf = work.resolve("conf");
        Files.createDirectories(conf);
        Files.createDirectories(work.resolve("extensions-jars"));
        Files.createDirectories(work.resolve("logs"));
        copyFiles(jamesHome().resolve("conf"), conf);
        copyFiles(rampartConf(), conf);
        if (options.rampartConfig().isPresent()) {
            Files.copy(options.rampartConfig().get(), conf.resolve("rampart.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(work.resolve("extensions-jars"), "*.jar")) {
            for (Path jar : old) {
                Files.delete(jar);
            }
        }
        Path jar = extensionJar();
        Files.copy(jar, work.resolve("extensions-jars").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        applyLocalEdits(conf);
    }

    private void applyLocalEdits(Path conf) throws IOException {
        edit(conf.resolve("smtpserver.xml"), xml -> {
            List<String> servers = splitElements(xml, "smtpserver");
            String result = xml;
            for (String server : servers) {
                String edited;
                if (server.contains("<bind>0.0.0.0:25</bind>")) {
                    edited = server.replace("<bind>0.0.0.0:25</bind>", "<bind>127.0.0.1:" + options.smtpPort() + "</bind>");
                } else {
                    edited = server.replaceFirst("<smtpserver enabled=\"true\">", "<smtpserver enabled=\"false\">");
                }
                result = result.replace(server, edited);
            }
            return result;
        });
        edit(conf.resolve("imapserver.xml"), xml -> {
            String result = xml;
            for (String server : splitElements(xml, "imapserver")) {
                String edited;
                if (server.contains("<bind>0.0.0.0:143</bind>")) {
                    edited = server.replace("<bind>0.0.0.0:143</bind>", "<bind>127.0.0.1:" + options.imapPort() + "</bind>")
                        .replace("startTLS=\"true\"", "startTLS=\"false\"")
                        .replace("<plainAuthDisallowed>true</plainAuthDisallowed>", "<plainAuthDisallowed>false</plainAuthDisallowed>");
                } else {
                    edited = server.replaceFirst("<imapserver enabled=\"true\">", "<imapserver enabled=\"false\">");
                }
                result = result.replace(server, edited);
            }
            return result;
        });
        edit(conf.resolve("pop3server.xml"), xml -> xml.replace("enabled=\"true\"", "enabled=\"false\""));
        edit(conf.resolve("managesieveserver.xml"), xml -> xml.replace("enabled=\"true\"", "enabled=\"false\""));
        write(conf.resolve("jmap.properties"), "enabled=false\n");
        write(conf.resolve("jmx.properties"), "jmx.enabled=false\n");
        edit(conf.resolve("webadmin.properties"), properties -> properties
            .replaceAll("(?m)^port=.*$", "port=" + options.webadminPort())
            .replaceAll("(?m)^host=.*$", "host=127.0.0.1"));
        edit(conf.resolve("dnsservice.xml"), xml -> xml.replace("<autodiscover>true</autodiscover>",
            "<servers><server>127.0.0.1</server></servers>\n  <autodiscover>false</autodiscover>"));
        edit(conf.resolve("domainlist.xml"), xml -> xml.replaceAll("<defaultDomain>[^<]*</defaultDomain>",
            "<defaultDomain>" + options.domain() + "</defaultDomain>"));
        edit(conf.resolve("mailetcontainer.xml"), xml -> {
            String remoteDelivery = "<mailet match=\"All\" class=\"RemoteDelivery\">";
            if (!xml.contains(remoteDelivery)) {
                throw new IllegalStateException("mailetcontainer.xml has no RemoteDelivery mailet to redirect");
            }
            if (options.relay().isPresent()) {
                String relay = options.relay().get();
                int colon = relay.lastIndexOf(':');
                return xml.replace(remoteDelivery, remoteDelivery + "\n                <gateway>" + relay.substring(0, colon)
                    + "</gateway>\n                <gatewayPort>" + relay.substring(colon + 1) + "</gatewayPort>");
            }
            return xml.replace(remoteDelivery, "<!-- ./rampart run: outbound mail is kept here instead of leaving -->\n"
                + "            <mailet match=\"All\" class=\"ToRepository\">\n"
                + "                <repositoryPath>" + OUTBOUND_SINK + "</repositoryPath>\n"
                + "            </mailet>\n            " + remoteDelivery);
        });
        write(conf.resolve("logback.xml"), logback());
    }

    private String logback() {
        String logFile = options.workDir().toAbsolutePath().resolve("logs/james.log").toString();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<configuration>\n"
            + "  <contextListener class=\"ch.qos.logback.classic.jul.LevelChangePropagator\"><resetJUL>true</resetJUL></contextListener>\n"
            + "  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
            + "    <encoder><pattern>%d{HH:mm:ss.SSS} [%-5level] %logger{15} - %msg%n%rEx</pattern></encoder>\n"
            + "  </appender>\n"
            + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
            + "    <file>" + logFile + "</file>\n"
            + "    <encoder><pattern>%d{HH:mm:ss.SSS} [%-5level] %logger{15} - %msg%n%rEx</pattern></encoder>\n"
            + "  </appender>\n"
            + "  <root level=\"WARN\"><appender-ref ref=\"CONSOLE\"/><appender-ref ref=\"FILE\"/></root>\n"
            + "  <logger name=\"org.apache.james\" level=\"INFO\"/>\n"
            + "  <logger name=\"org.apache.james.protocols\" level=\"WARN\"/>\n"
            + "  <logger name=\"org.apache.james.smtpserver\" level=\"WARN\"/>\n"
            + "  <logger name=\"org.apache.james.imapserver\" level=\"WARN\"/>\n"
            + "  <logger name=\"org.apache.james.transport.mailets.jsieve\" level=\"WARN\"/>\n"
            + "  <logger name=\"io.rampart\" level=\"INFO\"/>\n"
            + "</configuration>\n";
    }

    /** The whole {@code <name ...>...</name>} elements of a document, in order. */
    private static List<String> splitElements(String xml, String name) {
        List<String> elements = new ArrayList<>();
        Matcher matcher = Pattern.compile("<" + name + "[ >].*?</" + name + ">", Pattern.DOTALL).matcher(xml);
        while (matcher.find()) {
            elements.add(matcher.group());
        }
        return elements;
    }

    private interface Edit {
        String apply(String content);
    }

    private static void edit(Path file, Edit edit) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        write(file, edit.apply(content));
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void requireDirectory(Path directory, String what) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException(what + " not found at " + directory
                + ": build first (mvn -B package -DskipTests)");
        }
    }

}
