package io.rampart.core.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.behaviour.BehaviourRule;
import io.rampart.core.limits.LimitAction;

/**
 * {@code behaviour.*}: abnormal-sending detection (compromised accounts).
 * <pre>
 * behaviour.enabled=true
 * behaviour.&lt;rule&gt;.enabled=true              rule: fanOut, firstContactBurst, sameMessage, offHours,
 * behaviour.&lt;rule&gt;.threshold=...                    internalPhishing, impersonation
 * behaviour.&lt;rule&gt;.action=alert|hold|block
 * behaviour.&lt;rule&gt;.window=1h
 * behaviour.fanOut.minRecipients=20              fan-out ignores smaller mails
 * behaviour.fanOut.minSamples=10                 messages needed before the baseline counts
 * behaviour.offHours.zone=UTC   .workStart=08:00   .workEnd=19:00   .workDays=mon,tue,wed,thu,fri
 * behaviour.impersonation.builtInRoles=true      finance, hr, it, executive (Chinese and English names)
 * behaviour.impersonation.role.&lt;name&gt;.names=财务部,Finance   (optional for built-in role names)
 * behaviour.impersonation.role.&lt;name&gt;.senders=finance@corp.example   (addresses allowed to use the names)
 * behaviour.impersonation.people=true           a colleague's name (detection.people, learnt) from another local address
 * behaviour.impersonation.people.senders=        local addresses that may write under colleagues' names (assistants, namesakes)
 * </pre>
 */
public final class BehaviourSettings {
    public static final boolean DEFAULT_ENABLED = true;
    public static final int DEFAULT_FAN_OUT_MIN_RECIPIENTS = 20;
    public static final int DEFAULT_FAN_OUT_MIN_SAMPLES = 10;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
    public static final LocalTime DEFAULT_WORK_START = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_WORK_END = LocalTime.of(19, 0);
    public static final ImmutableSet<DayOfWeek> DEFAULT_WORK_DAYS = ImmutableSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    public static final ImmutableMap<String, ImmutableList<String>> BUILT_IN_ROLES = ImmutableMap.of(
        "finance", ImmutableList.of("财务部", "财务处", "财务", "会计部", "Finance", "Finance Department", "Accounting", "Accounts Payable"),
        "hr", ImmutableList.of("人事部", "人力资源部", "人力资源", "人事处", "HR", "Human Resources", "HR Department"),
        "it", ImmutableList.of("IT 支持", "IT部", "信息技术部", "技术支持", "IT Support", "IT Helpdesk", "IT Help Desk",
            "Helpdesk", "IT Department", "IT Service Desk"),
        "executive", ImmutableList.of("总经理", "总裁", "董事长", "首席执行官", "CEO", "CFO", "Managing Director", "President"));

    public static BehaviourSettings from(ConfigReader reader) {
        boolean enabled = reader.bool("behaviour.enabled", DEFAULT_ENABLED);
        Map<BehaviourRule, RuleSettings> rules = new EnumMap<>(BehaviourRule.class);
        for (BehaviourRule rule : BehaviourRule.values()) {
            String prefix = "behaviour." + rule.key() + ".";
            boolean ruleEnabled = reader.bool(prefix + "enabled", true);
            double threshold = reader.decimal(prefix + "threshold", rule.defaultThreshold(), 1, 1_000_000);
            LimitAction action = reader.parsed(prefix + "action", rule.defaultAction(), LimitAction::parse, "alert, hold or block");
            Duration window = reader.duration(prefix + "window", rule.defaultWindow());
            if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(31)) > 0) {
                throw reader.error(prefix + "window", reader.optionalString(prefix + "window").orElse(""), "a duration between 1m and 31d");
            }
            rules.put(rule, new RuleSettings(ruleEnabled, threshold, action, window));
        }
        int minRecipients = reader.integer("behaviour.fanOut.minRecipients", DEFAULT_FAN_OUT_MIN_RECIPIENTS, 1, 1_000_000);
        int minSamples = reader.integer("behaviour.fanOut.minSamples", DEFAULT_FAN_OUT_MIN_SAMPLES, 1, 1_000_000);

        ZoneId zone = reader.parsed("behaviour.offHours.zone", DEFAULT_ZONE, value -> {
            try {
                return ZoneId.of(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(e);
            }
        }, "a time zone such as Asia/Shanghai or UTC");
        LocalTime workStart = time(reader, "behaviour.offHours.workStart", DEFAULT_WORK_START);
        LocalTime workEnd = time(reader, "behaviour.offHours.workEnd", DEFAULT_WORK_END);
        if (!workEnd.isAfter(workStart)) {
            throw reader.error("behaviour.offHours.workEnd", workEnd.toString(), "a time after behaviour.offHours.workStart (" + workStart + ")");
        }
        Set<DayOfWeek> workDays = EnumSet.noneOf(DayOfWeek.class);
        for (String day : reader.list("behaviour.offHours.workDays", ImmutableList.of("mon", "tue", "wed", "thu", "fri"))) {
            try {
                workDays.add(parseDay(day));
            } catch (IllegalArgumentException e) {
                throw reader.error("behaviour.offHours.workDays", reader.string("behaviour.offHours.workDays", ""),
                    "days such as mon,tue,wed,thu,fri");
            }
        }

        boolean builtInRoles = reader.bool("behaviour.impersonation.builtInRoles", true);
        Map<String, Role> roles = new LinkedHashMap<>();
        if (builtInRoles) {
            BUILT_IN_ROLES.forEach((name, names) -> roles.put(name, new Role(name, names, ImmutableSet.of())));
        }
        for (String name : reader.childNames("behaviour.impersonation.role.")) {
            String prefix = "behaviour.impersonation.role." + name + ".";
            ImmutableList<String> names = reader.list(prefix + "names", ImmutableList.of());
            if (names.isEmpty()) {
                if (!BUILT_IN_ROLES.containsKey(name)) {
                    throw reader.error(prefix + "names", "is required for role '" + name + "' (display names such as 财务部,Finance)");
                }
                names = BUILT_IN_ROLES.get(name);
            }
            ImmutableSet<String> senders = reader.addresses(prefix + "senders");
            roles.put(name, new Role(name, names, senders));
        }
        boolean people = reader.bool("behaviour.impersonation.people", true);
        ImmutableSet<String> peopleSenders = reader.addresses("behaviour.impersonation.people.senders");
        return new BehaviourSettings(enabled, ImmutableMap.copyOf(rules), minRecipients, minSamples, zone, workStart, workEnd,
            ImmutableSet.copyOf(workDays), ImmutableList.copyOf(roles.values()), people, peopleSenders);
    }

    private static LocalTime time(ConfigReader reader, String key, LocalTime defaultValue) {
        return reader.parsed(key, defaultValue, value -> {
            try {
                return LocalTime.parse(value.length() == 4 ? "0" + value : value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }, "a time such as 08:00");
    }

    private static DayOfWeek parseDay(String value) {
        String day = value.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (candidate.name().equals(day) || candidate.name().startsWith(day) && day.length() >= 3) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("not a day: " + value);
    }

    public static BehaviourSettings defaults() {
        return RampartConfiguration.defaults().behaviour();
    }

    /** One rule's switch, threshold, action and window. */
    public static final class RuleSettings {
        private final boolean enabled;
        private final double threshold;
        private final LimitAction action;
        private final Duration window;

        public RuleSettings(boolean enabled, double threshold, LimitAction action, Duration window) {
            this.enabled = enabled;
            this.threshold = threshold;
            this.action = action;
            this.window = window;
        }

        public boolean enabled() {
            return enabled;
        }

        public double threshold() {
            return threshold;
        }

        public LimitAction action() {
            return action;
        }

        public Duration window() {
            return window;
        }
    }

    /** A department or executive whose names only its own addresses may display. */
    public static final class Role {
        private final String name;
        private final ImmutableList<String> names;
        private final ImmutableSet<String> senders;

        public Role(String name, ImmutableList<String> names, ImmutableSet<String> senders) {
            this.name = name;
            this.names = names;
            this.senders = senders;
        }

        public String name() {
            return name;
        }

        public ImmutableList<String> names() {
            return names;
        }

        public ImmutableSet<String> senders() {
            return senders;
        }
    }

    private final boolean enabled;
    private final ImmutableMap<BehaviourRule, RuleSettings> rules;
    private final int fanOutMinRecipients;
    private final int fanOutMinSamples;
    private final ZoneId zone;
    private final LocalTime workStart;
    private final LocalTime workEnd;
    private final ImmutableSet<DayOfWeek> workDays;
    private final ImmutableList<Role> roles;
    private final boolean people;
    private final ImmutableSet<String> peopleSenders;

    public BehaviourSettings(boolean enabled, ImmutableMap<BehaviourRule, RuleSettings> rules, int fanOutMinRecipients,
                             int fanOutMinSamples, ZoneId zone, LocalTime workStart, LocalTime workEnd,
                             ImmutableSet<DayOfWeek> workDays, ImmutableList<Role> roles, boolean people,
                             ImmutableSet<String> peopleSenders) {
        this.enabled = enabled;
        this.rules = rules;
        this.fanOutMinRecipients = fanOutMinRecipients;
        this.fanOutMinSamples = fanOutMinSamples;
        this.zone = zone;
        this.workStart = workStart;
        this.workEnd = workEnd;
        this.workDays = workDays;
        this.roles = roles;
        this.people = people;
        this.peopleSenders = peopleSenders;
    }

    public boolean enabled() {
        return enabled;
    }

    public RuleSettings rule(BehaviourRule rule) {
        return rules.get(rule);
    }

    public int fanOutMinRecipients() {
        return fanOutMinRecipients;
    }

    public int fanOutMinSamples() {
        return fanOutMinSamples;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime workStart() {
        return workStart;
    }

    public LocalTime workEnd() {
        return workEnd;
    }

    public ImmutableSet<DayOfWeek> workDays() {
        return workDays;
    }

    public ImmutableList<Role> roles() {
        return roles;
    }

    /** Whether the impersonation rule also covers colleagues' names ({@code behaviour.impersonation.people}). */
    public boolean people() {
        return people;
    }

    /** Local addresses that may write under colleagues' names ({@code behaviour.impersonation.people.senders}). */
    public ImmutableSet<String> peopleSenders() {
        return peopleSenders;
    }
}
