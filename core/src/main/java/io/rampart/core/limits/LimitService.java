package io.rampart.core.limits;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import io.rampart.core.alert.Alert;
import io.rampart.core.alert.AlertStore;
import io.rampart.core.block.Block;
import io.rampart.core.block.BlockService;
import io.rampart.core.config.LimitSettings;
import io.rampart.core.state.HashStore;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;
import io.rampart.core.state.WindowStore.WindowAdd;

/**
 * Per-user send limits over sliding windows, shared by every James through the state store.
 * {@link #checkAndRecord(SendAttempt)} counts the mail and reports breaches: every breach is an
 * alert; a {@code hold} action holds the mail; a {@code block} action also blocks the sender.
 * Defaults and user overrides set through WebAdmin live in the state store and win over the
 * configuration file.
 */
public final class LimitService {
    static final String LIMITS_KEY = "limits";
    static final String DEFAULT_FIELD = "default";
    static final String OVERRIDES_KEY = "limits.users";

    private final LimitSettings settings;
    private final StateStore state;
    private final BlockService blocks;
    private final AlertStore alerts;
    private final Clock clock;

    public LimitService(LimitSettings settings, StateStore state, BlockService blocks, AlertStore alerts, Clock clock) {
        this.settings = settings;
        this.state = state;
        this.blocks = blocks;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** {@code GET /rampart/limits/default}: the WebAdmin default, else the configured one (complete). */
    public SendLimits defaultLimits() {
        return defaultLimits(state.hashes().get(LIMITS_KEY, DEFAULT_FIELD));
    }

    /** {@code PUT /rampart/limits/default}: every field required (IllegalArgumentException naming the missing one). */
    public void setDefaultLimits(SendLimits limits) {
        state.hashes().put(LIMITS_KEY, DEFAULT_FIELD, StateJson.write(limits.requireComplete()));
    }

    /** Forgets the WebAdmin default: the configured one applies again. */
    public void resetDefaultLimits() {
        state.hashes().remove(LIMITS_KEY, DEFAULT_FIELD);
    }

    /** {@code GET /rampart/limits/users/{address}}: the WebAdmin override only (empty: 404). */
    public Optional<SendLimits> userOverride(String address) {
        return state.hashes().get(OVERRIDES_KEY, normalize(address)).map(json -> StateJson.read(json, SendLimits.class));
    }

    /** {@code PUT /rampart/limits/users/{address}}: absent fields inherit; at least one field required. */
    public void setUserOverride(String address, SendLimits limits) {
        Preconditions.checkArgument(!limits.isEmpty(), "at least one limit or the action is required; fields: "
            + "externalRecipientsPerHour, internalRecipientsPerHour, recipientsPerDay, messagesPerMinute, recipientsPerMessage, action");
        state.hashes().put(OVERRIDES_KEY, normalize(address), StateJson.write(limits));
    }

    /** {@code DELETE /rampart/limits/users/{address}}: false when there was no override (404). */
    public boolean deleteUserOverride(String address) {
        return state.hashes().remove(OVERRIDES_KEY, normalize(address));
    }

    /** Every WebAdmin user override, by address. */
    public ImmutableMap<String, SendLimits> userOverrides() {
        return state.hashes().entries(OVERRIDES_KEY).entrySet().stream()
            .collect(ImmutableMap.toImmutableMap(Map.Entry::getKey, e -> StateJson.read(e.getValue(), SendLimits.class)));
    }

    /** The complete limits that apply to the address: override, configured user, group, default. */
    public SendLimits effectiveLimits(String address) {
        String user = normalize(address);
        ImmutableList<Optional<String>> stored = state.hashes().getMany(ImmutableList.of(
            HashStore.Field.of(LIMITS_KEY, DEFAULT_FIELD), HashStore.Field.of(OVERRIDES_KEY, user)));
        return effectiveLimits(user, stored.get(0), stored.get(1));
    }

    private SendLimits defaultLimits(Optional<String> stored) {
        return stored.map(json -> StateJson.read(json, SendLimits.class))
            .map(limits -> limits.orElse(settings.domainDefault()))
            .orElse(settings.domainDefault());
    }

    private SendLimits effectiveLimits(String user, Optional<String> storedDefault, Optional<String> storedOverride) {
        SendLimits limits = defaultLimits(storedDefault);
        Optional<LimitSettings.Group> group = settings.groupOf(user);
        if (group.isPresent()) {
            limits = group.get().limits().orElse(limits);
        }
        Optional<SendLimits> configured = settings.user(user);
        if (configured.isPresent()) {
            limits = configured.get().orElse(limits);
        }
        Optional<SendLimits> override = storedOverride.map(json -> StateJson.read(json, SendLimits.class));
        if (override.isPresent()) {
            limits = override.get().orElse(limits);
        }
        return limits;
    }

    /**
     * Counts the mail against the sender's windows and decides. A sender already blocked is not
     * counted (the decision says hold). Breach means the sum including this mail is over the limit.
     */
    public LimitDecision checkAndRecord(SendAttempt attempt) {
        String sender = attempt.sender();
        // the sender's block, the default and the sender's override in one round trip
        ImmutableList<Optional<String>> stored = state.hashes().getMany(ImmutableList.of(BlockService.field(sender),
            HashStore.Field.of(LIMITS_KEY, DEFAULT_FIELD), HashStore.Field.of(OVERRIDES_KEY, sender)));
        Optional<Block> existing = blocks.activeBlock(stored.get(0));
        SendLimits limits = effectiveLimits(sender, stored.get(1), stored.get(2));
        if (existing.isPresent()) {
            return LimitDecision.senderBlocked(sender, limits, existing.get());
        }
        if (!settings.enabled()) {
            return LimitDecision.pass(sender, limits);
        }
        ImmutableList.Builder<Breach> breaches = ImmutableList.builder();
        check(limits, Limit.RECIPIENTS_PER_MESSAGE, attempt.recipientCount(), breaches);
        Instant at = attempt.at();
        String id = attempt.mailId();
        int internal = attempt.internalRecipients().size();
        int external = attempt.externalRecipients().size();
        // every window this mail counts in, recorded in one round trip
        List<Limit> windows = new ArrayList<>();
        List<WindowAdd> adds = new ArrayList<>();
        if (external > 0) {
            addWindow(windows, adds, Limit.EXTERNAL_RECIPIENTS_PER_HOUR, sender, external);
        }
        if (internal > 0) {
            addWindow(windows, adds, Limit.INTERNAL_RECIPIENTS_PER_HOUR, sender, internal);
        }
        if (internal + external > 0) {
            addWindow(windows, adds, Limit.RECIPIENTS_PER_DAY, sender, internal + external);
        }
        addWindow(windows, adds, Limit.MESSAGES_PER_MINUTE, sender, 1);
        ImmutableList<Long> sums = state.windows().addAndSumAll(id, at, adds);
        long internalInHour = 0;
        for (int i = 0; i < windows.size(); i++) {
            check(limits, windows.get(i), sums.get(i), breaches);
            if (windows.get(i) == Limit.INTERNAL_RECIPIENTS_PER_HOUR) {
                internalInHour = sums.get(i);
            }
        }

        ImmutableList<Breach> found = breaches.build();
        if (found.isEmpty()) {
            return LimitDecision.pass(sender, limits);
        }
        LimitAction action = limits.action().orElse(LimitSettings.DEFAULT_ACTION);
        String rule = "limit." + found.get(0).limit().key();
        String evidence = found.stream().map(Breach::describe).collect(Collectors.joining("; "))
            + " (mail " + id + ", " + internal + " internal and " + external + " external recipients)";
        if (internal == 0) {
            internalInHour = state.windows().sum(windowKey(Limit.INTERNAL_RECIPIENTS_PER_HOUR, sender), at,
                Limit.INTERNAL_RECIPIENTS_PER_HOUR.window().get());
        }
        Optional<Block> block = Optional.empty();
        if (action == LimitAction.BLOCK) {
            Optional<Instant> until = settings.blockDuration().map(duration -> clock.instant().plus(duration));
            block = Optional.of(blocks.block(sender, rule, evidence, until));
        }
        Alert alert = Alert.of(sender, rule, evidence, (int) Math.min(Integer.MAX_VALUE, internalInHour), at, action,
            Optional.of(attempt.flow()));
        boolean notify = alerts.record(alert);
        return LimitDecision.breached(sender, limits, found, action, block, alert, notify);
    }

    /** Current window sums for the user (for WebAdmin and tests), by limit key. */
    public ImmutableMap<Limit, Long> usage(String address) {
        String user = normalize(address);
        Instant now = clock.instant();
        ImmutableMap.Builder<Limit, Long> usage = ImmutableMap.builder();
        for (Limit limit : Limit.values()) {
            limit.window().ifPresent(window -> usage.put(limit, state.windows().sum(windowKey(limit, user), now, window)));
        }
        return usage.build();
    }

    private static void addWindow(List<Limit> windows, List<WindowAdd> adds, Limit limit, String sender, long amount) {
        windows.add(limit);
        adds.add(WindowAdd.of(windowKey(limit, sender), amount, limit.window().orElseThrow()));
    }

    private static void check(SendLimits limits, Limit limit, long observed, ImmutableList.Builder<Breach> breaches) {
        OptionalInt allowed = limits.value(limit);
        if (allowed.isPresent() && allowed.getAsInt() > 0 && observed > allowed.getAsInt()) {
            breaches.add(Breach.of(limit, allowed.getAsInt(), observed));
        }
    }

    static String windowKey(Limit limit, String sender) {
        return "limits:" + limit.key() + ":" + sender;
    }

    static String normalize(String address) {
        Preconditions.checkArgument(address != null && address.indexOf('@') > 0 && address.indexOf('@') < address.length() - 1,
            "'%s' is not a mail address", address);
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
