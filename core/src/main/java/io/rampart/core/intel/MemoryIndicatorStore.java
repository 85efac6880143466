package io.rampart.core.intel;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Indicators in this node's memory, indexed by type and value for the scan path. */
public final class MemoryIndicatorStore implements IndicatorStore {
    private final Map<String, Indicator> byId = new ConcurrentHashMap<>();
    private final Map<String, Indicator> byKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Indicator>> byValue = new ConcurrentHashMap<>();

    private static String key(Indicator indicator) {
        return indicator.type().asString() + "|" + indicator.value() + "|" + indicator.source();
    }

    @Override
    public synchronized Indicator put(Indicator indicator) {
        Indicator existing = byKey.get(key(indicator));
        Indicator stored = existing == null ? indicator : existing.refreshedBy(indicator);
        index(stored);
        return stored;
    }

    @Override
    public Optional<Indicator> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Indicator> list() {
        return byId.values().stream().sorted(Comparator.comparing(Indicator::createdAt).thenComparing(Indicator::id))
            .collect(Collectors.toList());
    }

    @Override
    public List<Indicator> find(IndicatorType type, String value) {
        Instant now = Instant.now();
        return byValue.getOrDefault(type.asString() + "|" + value, Map.of()).values().stream()
            .filter(indicator -> indicator.active(now))
            .collect(Collectors.toList());
    }

    @Override
    public synchronized void replace(Indicator indicator) {
        index(indicator);
    }

    private void index(Indicator indicator) {
        byId.put(indicator.id(), indicator);
        byKey.put(key(indicator), indicator);
        byValue.computeIfAbsent(indicator.type().asString() + "|" + indicator.value(), k -> new ConcurrentHashMap<>())
            .put(indicator.source(), indicator);
    }
}
