package io.rampart.core.intel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

import io.rampart.core.state.HashStore;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Threat indicators in the state store ({@code state.backend}): on Redis every James node matches
 * mail against, and recalls by, the same indicators. The one copy of each indicator sits in a hash
 * keyed by {@code type|normalised value} (a JSON array: one indicator per source), which is also the
 * index {@link #find} and {@link #findAll} read: the scan path reads nothing else, and looks up all
 * of a message's URLs, domains, hashes, senders and Message-ID in one round trip. Adding, refreshing,
 * revoking are compare-and-set on that field, so two nodes refreshing the same indicator (the same
 * feed polled by both) keep one indicator with one id. A second hash maps an id to its field, for
 * {@link #get}.
 */
public final class StateIndicatorStore implements IndicatorStore {
    static final String INDICATORS_KEY = "intel.indicators";
    static final String IDS_KEY = "intel.ids";
    /** Attempts of a compare-and-set before giving up (only under constant contention). */

    private final StateStore state;
    private final Clock clock;

    public StateIndicatorStore(StateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    private static String field(IndicatorType type, String value) {
        return type.asString() + "|" + value;
    }

    private static String field(Indicator indicator) {
        return field(indicator.type(), indicator.value());
    }

    @Override
    public Indicator put(Indicator indicator) {
        String field = field(indicator);
        AtomicReference<Indicator> stored = new AtomicReference<>();
        state.hashes().update(INDICATORS_KEY, field, current -> {
            List<Indicator> sources = current.map(StateIndicatorStore::read).orElseGet(ArrayList::new);
            Optional<Indicator> existing = sources.stream().filter(i -> i.source().equals(indicator.source())).findFirst();
            stored.set(existing.map(e -> e.refreshedBy(indicator)).orElse(indicator));
            if (existing.equals(Optional.of(stored.get()))) {
                return Optional.empty(); // the same content again (a feed re-listing it): nothing to write
            }
            if (existing.isEmpty()) {
                // the id's entry first, so get() finds any indicator find() can; if this write then loses
                // to another node adding the same source, the entry names a field without that id: get() is empty
                state.hashes().putIfAbsent(IDS_KEY, stored.get().id(), field);
            }
            return Optional.of(StateJson.write(with(sources, stored.get())));
        }, () -> contention(field));
        return stored.get();
    }

    @Override
    public Optional<Indicator> get(String id) {
        return state.hashes().get(IDS_KEY, id)
            .flatMap(field -> state.hashes().get(INDICATORS_KEY, field))
            .flatMap(json -> read(json).stream().filter(indicator -> indicator.id().equals(id)).findFirst());
    }

    @Override
    public List<Indicator> list() {
        return state.hashes().entries(INDICATORS_KEY).values().stream()
            .flatMap(json -> read(json).stream())
            .sorted(Comparator.comparing(Indicator::createdAt).thenComparing(Indicator::id))
            .collect(Collectors.toList());
    }

    @Override
    public List<Indicator> find(IndicatorType type, String value) {
        Instant now = clock.instant();
        return state.hashes().get(INDICATORS_KEY, field(type, value))
            .map(json -> active(json, now))
            .orElse(List.of());
    }

    @Override
    public ImmutableList<List<Indicator>> findAll(List<Lookup> lookups) {
        Instant now = clock.instant();
        List<HashStore.Field> fields = lookups.stream()
            .map(lookup -> HashStore.Field.of(INDICATORS_KEY, field(lookup.type(), lookup.value())))
            .collect(Collectors.toList());
        return state.hashes().getMany(fields).stream()
            .map(json -> json.map(j -> active(j, now)).orElse(List.of()))
            .collect(ImmutableList.toImmutableList());
    }

    @Override
    public void replace(Indicator indicator) {
        String field = field(indicator);
        state.hashes().putIfAbsent(IDS_KEY, indicator.id(), field);
        state.hashes().update(INDICATORS_KEY, field, current -> Optional.of(StateJson.write(
            with(current.map(StateIndicatorStore::read).orElseGet(ArrayList::new), indicator))), () -> contention(field));
    }

    /** The indicators of one field with this one in place of any with its id or source. */
    private static List<Indicator> with(List<Indicator> sources, Indicator indicator) {
        List<Indicator> updated = new ArrayList<>(sources.size() + 1);
        boolean placed = false;
        for (Indicator other : sources) {
            if (other.id().equals(indicator.id()) || other.source().equals(indicator.source())) {
                if (!placed) {
                    updated.add(indicator);
                    placed = true;
                }
            } else {
                updated.add(other);
            }
        }
        if (!placed) {
            updated.add(indicator);
        }
        return updated;
    }

    private static IllegalStateException contention(String field) {
        return new IllegalStateException("indicator " + field + " kept changing: it was not saved");
    }

    private static List<Indicator> active(String json, Instant now) {
        return read(json).stream().filter(indicator -> indicator.active(now)).collect(Collectors.toList());
    }

    private static List<Indicator> read(String json) {
        return new ArrayList<>(Arrays.asList(StateJson.read(json, Indicator[].class)));
    }
}
