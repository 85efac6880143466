package io.rampart.core.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import io.rampart.core.limits.Limit;
import io.rampart.core.limits.LimitAction;
import io.rampart.core.limits.SendLimits;

/**
 * {@code limits.*}: per-user send limits.
 * <pre>
 * limits.enabled=true
 * limits.default.externalRecipientsPerHour=200   (0 = no limit)
 * limits.default.internalRecipientsPerHour=500
 * limits.default.recipientsPerDay=2000
 * limits.default.messagesPerMinute=30
 * limits.default.recipientsPerMessage=100
 * limits.default.action=hold                     (alert | hold | block)
 * limits.blockDuration=until-lifted              (or a duration such as 24h)
 * limits.group.&lt;name&gt;.members=a@example.com,b@example.com
 * limits.group.&lt;name&gt;.recipientsPerDay=5000       (any limit or action; others inherit)
 * limits.user.&lt;address&gt;.recipientsPerMessage=500   (any limit or action; others inherit)
 * </pre>
 * Resolution per field: WebAdmin user override, then {@code limits.user}, then the first group (by
 * name) listing the user, then the default (WebAdmin default, else {@code limits.default}).
 */
public final class LimitSettings {
    public static final boolean DEFAULT_ENABLED = true;
    public static final int DEFAULT_EXTERNAL_RECIPIENTS_PER_HOUR = 200;
    public static final int DEFAULT_INTERNAL_RECIPIENTS_PER_HOUR = 500;
    public static final int DEFAULT_RECIPIENTS_PER_DAY = 2000;
    public static final int DEFAULT_MESSAGES_PER_MINUTE = 30;
    public static final int DEFAULT_RECIPIENTS_PER_MESSAGE = 100;
    public static final LimitAction DEFAULT_ACTION = LimitAction.HOLD;
    /** Empty: a block lasts until an admin lifts it. */
    public static final Optional<Duration> DEFAULT_BLOCK_DURATION = Optional.empty();
    public static final String UNTIL_LIFTED = "until-lifted";

    public static final SendLimits BUILT_IN_DEFAULTS = SendLimits.builder()
        .limit(Limit.EXTERNAL_RECIPIENTS_PER_HOUR, DEFAULT_EXTERNAL_RECIPIENTS_PER_HOUR)
        .limit(Limit.INTERNAL_RECIPIENTS_PER_HOUR, DEFAULT_INTERNAL_RECIPIENTS_PER_HOUR)
        .limit(Limit.RECIPIENTS_PER_DAY, DEFAULT_RECIPIENTS_PER_DAY)
        .limit(Limit.MESSAGES_PER_MINUTE, DEFAULT_MESSAGES_PER_MINUTE)
        .limit(Limit.RECIPIENTS_PER_MESSAGE, DEFAULT_RECIPIENTS_PER_MESSAGE)
        .action(DEFAULT_ACTION)
        .build();

    public static LimitSettings from(ConfigReader reader) {
        boolean enabled = reader.bool("limits.enabled", DEFAULT_ENABLED);
        SendLimits defaults = readLimits(reader, "limits.default.").orElse(BUILT_IN_DEFAULTS);

        String blockKey = "limits.blockDuration";
        String blockRaw = reader.string(blockKey, UNTIL_LIFTED);
        Optional<Duration> blockDuration = blockRaw.equalsIgnoreCase(UNTIL_LIFTED)
            ? Optional.empty()
            : Optional.of(reader.duration(blockKey, Duration.ZERO));
        if (blockDuration.isPresent() && blockDuration.get().isZero()) {
            throw reader.error(blockKey, blockRaw, UNTIL_LIFTED + " or a positive duration such as 24h");
        }

        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, String> groupOfUser = new TreeMap<>();
        for (String name : reader.childNames("limits.group.")) {
            String prefix = "limits.group." + name + ".";
            ImmutableList<String> members = reader.list(prefix + "members", ImmutableList.of()).stream()
                .map(member -> reader.address(prefix + "members", member))
                .collect(ImmutableList.toImmutableList());
            if (members.isEmpty()) {
                throw reader.error(prefix + "members", "is required: the addresses the group's limits apply to");
            }
            SendLimits limits = readLimits(reader, prefix);
            if (limits.isEmpty()) {
                throw reader.error(prefix + "members", "group '" + name + "' sets no limit and no action");
            }
            groups.put(name, new Group(name, members, limits));
            members.forEach(member -> groupOfUser.putIfAbsent(member, name));
        }

        Map<String, SendLimits> users = new TreeMap<>();
        String userPrefix = "limits.user.";
        Map<String, Boolean> userAddresses = new TreeMap<>();
        for (String key : reader.keys(userPrefix)) {
            String rest = key.substring(userPrefix.length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0 || !rest.substring(0, dot).contains("@")) {
                throw reader.error(key, "expected limits.user.<address>.<limit or action>, e.g. limits.user.alice@example.com.recipientsPerDay");
            }
            userAddresses.put(rest.substring(0, dot), true);
        }
        for (String address : userAddresses.keySet()) {
            SendLimits limits = readLimits(reader, userPrefix + address + ".");
            users.put(reader.address(userPrefix + address, address), limits);
        }
        return new LimitSettings(enabled, defaults, blockDuration, ImmutableMap.copyOf(groups),
            ImmutableMap.copyOf(groupOfUser), ImmutableMap.copyOf(users));
    }


    /** Reads the limits and action under {@code prefix}; absent keys stay absent. */
    private static SendLimits readLimits(ConfigReader reader, String prefix) {
        SendLimits.Builder builder = SendLimits.builder();
        for (Limit limit : Limit.values()) {
            String key = prefix + limit.key();
            reader.raw(key).ifPresent(ignored ->
                builder.limit(limit, reader.integer(key, 0, 0, SendLimits.MAX_VALUE)));
        }
        String actionKey = prefix + "action";
        reader.raw(actionKey).ifPresent(value ->
            builder.action(reader.parsed(actionKey, LimitAction.HOLD, LimitAction::parse, "alert, hold or block")));
        return builder.build();
    }

    public static LimitSettings defaults() {
        return new LimitSettings(DEFAULT_ENABLED, BUILT_IN_DEFAULTS, DEFAULT_BLOCK_DURATION, ImmutableMap.of(),
            ImmutableMap.of(), ImmutableMap.of());
    }

    /** A named group of users sharing limits. */
    public static final class Group {
        private final String name;
        private final ImmutableList<String> members;
        private final SendLimits limits;

        public Group(String name, ImmutableList<String> members, SendLimits limits) {
            this.name = name;
            this.members = members;
            this.limits = limits;
        }

        public String name() {
            return name;
        }

        public ImmutableList<String> members() {
            return members;
        }

        public SendLimits limits() {
            return limits;
        }
    }

    private final boolean enabled;
    private final SendLimits defaults;
    private final Optional<Duration> blockDuration;
    private final ImmutableMap<String, Group> groups;
    private final ImmutableMap<String, String> groupOfUser;
    private final ImmutableMap<String, SendLimits> users;

    public LimitSettings(boolean enabled, SendLimits defaults, Optional<Duration> blockDuration,
                         ImmutableMap<String, Group> groups, ImmutableMap<String, String> groupOfUser,
                         ImmutableMap<String, SendLimits> users) {
        this.enabled = enabled;
        this.defaults = defaults.requireComplete();
        this.blockDuration = blockDuration;
        this.groups = groups;
        this.groupOfUser = groupOfUser;
        this.users = users;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The configured domain default, complete. */
    public SendLimits domainDefault() {
        return defaults;
    }

    /** How long a {@code block} action blocks; empty means until an admin lifts it. */
    public Optional<Duration> blockDuration() {
        return blockDuration;
    }

    public ImmutableMap<String, Group> groups() {
        return groups;
    }

    /** The group whose limits apply to the address (the first by name that lists it). */
    public Optional<Group> groupOf(String address) {
        return Optional.ofNullable(groupOfUser.get(address)).map(groups::get);
    }

    public ImmutableMap<String, SendLimits> users() {
        return users;
    }

    public Optional<SendLimits> user(String address) {
        return Optional.ofNullable(users.get(address));
    }
}
