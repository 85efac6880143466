package io.rampart.launcher;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./rampart run}: installs Rampart into James 3.8.1's memory server in a working directory,
 * starts it on loopback, creates the demo domain and users, prints how to use it, and stops James
 * cleanly on Ctrl-C.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("rampart run: " + e.getMessage());
            System.err.println("usage: ./rampart run [--domain D] [--smtp-port N] [--imap-port N] [--webadmin-port N]"
                + " [--work-dir DIR] [--relay HOST:PORT] [--config rampart.properties] [--no-demo-data]");
            System.exit(2);
            return;
        }
        options.repositoryRoot(Paths.get(System.getProperty("rampart.root", ".")));
        JamesInstaller installer = new JamesInstaller(options);
        installer.install();
        System.out.println("Rampart: starting James 3.8.1 in " + options.workDir().toAbsolutePath() + " ...");
        JamesProcess james;
        try {
            james = JamesProcess.start(installer, options, System.out, Duration.ofMinutes(3));
        } catch (JamesProcess.JamesStartException e) {
            System.err.println("Rampart: James did not start: see the output above (and "
                + options.workDir().resolve("logs/james.log") + ").");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Rampart: stopping James ...");
            james.close();
        }, "rampart-stop"));
        if (options.demoData()) {
            DemoData.provision(options);
        }
        System.out.println(instructions(options));
        int exit = james.waitFor();
        System.exit(exit);
    }

    static String instructions(LaunchOptions options) {
        String d = options.domain();
        int smtp = options.smtpPort();
        return "\n"
            + "================================================================================\n"
            + " Rampart is running inside James on 127.0.0.1 (domain " + d + ")\n"
            + "================================================================================\n"
            + " Users (password = <name>-secret): alice@" + d + ", bob@" + d + ", carol@" + d + "\n"
            + " Security mailbox: " + options.securityMailbox() + " (password security-secret)\n\n"
            + " Mail from outside (inbound, no AUTH):\n"
            + "   swaks --server 127.0.0.1:" + smtp + " --from someone@example.net --to alice@" + d
            + " --body 'Hello'\n"
            + " A local user sending (internal/outbound, SMTP AUTH PLAIN or LOGIN):\n"
            + "   swaks --server 127.0.0.1:" + smtp + " --auth PLAIN --auth-user alice@" + d
            + " --auth-password alice-secret --from alice@" + d + " --to bob@" + d + " --body 'Hi Bob'\n\n"
            + " Read mail over IMAP (plain LOGIN): 127.0.0.1:" + options.imapPort() + "\n"
            + "   curl -s --url 'imap://127.0.0.1:" + options.imapPort() + "/INBOX;UID=1' --user 'alice@" + d
            + ":alice-secret'\n\n"
            + " WebAdmin: http://127.0.0.1:" + options.webadminPort() + "\n"
            + "   curl -s http://127.0.0.1:" + options.webadminPort() + "/mailRepositories\n"
            + "   quarantine:    curl -s http://127.0.0.1:" + options.webadminPort()
            + "/mailRepositories/var%2Fmail%2Frampart-quarantine/mails\n"
            + "   outbound sink: curl -s http://127.0.0.1:" + options.webadminPort()
            + "/mailRepositories/var%2Fmail%2Foutbound-sink/mails\n"
            + "   curl -s -XPOST -H 'Content-Type: message/rfc822' --data-binary @message.eml 'http://127.0.0.1:" + options.webadminPort()
            + "/rampart/scan?flow=inbound'\n\n"
            + " Logs: " + options.workDir().toAbsolutePath().resolve("logs/james.log") + "\n"
            + " Ctrl-C stops James.\n"
            + "================================================================================\n";
    }
}
