package io.rampart.core.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;

import io.rampart.core.alert.AlertStore;
import io.rampart.core.block.BlockService;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.policy.PolicyInput;
import io.rampart.core.policy.PolicyResult;
import io.rampart.core.policy.PolicyService;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.state.RedisServerExtension;
import io.rampart.core.state.RedisStateStore;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;

/**
 * Cost per message of the send-limit check (check-and-record over sliding windows) plus the policy
 * evaluation, with 10,000 users and 1,000 policy rules, on the memory backend and on Redis over
 * loopback (a redis-server this main starts itself).
 * <pre>
 * mvn -q -B -o -pl core test-compile &amp;&amp; java -cp "core/target/test-classes:core/target/classes:$(cat /tmp/cp.txt)" \
 *     io.rampart.core.limits.PolicyBenchmark [messages [memory]]
 * </pre>
 */
public final class PolicyBenchmark {
    private static final int USERS = 10_000;
    private static final int RULES = 1_000;
    private static final String[] ZH_WORDS = {"发票", "机密", "合同", "报价", "工资", "密码", "账户", "汇款", "会议", "项目",
        "客户", "审批", "报销", "采购", "季度", "预算", "培训", "通知", "系统", "升级", "内部", "资料", "文件", "附件"};
    private static final String[] EN_WORDS = {"invoice", "contract", "quote", "salary", "password", "account", "transfer",
        "meeting", "project", "customer", "approval", "expense", "purchase", "quarter", "budget", "training", "notice",
        "system", "upgrade", "internal", "document", "attachment", "report", "review", "schedule", "update", "please"};

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Properties properties = rules(new Random(42));
        RampartConfiguration configuration = RampartConfiguration.parse("benchmark.properties", properties);
        System.out.printf(Locale.ROOT, "users=%d rules=%d messages=%d (after %d warm-up)%n", USERS,
            configuration.policy().rules().size(), messages, messages / 2);

        try (MemoryStateStore warmUp = new MemoryStateStore()) {
            run("(JIT warm-up)", warmUp, configuration, messages, false);
        }
        try (MemoryStateStore memory = new MemoryStateStore()) {
            run("memory", memory, configuration, messages, true);
        }
        if (args.length > 1 && args[1].equals("memory")) {
            return;
        }
        RedisServerExtension redis = new RedisServerExtension();
        redis.start();
        try (RedisStateStore store = RedisStateStore.connect(redis.uri())) {
            store.clearAll();
            run("redis (loopback)", store, configuration, messages, true);
        } finally {
            redis.stop();
        }
    }

    private static void run(String name, StateStore state, RampartConfiguration configuration, int messages, boolean print) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
        BlockService blocks = new BlockService(state, clock);
        LimitService limits = new LimitService(configuration.limits(), state, blocks, new AlertStore(state, clock), clock);
        PolicyService policy = PolicyService.of(configuration.policy());
        Random random = new Random(7);
        List<ParsedMessage> corpus = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            corpus.add(message(random));
        }
        int warmUp = messages / 2;
        long[] limitNanos = new long[messages];
        long[] policyNanos = new long[messages];
        long[] totalNanos = new long[messages];
        long[] cpuNanos = new long[messages];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int held = 0;
        int matched = 0;
        for (int i = -warmUp; i < messages; i++) {
            clock.advance(Duration.ofMillis(20));
            String sender = "user" + random.nextInt(USERS) + "@corp.example";
            Flow flow = random.nextInt(3) == 0 ? Flow.INTERNAL : Flow.OUTBOUND;
            int count = 1 + random.nextInt(6);
            List<String> recipients = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                recipients.add(flow == Flow.INTERNAL ? "user" + random.nextInt(USERS) + "@corp.example"
                    : "x" + random.nextInt(1000) + "@d" + random.nextInt(300) + ".example");
            }
            ParsedMessage message = corpus.get(random.nextInt(corpus.size()));
            SendAttempt attempt = SendAttempt.forFlow(sender, "mail-" + i, flow, recipients, Optional.empty(), clock.instant());
            PolicyInput input = PolicyInput.of(flow, Optional.of(sender), recipients, message);

            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            LimitDecision decision = limits.checkAndRecord(attempt);
            long middle = System.nanoTime();
            PolicyResult result = policy.evaluate(input);
            long end = System.nanoTime();
            long cpuEnd = threads.getCurrentThreadCpuTime();
            if (i >= 0) {
                limitNanos[i] = middle - start;
                policyNanos[i] = end - middle;
                totalNanos[i] = end - start;
                cpuNanos[i] = cpuEnd - cpuStart;
                held += decision.holdMail() ? 1 : 0;
                matched += result.isEmpty() ? 0 : 1;
            }
        }
        if (!print) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-17s limit   %s%n", name, percentiles(limitNanos));
        System.out.printf(Locale.ROOT, "%-17s policy  %s%n", name, percentiles(policyNanos));
        System.out.printf(Locale.ROOT, "%-17s wall    %s   (held %d, policy matched %d of %d)%n", name,
            percentiles(totalNanos), held, matched, messages);
        System.out.printf(Locale.ROOT, "%-17s cpu     %s   (this thread's CPU time: excludes waiting for a core or for Redis)%n",
            name, percentiles(cpuNanos));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %7.3f ms",
            sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
            sorted[(int) (sorted.length * 0.999)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** 1,000 rules: 700 keyword rules (Chinese and English), 230 domain/address rules, 70 regex rules. */
    private static Properties rules(Random random) {
        Properties p = new Properties();
        p.setProperty("limits.default.externalRecipientsPerHour", "200");
        p.setProperty("limits.default.recipientsPerMessage", "100");
        for (int g = 0; g < 20; g++) {
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < 50; m++) {
                members.append(m == 0 ? "" : ",").append("user").append(g * 50 + m).append("@corp.example");
            }
            p.setProperty("limits.group.g" + g + ".members", members.toString());
            p.setProperty("limits.group.g" + g + ".recipientsPerDay", Integer.toString(1000 + g));
        }
        String[] flows = {"outbound", "internal", "inbound", "any"};
        String[] actions = {"tag", "hold", "quarantine", "notify", "reject"};
        for (int r = 0; r < RULES; r++) {
            String prefix = "policy.rule.r" + r + ".";
            p.setProperty(prefix + "flow", flows[r % flows.length]);
            p.setProperty(prefix + "action", actions[r % actions.length]);
            if (r < 700) {
                String keywords = ZH_WORDS[random.nextInt(ZH_WORDS.length)] + ZH_WORDS[random.nextInt(ZH_WORDS.length)] + r % 7
                    + "," + EN_WORDS[random.nextInt(EN_WORDS.length)] + "-" + r + "," + ZH_WORDS[random.nextInt(ZH_WORDS.length)]
                    + "的" + ZH_WORDS[random.nextInt(ZH_WORDS.length)];
                p.setProperty(prefix + "match.keywords", keywords);
                if (r % 3 == 0) {
                    p.setProperty(prefix + "in", "subject,attachmentName");
                }
            } else if (r < 930) {
                if (r % 2 == 0) {
                    p.setProperty(prefix + "match.recipientDomain", "d" + (r % 300) + ".example,rival" + r + ".example");
                } else {
                    p.setProperty(prefix + "match.sender", "user" + r + "@corp.example");
                }
            } else {
                p.setProperty(prefix + "match.regex", r % 2 == 0 ? "\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b" : "(?:工号|employee\\s*id)[:：]?\\s*" + r);
                p.setProperty(prefix + "in", r % 4 == 1 ? "subject" : "subject,body");
                if (r % 3 == 0) {
                    p.setProperty(prefix + "match.recipientDomain", "d" + (r % 300) + ".example");
                }
            }
        }
        return p;
    }

    /** A ~2 KB mixed Chinese/English mail. */
    private static ParsedMessage message(Random random) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 2000) {
            body.append(ZH_WORDS[random.nextInt(ZH_WORDS.length)]).append(ZH_WORDS[random.nextInt(ZH_WORDS.length)]).append("，");
            body.append(EN_WORDS[random.nextInt(EN_WORDS.length)]).append(' ');
            if (random.nextInt(10) == 0) {
                body.append('\n');
            }
        }
        return ParsedMessage.builder()
            .from(Optional.of(Address.of("Sender", "sender@corp.example")))
            .subject(ZH_WORDS[random.nextInt(ZH_WORDS.length)] + " " + EN_WORDS[random.nextInt(EN_WORDS.length)] + " Q" + random.nextInt(4))
            .text(TextPart.plain("1", body.toString(), "utf-8"))
            .attachment(Attachment.of("2", Optional.of(ZH_WORDS[random.nextInt(ZH_WORDS.length)] + ".pdf"), "application/pdf",
                false, Optional.empty(), new byte[] {1, 2, 3}))
            .build();
    }

    private PolicyBenchmark() {
    }
}
