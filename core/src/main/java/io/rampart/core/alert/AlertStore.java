package io.rampart.core.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Recent alerts (newest first, capped) in the state store. {@link #record(Alert)} also says whether
 * the security mailbox should get a mail: at most one per user and rule per {@code notifyInterval},
 * so a runaway account does not flood the mailbox (every alert is still listed).
 */
public final class AlertStore {
    public static final int DEFAULT_RETAINED = 10_000;
    public static final Duration DEFAULT_NOTIFY_INTERVAL = Duration.ofMinutes(15);
    static final String LIST_KEY = "alerts";
    static final String NOTIFIED_KEY = "alerts.notified";

    private final StateStore state;
    private final Clock clock;
    private final int retained;
    private final Duration notifyInterval;

    public AlertStore(StateStore state, Clock clock) {
        this(state, clock, DEFAULT_RETAINED, DEFAULT_NOTIFY_INTERVAL);
    }

    public AlertStore(StateStore state, Clock clock, int retained, Duration notifyInterval) {
        Preconditions.checkArgument(retained > 0, "retained must be positive, got %s", retained);
        this.state = state;
        this.clock = clock;
        this.retained = retained;
        this.notifyInterval = notifyInterval;
    }

    /** Keeps the alert; true when the security mailbox should be mailed about it. */
    public boolean record(Alert alert) {
        state.lists().push(LIST_KEY, StateJson.write(alert), retained);
        String field = alert.user() + "|" + alert.rule();
        Instant now = clock.instant();
        Optional<Instant> last = state.hashes().get(NOTIFIED_KEY, field).map(Instant::parse);
        if (last.isPresent() && last.get().plus(notifyInterval).isAfter(now)) {
            return false;
        }
        state.hashes().put(NOTIFIED_KEY, field, now.toString());
        return true;
    }

    /** Newest first. */
    public ImmutableList<Alert> list(int offset, int limit) {
        return state.lists().range(LIST_KEY, offset, limit).stream()
            .map(json -> StateJson.read(json, Alert.class))
            .collect(ImmutableList.toImmutableList());
    }

    /** Newest first, only the user's. */
    public ImmutableList<Alert> listForUser(String user, int limit) {
        return list(0, retained).stream().filter(alert -> alert.user().equalsIgnoreCase(user)).limit(limit)
            .collect(ImmutableList.toImmutableList());
    }

    public long size() {
        return state.lists().size(LIST_KEY);
    }
}
