package io.rampart.core.intel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.config.IntelSettings;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecallService;

/**
 * Threat intelligence: indicators posted by admins or read from feeds. A new indicator is matched
 * against recent deliveries (automatic recall or proposal); a revoked or expired one undoes the
 * recalls it caused; an indicator a feed stops listing is revoked.
 */
public final class IntelService {
    private static final Logger LOGGER = LoggerFactory.getLogger(IntelService.class);

    /** What adding one indicator did. */
    public static final class Added {
        private final Indicator indicator;
        private final Optional<RecallRecord> recall;

        Added(Indicator indicator, Optional<RecallRecord> recall) {
            this.indicator = indicator;
            this.recall = recall;
        }

        public Indicator indicator() {
            return indicator;
        }

        public Optional<RecallRecord> recall() {
            return recall;
        }
    }

    private final IntelSettings settings;
    private final IndicatorStore store;
    private final RecallService recalls;
    private final Clock clock;
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> feedContents = new ConcurrentHashMap<>();

    public IntelService(IntelSettings settings, IndicatorStore store, RecallService recalls, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.recalls = recalls;
        this.clock = clock;
    }

    public IntelSettings settings() {
        return settings;
    }

    public IndicatorStore store() {
        return store;
    }

    /** Stores the indicators, then matches the active ones against recent deliveries (the ledger read once). */
    public List<Added> add(List<Indicator> indicators, IntelSettings.Mode mode) {
        Instant now = clock.instant();
        List<Indicator> stored = new ArrayList<>(indicators.size());
        List<Indicator> active = new ArrayList<>();
        for (Indicator indicator : indicators) {
            Indicator kept = store.put(indicator);
            withdrawn.remove(kept.id());
            stored.add(kept);
            if (kept.active(now)) {
                active.add(kept);
            }
        }
        Iterator<Optional<RecallRecord>> recalls = this.recalls.onIndicators(active, mode, settings).iterator();
        List<Added> added = new ArrayList<>(stored.size());
        for (Indicator indicator : stored) {
            added.add(new Added(indicator, indicator.active(now) ? recalls.next() : Optional.empty()));
        }
        return added;
    }

    public Optional<Indicator> revoke(String id, String actor) {
        Optional<Indicator> current = store.get(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Indicator revoked = current.get().revokedAt().isPresent() ? current.get() : current.get().revoked(clock.instant());
        store.replace(revoked);
        if (withdrawn.add(revoked.id())) {
            recalls.onIndicatorWithdrawn(revoked, "revoked by " + actor);
        }
        return Optional.of(revoked);
    }

    /** Expired indicators undo their recalls once. Called on a schedule. */
    public int sweepExpired() {
        Instant now = clock.instant();
        int count = 0;
        for (Indicator indicator : store.list()) {
            if (indicator.expired(now) && withdrawn.add(indicator.id())) {
                recalls.onIndicatorWithdrawn(indicator, "expired at " + indicator.expiresAt().get());
                count++;
            }
        }
        return count;
    }

    /** The latest content of a feed: new indicators are added, ones it no longer lists are revoked. */
    public List<Added> replaceFeed(IntelSettings.Feed feed, List<Indicator> indicators) {
        List<Added> added = add(indicators, feed.mode());
        Set<String> ids = new HashSet<>();
        added.forEach(a -> ids.add(a.indicator().id()));
        Set<String> previous = feedContents.getOrDefault(feed.name(), new HashSet<>());
        Map<String, Boolean> gone = new HashMap<>();
        previous.stream().filter(id -> !ids.contains(id)).forEach(id -> gone.put(id, true));
        gone.keySet().forEach(id -> revoke(id, "feed " + feed.name()));
        feedContents.put(feed.name(), ids);
        if (!gone.isEmpty()) {
            LOGGER.info("Rampart feed {} no longer lists {} indicators: revoked", feed.name(), gone.size());
        }
        return added;
    }
}
