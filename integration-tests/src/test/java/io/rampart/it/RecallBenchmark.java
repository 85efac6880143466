package io.rampart.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.rampart.launcher.DemoData;
import io.rampart.launcher.JamesInstaller;
import io.rampart.launcher.JamesProcess;
import io.rampart.launcher.LaunchOptions;

/**
 * Recall benchmark on the memory server: one message delivered to N mailboxes (default 1,000 and
 * 10,000), then timed: preview (POST /rampart/recalls?action=preview, best of 3), recall (POST
 * ...?action=recall until the task completes) and undo. James runs as a real process with the
 * bundle, users are provisioned over WebAdmin, mail comes in over SMTP (1,000 recipients per
 * transaction, one Message-ID).
 *
 * <pre>
 * mvn -q -B -o install -DskipTests
 * cd integration-tests && mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" -Drampart.root=.. io.rampart.it.RecallBenchmark 1000,10000
 * </pre>
 * Add {@code -Dbench.vault=false} to run without the memory app's Deleted Messages Vault hook,
 * {@code -Dbench.concurrency=N} to set {@code recall.concurrency};
 * undo is timed up to {@code -Dbench.undoMax=2000} mailboxes (re-appending is bound by James's own
 * per-message delivery listeners on the memory backend).
 */
public final class RecallBenchmark {
    private static final int BATCH = 1000;
    private static final String SENDER = "ceo@fraud-bench.test";

    private RecallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : (args.length == 0 ? "1000,10000" : args[0]).split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        LaunchOptions options = RampartJames.freshOptions("bench")
            .jvmOptions(List.of("-Xmx3g", "-XX:+UseParallelGC"));
        JamesInstaller installer = new JamesInstaller(options);
        installer.install();
        boolean vault = Boolean.parseBoolean(System.getProperty("bench.vault", "true"));
        if (!vault) {
            // The memory app's sample listeners.xml registers the Deleted Messages Vault hook, which on the
            // memory backend scans every mailbox for each delete: -Dbench.vault=false measures without it.
            java.nio.file.Files.writeString(options.workDir().resolve("conf/listeners.xml"), "<listeners/>\n");
        }
        System.out.println("Deleted Messages Vault hook: " + (vault ? "on (sample listeners.xml)" : "off"));
        String concurrency = System.getProperty("bench.concurrency");
        if (concurrency != null) {
            // -Dbench.concurrency=N: recall.concurrency (mailboxes worked on in parallel).
            java.nio.file.Files.writeString(options.workDir().resolve("conf/rampart.properties"),
                "\nrecall.concurrency=" + Integer.parseInt(concurrency.trim()) + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        System.out.println("recall.concurrency: " + (concurrency == null ? "the default (see rampart.properties)" : concurrency));
        try (JamesProcess james = JamesProcess.start(installer, options, null, Duration.ofMinutes(3))) {
            DemoData.provision(options);
            AdminHttp admin = new AdminHttp(options.webadminPort());
            long start = System.nanoTime();
            provision(admin, max);
            System.out.printf(Locale.ROOT, "provisioned %d users in %.1f s%n", max, seconds(start));
            List<String> lines = new ArrayList<>();
            for (int size : sizes) {
                lines.add(run(admin, options, size));
            }
            System.out.println();
            System.out.println("| mailboxes | delivery (s) | preview (s, best of 3) | recall (s) | undo (s) |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: |");
            lines.forEach(System.out::println);
        }
        RampartJames.discard(options.workDir());
    }

    /**
     * One user at a time: James 3.8.1's memory users repository keeps users in a plain HashMap
     * ({@code MemoryUsersDAO}), and creating them from two threads lost one of 10,000 (every PUT
     * answered 204; SMTP later refused the lost user with "550 5.1.1 Unknown user").
     */
    private static void provision(AdminHttp admin, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String user = user(i);
            AdminHttp.Answer answer = admin.put("/users/" + RampartJames.address(user),
                "{\"password\":\"" + DemoData.password(user) + "\"}");
            if (answer.status() != 204) {
                throw new IllegalStateException("PUT user " + user + ": " + answer);
            }
        }
    }

    private static String user(int i) {
        return String.format(Locale.ROOT, "bench%05d", i);
    }

    private static String run(AdminHttp admin, LaunchOptions options, int size) throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@fraud-bench.test>";
        // A message detection lets through (what a recall is for), fixed apart from its Message-ID: random
        // words in it would be hashed model features and could push it over the threshold in one run
        // (a subject with a UUID and the size did, at 10,000: every copy was quarantined).
        byte[] message = ("From: " + SENDER + "\r\nTo: all@" + RampartJames.DOMAIN + "\r\nSubject: Team meeting moved"
            + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Hello all,\r\n\r\nthe team meeting moves to Thursday at ten, same room. The agenda is in the shared"
            + " folder.\r\n\r\nThanks\r\n")
            .getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int from = 0; from < size; from += BATCH) {
            List<String> recipients = new ArrayList<>();
            for (int i = from; i < Math.min(size, from + BATCH); i++) {
                recipients.add(RampartJames.address(user(i)));
            }
            send(options.smtpPort(), recipients, message);
        }
        String criteria = "{\"messageId\":\"" + messageId + "\"}";
        int found = 0;
        while (found < size) {
            found = admin.post("/rampart/recalls?action=preview", criteria).json().path("messages").asInt();
            if (found < size) {
                Thread.sleep(500);
            }
            if (seconds(start) > 900) {
                throw new IllegalStateException("only " + found + " of " + size + " copies delivered after 15 minutes");
            }
        }
        double delivery = seconds(start);
        double preview = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            JsonNode answer = admin.post("/rampart/recalls?action=preview", criteria).json();
            preview = Math.min(preview, seconds(t));
            check(answer.path("messages").asInt() == size, "preview " + answer.path("messages"));
        }
        long t = System.nanoTime();
        AdminHttp.Answer started = admin.post("/rampart/recalls?action=recall",
            "{\"messageId\":\"" + messageId + "\",\"reason\":\"benchmark\"}");
        check(started.status() == 201, "recall " + started);
        JsonNode task = admin.awaitTask(started.json().path("taskId").asText());
        double recall = seconds(t);
        check(task.path("additionalInformation").path("recalled").asInt() == size, "recalled " + task);
        String undoSeconds = "not measured";
        if (size <= Integer.getInteger("bench.undoMax", 2000)) {
            String recallId = started.json().path("recallId").asText();
            t = System.nanoTime();
            JsonNode undone = undo(admin, recallId);
            undoSeconds = String.format(Locale.ROOT, "%.2f", seconds(t));
            int restored = undone.path("additionalInformation").path("restored").asInt();
            if (restored < size) {
                // What an admin does with an undo-partial recall: run the undo again; it takes the copies
                // that failed (their saved copies were kept).
                long again = System.nanoTime();
                JsonNode rerun = undo(admin, recallId);
                undoSeconds += String.format(Locale.ROOT, " (%d copies failed; undo run again: %.2f s, then %d restored)",
                    size - restored, seconds(again), rerun.path("additionalInformation").path("restored").asInt());
                restored = rerun.path("additionalInformation").path("restored").asInt();
            }
            check(restored == size, "undo restored " + restored + " of " + size);
            JsonNode after = admin.post("/rampart/recalls?action=preview", criteria).json();
            check(after.path("messages").asInt() == size, "copies in the mailboxes after the undo (none put back"
                + " twice, none missing): " + after.path("messages"));
        }
        String line = String.format(Locale.ROOT, "| %,d | %.1f | %.3f | %.2f | %s |", size, delivery, preview, recall,
            undoSeconds);
        System.out.println(line);
        return line;
    }

    private static JsonNode undo(AdminHttp admin, String recallId) throws Exception {
        AdminHttp.Answer undo = admin.post("/rampart/recalls/" + recallId + "?action=undo", null);
        check(undo.status() == 201, "undo " + undo);
        return admin.awaitTask(undo.json().path("taskId").asText());
    }

    private static void send(int port, List<String> recipients, byte[] message) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.from", SENDER);
        properties.put("mail.smtp.timeout", "600000");
        javax.mail.Session session = javax.mail.Session.getInstance(properties);
        javax.mail.internet.MimeMessage mime = new javax.mail.internet.MimeMessage(session,
            new java.io.ByteArrayInputStream(message));
        javax.mail.Address[] to = new javax.mail.Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new javax.mail.internet.InternetAddress(recipients.get(i));
        }
        try (javax.mail.Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(mime, to);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
