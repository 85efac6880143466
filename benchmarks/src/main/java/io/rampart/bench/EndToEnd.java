package io.rampart.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.rampart.bench.Corpus.Sample;
import io.rampart.bench.james.ImapClient;
import io.rampart.bench.james.JamesUnderTest;
import io.rampart.bench.james.JamesUnderTest.Setup;
import io.rampart.bench.james.SmtpClient;

/**
 * End to end over loopback SMTP: James with Rampart against the same James without Rampart's
 * mailets, one after the other on the same machine. For each: real corpus messages from outside to
 * many users over several SMTP connections as fast as James accepts them, then until the spool is
 * empty; SMTP accept rate, processing throughput (accepted until the spool drained), accept-to-
 * mailbox latency measured by probe messages to dedicated users whose INBOX is polled over IMAP,
 * heap in use (jcmd GC.heap_info), live heap after a full GC, and RSS (/proc/PID/status).
 */
public final class EndToEnd {
    private static final String USAGE = "EndToEnd [--labels FILE] [--messages N] [--users N] [--connections N]"
        + " [--probes N] [--warmup N] [--max-seconds S] [--heap 1g] [--setups rampart,stock] [--work-dir DIR]";
    static final String PROBE_PREFIX = "probe";
    static final int PROBE_TIMEOUT_SECONDS = 120;
    static final AtomicInteger PROBES_TIMED_OUT = new AtomicInteger();

    private EndToEnd() {
    }

    /** Figures of one James. */
    static final class Result {
        final Setup setup;
        int accepted;
        int refused;
        double sendSeconds;
        double drainSeconds;
        final Latencies latency = new Latencies();
        double rssIdle;
        double rssPeak;
        double heapPeak;
        Optional<Double> liveHeap = Optional.empty();
        long spoolPeak;
        String firstError;

        Result(Setup setup) {
            this.setup = setup;
        }

        double acceptRate() {
            return accepted / sendSeconds;
        }

        double throughput() {
            return accepted / drainSeconds;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--labels", "--messages", "--users", "--connections", "--probes", "--warmup",
            "--max-seconds", "--heap", "--setups", "--work-dir"), Set.of(), USAGE);
        Path root = Path.of(System.getProperty("rampart.root", ".")).toAbsolutePath().normalize();
        Corpus corpus = Corpus.load(Corpus.locate(args.get("--labels"), root), 0);
        int messages = args.getInt("--messages", 3000);
        int users = args.getInt("--users", 200);
        int connections = args.getInt("--connections", 8);
        int probes = args.getInt("--probes", 4);
        int warmup = args.getInt("--warmup", 300);
        long maxNanos = TimeUnit.SECONDS.toNanos(args.getInt("--max-seconds", 600));
        String heap = args.get("--heap", "1g");
        Path work = Path.of(args.get("--work-dir", "/tmp/rampart-e2e"));

        System.out.println("== End to end: James 3.8.1 with Rampart vs the same James without Rampart");
        System.out.println("machine: " + Machine.describe());
        System.out.printf(Locale.ROOT, "load:    %d corpus messages (of %d, fixed seed) from outside to %d users over %d SMTP"
            + " connections; %d probe users polled over IMAP; warm-up %d messages; James heap %s%n", messages,
            corpus.size(), users, connections, probes, warmup, heap);
        List<Result> results = new ArrayList<>();
        for (String name : args.get("--setups", "rampart,stock").split(",")) {
            Setup setup = Setup.valueOf(name.trim().toUpperCase(Locale.ROOT));
            System.out.println("-- James " + (setup == Setup.RAMPART ? "with Rampart" : "stock (no Rampart mailets)") + " ...");
            try (JamesUnderTest james = JamesUnderTest.start(setup, root, work.resolve(name.trim()), heap)) {
                Result result = run(james, corpus, messages, users, connections, probes, warmup, maxNanos);
                results.add(result);
                print(result);
            }
        }
        table(results);
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "   accepted %d (refused %d) in %.1f s = %.1f msg/s at SMTP; processed in %.1f s ="
                + " %.1f msg/s; probe accept-to-mailbox %s (%d probes); spool peak %d; RSS idle %.0f MiB, peak %.0f MiB;"
                + " heap peak %.0f MiB, live after GC %s MiB%n",
            r.accepted, r.refused, r.sendSeconds, r.acceptRate(), r.drainSeconds, r.throughput(), r.latency.summary(),
            r.latency.count(), r.spoolPeak, r.rssIdle, r.rssPeak, r.heapPeak,
            r.liveHeap.map(h -> String.format(Locale.ROOT, "%.0f", h)).orElse("n/a"));
        if (r.firstError != null) {
            System.out.println("   first error: " + r.firstError);
        }
        if (PROBES_TIMED_OUT.get() > 0) {
            System.out.println("   probes timed out so far (not in the latency figures): " + PROBES_TIMED_OUT.get());
        }
    }

    static Result run(JamesUnderTest james, Corpus corpus, int messages, int users, int connections, int probes,
                      int warmup, long maxNanos) throws Exception {
        james.createUsers(users);
        for (int p = 0; p < probes; p++) {
            james.createUser(probeUser(p));
        }
        Result result = new Result(james.setup());
        result.rssIdle = james.rssMiB();
        List<Sample> picked = pick(corpus, warmup + messages);
        // Warm-up: the same kind of load, not measured, then wait until it is processed.
        Result ignored = new Result(james.setup());
        send(james, picked.subList(0, warmup), users, connections, ignored, System.nanoTime() + maxNanos);
        awaitDrained(james, System.nanoTime() + maxNanos, ignored);

        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService side = Executors.newFixedThreadPool(probes + 1);
        List<Future<Latencies>> probeRuns = new ArrayList<>();
        long deadline = System.nanoTime() + maxNanos;
        for (int p = 0; p < probes; p++) {
            int index = p;
            probeRuns.add(side.submit(() -> probe(james, index, sending, deadline)));
        }
        Future<?> sampler = side.submit(() -> {
            // jcmd attaches to James and costs CPU: heap every 5 s, RSS and spool every second.
            for (int tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
                result.rssPeak = Math.max(result.rssPeak, james.rssMiB());
                if (tick % 5 == 0) {
                    james.heapUsedMiB().ifPresent(h -> result.heapPeak = Math.max(result.heapPeak, h));
                }
                try {
                    result.spoolPeak = Math.max(result.spoolPeak, james.spoolSize());
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return null;
                }
            }
            return null;
        });
        long start = System.nanoTime();
        send(james, picked.subList(warmup, picked.size()), users, connections, result, deadline);
        result.sendSeconds = (System.nanoTime() - start) / 1e9;
        // Probes measure latency under load: they stop with the load, so the spool can drain.
        sending.set(false);
        for (Future<Latencies> run : probeRuns) {
            result.latency.addAll(run.get());
        }
        awaitDrained(james, deadline, result);
        result.drainSeconds = (System.nanoTime() - start) / 1e9;
        sampler.cancel(true);
        side.shutdownNow();
        result.liveHeap = james.liveHeapMiB();
        return result;
    }

    static String probeUser(int p) {
        return PROBE_PREFIX + p + "@" + JamesUnderTest.DOMAIN;
    }

    /** Corpus messages in a fixed pseudo-random order, cycling when more are asked than the corpus holds. */
    static List<Sample> pick(Corpus corpus, int count) {
        List<Sample> shuffled = new ArrayList<>(corpus.samples());
        java.util.Collections.shuffle(shuffled, new Random(7));
        List<Sample> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(shuffled.get(i % shuffled.size()));
        }
        return picked;
    }

    static void send(JamesUnderTest james, List<Sample> samples, int users, int connections, Result result,
                     long deadline) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int seed = c;
            runs.add(pool.submit(() -> {
                Random random = new Random(seed);
                SmtpClient smtp = null;
                int sentOnConnection = 0;
                int i;
                while ((i = next.getAndIncrement()) < samples.size() && System.nanoTime() < deadline) {
                    try {
                        if (smtp == null || sentOnConnection >= 50) {
                            if (smtp != null) {
                                smtp.close();
                            }
                            smtp = new SmtpClient("127.0.0.1", james.smtpPort());
                            sentOnConnection = 0;
                        }
                        String id = "e2e-" + i + "-" + System.nanoTime();
                        byte[] message = withHeader(samples.get(i).bytes(), "X-Bench-Id: " + id);
                        smtp.send("loadgen@example.net", List.of(JamesUnderTest.user(random.nextInt(users))), message);
                        sentOnConnection++;
                        accepted.incrementAndGet();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                        synchronized (result) {
                            if (result.firstError == null) {
                                result.firstError = samples.get(i).path() + ": " + e.getMessage();
                            }
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
        result.accepted += (int) accepted.get();
        result.refused += (int) refused.get();
    }

    /** Adds a header line at the top (after an mbox "From " line, which the SMTP client drops). */
    static byte[] withHeader(byte[] message, String header) {
        byte[] line = (header + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        if (message.length > 5 && message[0] == 'F' && message[1] == 'r' && message[2] == 'o' && message[3] == 'm'
            && message[4] == ' ') {
            while (at < message.length && message[at] != '\n') {
                at++;
            }
            at = Math.min(at + 1, message.length);
        }
        byte[] out = new byte[message.length + line.length];
        System.arraycopy(message, 0, out, 0, at);
        System.arraycopy(line, 0, out, at, line.length);
        System.arraycopy(message, at, out, at + line.length, message.length - at);
        return out;
    }

    /** Until the spool is empty twice in a row (or the deadline). */
    static void awaitDrained(JamesUnderTest james, long deadline, Result result) throws Exception {
        int emptyInARow = 0;
        while (System.nanoTime() < deadline && emptyInARow < 2) {
            long size = james.spoolSize();
            result.spoolPeak = Math.max(result.spoolPeak, size);
            emptyInARow = size == 0 ? emptyInARow + 1 : 0;
            Thread.sleep(100);
        }
    }

    /**
     * One probe user: send a small clean mail, poll its INBOX (IMAP STATUS every 10 ms) until it is
     * there (at most 2 minutes, then counted as timed out), record accept-to-mailbox time, repeat while the load is being sent.
     */
    static Latencies probe(JamesUnderTest james, int p, AtomicBoolean sending, long deadline) throws Exception {
        Latencies latencies = new Latencies();
        String user = probeUser(p);
        // STATUS, not NOOP on a selected mailbox: a session selected before the INBOX's first
        // delivery was seen to miss the EXISTS update, which left a probe waiting forever.
        try (ImapClient imap = new ImapClient("127.0.0.1", james.imapPort(), user, JamesUnderTest.password(user));
             SmtpClient smtp = new SmtpClient("127.0.0.1", james.smtpPort())) {
            int count = imap.count("INBOX");
            int n = 0;
            while (sending.get() && System.nanoTime() < deadline) {
                byte[] message = Messages.plain("probe-" + p + "-" + n++ + "@example.net", "colleague@example.net", user,
                    "Lunch on Thursday?", "Hi, are we still on for lunch on Thursday at noon? Cheers, Sam");
                smtp.send("colleague@example.net", List.of(user), message);
                long accepted = System.nanoTime();
                long giveUp = Math.min(deadline, accepted + TimeUnit.SECONDS.toNanos(PROBE_TIMEOUT_SECONDS));
                int now = count;
                while (now <= count && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                    now = imap.count("INBOX");
                }
                if (now > count) {
                    latencies.add(System.nanoTime() - accepted);
                } else {
                    PROBES_TIMED_OUT.incrementAndGet();
                }
                count = now;
            }
        }
        return latencies;
    }

    /** {runs, processing msg/s, SMTP msg/s, p99 ms} over every run of a setup. */
    static double[] pooled(List<Result> results, Setup setup) {
        double accepted = 0;
        double drain = 0;
        double send = 0;
        Latencies latencies = new Latencies();
        int runs = 0;
        for (Result r : results) {
            if (r.setup == setup) {
                runs++;
                accepted += r.accepted;
                drain += r.drainSeconds;
                send += r.sendSeconds;
                latencies.addAll(r.latency);
            }
        }
        return runs == 0 ? new double[4]
            : new double[] {runs, accepted / drain, accepted / send, latencies.quantileMillis(0.99)};
    }

    static void table(List<Result> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %9s %11s %12s %9s %9s %9s %10s %10s %12s%n", "james", "accepted",
            "SMTP msg/s", "proc. msg/s", "p50 ms", "p99 ms", "max ms", "RSS MiB", "heap MiB", "live heap");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-8s %9d %11.1f %12.1f %9.1f %9.1f %9.1f %10.0f %10.0f %12s%n",
                r.setup.name().toLowerCase(Locale.ROOT), r.accepted, r.acceptRate(), r.throughput(),
                r.latency.quantileMillis(0.5), r.latency.quantileMillis(0.99), r.latency.maxMillis(), r.rssPeak,
                r.heapPeak, r.liveHeap.map(h -> String.format(Locale.ROOT, "%.0f", h)).orElse("n/a"));
        }
        // Runs of the same setup (e.g. --setups stock,rampart,stock,rampart, to even out drift on a
        // busy machine) are pooled: messages over seconds, latencies merged.
        double[] rampart = pooled(results, Setup.RAMPART);
        double[] stock = pooled(results, Setup.STOCK);
        if (rampart[0] > 0 && stock[0] > 0) {
            double kept = rampart[1] / stock[1];
            System.out.printf(Locale.ROOT, "%nJames with Rampart keeps %.0f%% of James's own processing throughput"
                + " (goal >= 80%%: %s); SMTP accept rate %.0f%%; probe p99 %.0f ms vs %.0f ms%n", 100 * kept,
                kept >= 0.8 ? "met" : "NOT met", 100 * rampart[2] / stock[2], rampart[3], stock[3]);
        }
    }
}
