package io.rampart.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.bench.james.ImapClient;
import io.rampart.bench.james.JamesUnderTest;
import io.rampart.bench.james.JamesUnderTest.Setup;
import io.rampart.bench.james.SmtpClient;

/**
 * A bounded soak through a real James with Rampart: a steady rate of clean, spam (GTUBE) and
 * malware (EICAR) mail from outside to many users for {@code --minutes}, every message with a
 * unique id. At the end, once the spool is empty: every id accepted is found exactly once, in a
 * mailbox (delivered), the quarantine or the audit repository (held); none lost, none duplicated;
 * clean mail delivered and GTUBE/EICAR quarantined. Heap (live after a full GC, start and end;
 * samples in between), threads and open file handles of the James process at start and end.
 */
public final class Soak {
    private static final String USAGE = "Soak [--minutes N] [--rate MSG_PER_S] [--users N] [--mix CLEAN,SPAM,MALWARE]"
        + " [--senders N] [--heap 1g] [--work-dir DIR]";
    private static final Pattern BENCH_ID = Pattern.compile("(?im)^X-Bench-Id:\\s*(\\S+)");

    enum Kind {
        CLEAN, SPAM, MALWARE
    }

    private Soak() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--minutes", "--rate", "--users", "--mix", "--senders", "--heap", "--work-dir"),
            Set.of(), USAGE);
        Path root = Path.of(System.getProperty("rampart.root", ".")).toAbsolutePath().normalize();
        double minutes = args.getDouble("--minutes", 15);
        double rate = args.getDouble("--rate", 10);
        int users = args.getInt("--users", 200);
        int senders = args.getInt("--senders", 4);
        String[] mix = args.get("--mix", "80,10,10").split(",");
        int[] weights = {Integer.parseInt(mix[0]), Integer.parseInt(mix[1]), Integer.parseInt(mix[2])};
        Path work = Path.of(args.get("--work-dir", "/tmp/rampart-soak"));
        long total = Math.round(minutes * 60 * rate);

        System.out.println("== Soak: James 3.8.1 with Rampart, steady load, nothing lost");
        System.out.println("machine: " + Machine.describe());
        System.out.printf(Locale.ROOT, "load:    %.1f min at %.1f msg/s = %d messages (clean/spam/malware %s%%) from outside to"
            + " %d users over %d SMTP connections%n", minutes, rate, total, args.get("--mix", "80,10,10"), users, senders);

        try (JamesUnderTest james = JamesUnderTest.start(Setup.RAMPART, root, work, args.get("--heap", "1g"))) {
            james.createUsers(users);
            // A short warm-up so that start-of-run figures are not the cold server's.
            Map<String, Kind> warm = new ConcurrentHashMap<>();
            drive(james, 20, 10, users, weights, 2, warm, "warm");
            awaitDrained(james, TimeUnit.MINUTES.toNanos(5));
            Snapshot before = Snapshot.take(james, true);
            System.out.println("start:   " + before);

            Map<String, Kind> accepted = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            ExecutorService sampler = Executors.newSingleThreadExecutor();
            Future<?> samples = sampler.submit(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(60_000);
                        System.out.printf(Locale.ROOT, "  %5.1f min: accepted %d, spool %d, %s%n",
                            (System.nanoTime() - started) / 6e10, accepted.size(), james.spoolSize(),
                            Snapshot.take(james, false));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            long[] refused = drive(james, total, rate, users, weights, senders, accepted, "soak");
            samples.cancel(true);
            sampler.shutdownNow();
            double sendMinutes = (System.nanoTime() - started) / 6e10;
            boolean drained = awaitDrained(james, TimeUnit.MINUTES.toNanos(10));
            Snapshot after = Snapshot.take(james, true);
            System.out.printf(Locale.ROOT, "sent:    %d accepted, %d refused in %.1f min; spool drained: %s%n",
                accepted.size(), refused[0], sendMinutes, drained);
            System.out.println("end:     " + after);
            boolean ok = account(james, users, accepted, warm.keySet()) && drained && refused[0] == 0;
            System.out.printf(Locale.ROOT, "growth:  live heap %+.0f MiB, threads %+d, open files %+d%n",
                after.liveHeap.orElse(Double.NaN) - before.liveHeap.orElse(Double.NaN), after.threads - before.threads,
                after.files - before.files);
            System.out.println(ok ? "RESULT: PASS (nothing lost, nothing duplicated, every mail where it belongs)"
                : "RESULT: FAIL (see above)");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    /** Threads, file handles, RSS and heap of the James process. */
    static final class Snapshot {
        long threads;
        long files;
        double rss;
        Optional<Double> heap;
        Optional<Double> liveHeap = Optional.empty();

        static Snapshot take(JamesUnderTest james, boolean fullGc) {
            Snapshot snapshot = new Snapshot();
            snapshot.threads = james.threads();
            snapshot.files = james.openFiles();
            snapshot.rss = james.rssMiB();
            snapshot.heap = james.heapUsedMiB();
            if (fullGc) {
                snapshot.liveHeap = james.liveHeapMiB();
            }
            return snapshot;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "threads %d, open files %d, RSS %.0f MiB, heap used %s MiB%s", threads, files,
                rss, heap.map(h -> String.format(Locale.ROOT, "%.0f", h)).orElse("n/a"),
                liveHeap.map(h -> String.format(Locale.ROOT, ", live heap after full GC %.0f MiB", h)).orElse(""));
        }
    }

    /** Sends {@code total} messages at {@code rate}/s (a fixed schedule, not bursts); returns {refused}. */
    static long[] drive(JamesUnderTest james, long total, double rate, int users, int[] weights, int senders,
                        Map<String, Kind> accepted, String prefix) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger failuresShown = new AtomicInteger();
        long start = System.nanoTime();
        long hardStop = start + (long) (total / rate * 1e9) + TimeUnit.MINUTES.toNanos(5);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> runs = new ArrayList<>();
        int weightSum = weights[0] + weights[1] + weights[2];
        for (int s = 0; s < senders; s++) {
            int seed = s;
            runs.add(pool.submit(() -> {
                Random random = new Random(1000 + seed);
                SmtpClient smtp = null;
                int onConnection = 0;
                long i;
                while ((i = next.getAndIncrement()) < total && System.nanoTime() < hardStop) {
                    long due = start + (long) (i / rate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int pick = random.nextInt(weightSum);
                    Kind kind = pick < weights[0] ? Kind.CLEAN : pick < weights[0] + weights[1] ? Kind.SPAM : Kind.MALWARE;
                    String id = prefix + "-" + i + "-" + kind.name().toLowerCase(Locale.ROOT);
                    String to = JamesUnderTest.user(random.nextInt(users));
                    String from = "partner" + random.nextInt(50) + "@example.net";
                    byte[] message = message(kind, id, from, to);
                    try {
                        if (smtp == null || onConnection >= 100) {
                            if (smtp != null) {
                                smtp.close();
                            }
                            smtp = new SmtpClient("127.0.0.1", james.smtpPort());
                            onConnection = 0;
                        }
                        smtp.send(from, List.of(to), message);
                        onConnection++;
                        accepted.put(id, kind);
                    } catch (Exception e) {
                        refused.incrementAndGet();
                        if (failuresShown.getAndIncrement() < 5) {
                            System.out.println("  refused " + id + ": " + e.getMessage());
                        }
                        if (smtp != null) {
                            smtp.close();
                        }
                        smtp = null;
                    }
                }
                if (smtp != null) {
                    smtp.close();
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return new long[] {refused.get()};
    }

    static byte[] message(Kind kind, String id, String from, String to) {
        byte[] body;
        switch (kind) {
            case SPAM:
                body = Messages.gtube(id + "@example.net", from, to);
                break;
            case MALWARE:
                body = Messages.eicar(id + "@example.net", from, to);
                break;
            default:
                body = Messages.typical(id + "@example.net", to);
                break;
        }
        return EndToEnd.withHeader(body, "X-Bench-Id: " + id);
    }

    static boolean awaitDrained(JamesUnderTest james, long maxNanos) throws Exception {
        long deadline = System.nanoTime() + maxNanos;
        int emptyInARow = 0;
        while (System.nanoTime() < deadline) {
            emptyInARow = james.spoolSize() == 0 ? emptyInARow + 1 : 0;
            if (emptyInARow >= 3) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Finds every accepted id once, where it belongs. */
    static boolean account(JamesUnderTest james, int users, Map<String, Kind> accepted, Set<String> warmIds)
        throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        int delivered = 0;
        List<String> userList = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userList.add(JamesUnderTest.user(u));
        }
        for (String user : userList) {
            try (ImapClient imap = new ImapClient("127.0.0.1", james.imapPort(), user, JamesUnderTest.password(user))) {
                for (String mailbox : imap.mailboxes()) {
                    for (String id : imap.headerValues(mailbox, "X-Bench-Id")) {
                        if (!id.isEmpty() && !warmIds.contains(id)) {
                            seen.merge(id, 1, Integer::sum);
                            where.put(id, mailbox.equalsIgnoreCase("INBOX") ? "delivered" : "delivered:" + mailbox);
                            delivered++;
                        }
                    }
                }
            }
        }
        int quarantined = collect(james, JamesUnderTest.QUARANTINE, "quarantined", warmIds, seen, where);
        int held = collect(james, JamesUnderTest.AUDIT, "held", warmIds, seen, where);
        int errored = collect(james, JamesUnderTest.ERROR, "error", warmIds, seen, where);

        long lost = accepted.keySet().stream().filter(id -> !seen.containsKey(id)).count();
        long duplicated = seen.values().stream().filter(n -> n > 1).count();
        long unknown = seen.keySet().stream().filter(id -> !accepted.containsKey(id)).count();
        long misplaced = 0;
        for (Map.Entry<String, Kind> entry : accepted.entrySet()) {
            String place = where.get(entry.getKey());
            if (place == null) {
                continue;
            }
            boolean right = entry.getValue() == Kind.CLEAN ? place.startsWith("delivered") : !place.startsWith("delivered");
            if (!right) {
                misplaced++;
                if (misplaced <= 5) {
                    System.out.println("  misplaced: " + entry.getKey() + " is " + place);
                }
            }
        }
        Map<Kind, Long> byKind = new HashMap<>();
        accepted.values().forEach(k -> byKind.merge(k, 1L, Long::sum));
        System.out.printf(Locale.ROOT, "accepted %d (clean %d, spam %d, malware %d) = delivered %d + quarantined %d + held %d"
                + " + error %d  [%s]%n", accepted.size(), byKind.getOrDefault(Kind.CLEAN, 0L), byKind.getOrDefault(Kind.SPAM, 0L),
            byKind.getOrDefault(Kind.MALWARE, 0L), delivered, quarantined, held, errored,
            accepted.size() == delivered + quarantined + held + errored ? "balanced" : "NOT balanced");
        System.out.printf(Locale.ROOT, "ids:     lost %d, duplicated %d, unknown %d, misplaced %d (clean not delivered or"
            + " GTUBE/EICAR delivered)%n", lost, duplicated, unknown, misplaced);
        accepted.keySet().stream().filter(id -> !seen.containsKey(id)).limit(5).forEach(id -> System.out.println("  lost: " + id));
        return lost == 0 && duplicated == 0 && unknown == 0 && misplaced == 0 && errored == 0
            && accepted.size() == delivered + quarantined + held;
    }

    private static int collect(JamesUnderTest james, String repository, String place, Set<String> warmIds,
                               Map<String, Integer> seen, Map<String, String> where) throws Exception {
        int count = 0;
        for (String key : james.repositoryKeys(repository)) {
            Matcher matcher = BENCH_ID.matcher(james.repositoryMail(repository, key));
            if (matcher.find() && !warmIds.contains(matcher.group(1))) {
                seen.merge(matcher.group(1), 1, Integer::sum);
                where.put(matcher.group(1), place);
                count++;
            }
        }
        return count;
    }
}
