package io.rampart.core.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

import io.rampart.core.state.HashStore;
import io.rampart.core.state.StateStore;

/**
 * When Rampart first saw each link domain (registrable domain) in the organisation's mail, in the state
 * store so that every James node shares it. Phishing runs on domains registered days before the
 * campaign; a domain nobody in the organisation has received a link to before, or only in the last few
 * days, is "newly seen". Nothing here needs the network (no WHOIS): it is the organisation's own history.
 * Learning starts the first time a node scans mail ({@link #since}); until the warm-up has passed every
 * domain is new, so nothing is judged.
 */
public final class DomainHistory {
    /** Hash: field = registrable domain, value = epoch second first seen. */
    public static final String FIRST_SEEN_KEY = "links.firstSeen";
    /** Hash holding when learning started (field {@code since}). */
    public static final String META_KEY = "links.firstSeen.meta";
    /** Domains kept at most; beyond it new domains are neither recorded nor judged. */
    public static final int MAX_DOMAINS = 500_000;
    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(DomainHistory.class);

    private final StateStore state;
    private volatile Instant since;
    private volatile boolean fullLogged;

    public DomainHistory(StateStore state) {
        this.state = state;
    }

    /** When this organisation's history began (the first call on any node); recorded on first use. */
    public Instant since(Instant now) {
        Instant known = since;
        if (known == null) {
            HashStore hashes = state.hashes();
            hashes.putIfAbsent(META_KEY, "since", String.valueOf(now.getEpochSecond()));
            known = hashes.get(META_KEY, "since").map(value -> Instant.ofEpochSecond(Long.parseLong(value))).orElse(now);
            since = known;
        }
        return known;
    }

    /**
     * For each domain, when it was first seen; domains never seen are recorded as first seen {@code now}
     * (one read of all of them, then one write per new domain) when {@code record}, else only reported so.
     */
    public Map<String, Instant> firstSeen(Collection<String> domains, Instant now, boolean record) {
        List<String> distinct = ImmutableList.copyOf(new java.util.LinkedHashSet<>(domains));
        List<HashStore.Field> fields = new ArrayList<>();
        distinct.forEach(domain -> fields.add(HashStore.Field.of(FIRST_SEEN_KEY, domain)));
        List<Optional<String>> values = state.hashes().getMany(fields);
        Map<String, Instant> seen = new LinkedHashMap<>();
        boolean full = false;
        boolean checkedSize = false;
        for (int i = 0; i < distinct.size(); i++) {
            String domain = distinct.get(i);
            if (values.get(i).isPresent()) {
                seen.put(domain, Instant.ofEpochSecond(Long.parseLong(values.get(i).get())));
                continue;
            }
            if (!record) {
                seen.put(domain, now);
                continue;
            }
            if (!checkedSize) {
                checkedSize = true;
                full = state.hashes().size(FIRST_SEEN_KEY) >= MAX_DOMAINS;
            }
            if (full) {
                if (!fullLogged) {
                    fullLogged = true;
                    LOGGER.warn("Rampart remembers {} link domains already: new ones are not recorded or judged", MAX_DOMAINS);
                }
                continue;
            }
            if (state.hashes().putIfAbsent(FIRST_SEEN_KEY, domain, String.valueOf(now.getEpochSecond()))) {
                seen.put(domain, now);
            } else {
                // another node recorded it between the read and the write: its time stands
                seen.put(domain, state.hashes().get(FIRST_SEEN_KEY, domain)
                    .map(value -> Instant.ofEpochSecond(Long.parseLong(value))).orElse(now));
            }
        }
        return seen;
    }

    /** Whether the history is old enough ({@code warmUp}) for "not seen before" to mean something. */
    public boolean warmedUp(Instant now, Duration warmUp) {
        return !since(now).plus(warmUp).isAfter(now);
    }
}
