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
    /**
     * Hash: field = registrable domain, value = epoch second first seen, then {@code ,} and the epoch
     * second last seen (a value without it, written by an older Rampart, was last seen when first seen).
     */
    public static final String FIRST_SEEN_KEY = "links.firstSeen";
    /** Hash holding when learning started (field {@code since}). */
    public static final String META_KEY = "links.firstSeen.meta";
    /**
     * Domains kept at most. When full, the history forgets the domains not linked to for
     * {@link #FORGET_AFTER}, then, if still above nine tenths of it, the least recently seen: spam links
     * to throwaway domains by the thousand, and a history that stopped recording once full would stop
     * judging new domains for good.
     */
    public static final int MAX_DOMAINS = 500_000;
    public static final Duration FORGET_AFTER = Duration.ofDays(180);
    /** A domain's last sighting is written at most once a day (not once per mail linking to it). */
    static final Duration TOUCH_EVERY = Duration.ofDays(1);
    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(DomainHistory.class);

    private final StateStore state;
    private final int maxDomains;
    private volatile Instant since;

    public DomainHistory(StateStore state) {
        this(state, MAX_DOMAINS);
    }

    DomainHistory(StateStore state, int maxDomains) {
        this.state = state;
        this.maxDomains = maxDomains;
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
     * (one read of all of them, then one write per new domain, and one a day per known domain for its
     * last sighting) when {@code record}, else only reported so.
     */
    public Map<String, Instant> firstSeen(Collection<String> domains, Instant now, boolean record) {
        List<String> distinct = ImmutableList.copyOf(new java.util.LinkedHashSet<>(domains));
        List<HashStore.Field> fields = new ArrayList<>();
        distinct.forEach(domain -> fields.add(HashStore.Field.of(FIRST_SEEN_KEY, domain)));
        List<Optional<String>> values = state.hashes().getMany(fields);
        Map<String, Instant> seen = new LinkedHashMap<>();
        boolean checkedSize = false;
        for (int i = 0; i < distinct.size(); i++) {
            String domain = distinct.get(i);
            if (values.get(i).isPresent()) {
                Sighting sighting = Sighting.parse(values.get(i).get());
                seen.put(domain, sighting.first);
                if (record && !sighting.last.plus(TOUCH_EVERY).isAfter(now)) {
                    // compare-and-set: a node that touched it meanwhile wrote the same day
                    state.hashes().replace(FIRST_SEEN_KEY, domain, values.get(i).get(), new Sighting(sighting.first, now).format());
                }
                continue;
            }
            if (!record) {
                seen.put(domain, now);
                continue;
            }
            if (!checkedSize) {
                checkedSize = true;
                if (state.hashes().size(FIRST_SEEN_KEY) >= maxDomains) {
                    prune(now);
                }
            }
            if (state.hashes().putIfAbsent(FIRST_SEEN_KEY, domain, new Sighting(now, now).format())) {
                seen.put(domain, now);
            } else {
                // another node recorded it between the read and the write: its time stands
                seen.put(domain, state.hashes().get(FIRST_SEEN_KEY, domain).map(value -> Sighting.parse(value).first)
                    .orElse(now));
            }
        }
        return seen;
    }

    /**
     * Forgets the domains not seen for {@link #FORGET_AFTER}, then the least recently seen until nine
     * tenths of the cap are left. Several nodes may prune at once: they remove the same domains.
     */
    synchronized int prune(Instant now) {
        if (state.hashes().size(FIRST_SEEN_KEY) < maxDomains) {
            return 0; // another thread of this node has just pruned
        }
        Map<String, String> entries = state.hashes().entries(FIRST_SEEN_KEY);
        List<Map.Entry<String, Instant>> byLastSeen = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            byLastSeen.add(Map.entry(entry.getKey(), Sighting.parse(entry.getValue()).last));
        }
        byLastSeen.sort(Map.Entry.comparingByValue());
        Instant forgetBefore = now.minus(FORGET_AFTER);
        int keep = maxDomains - maxDomains / 10;
        int removed = 0;
        for (Map.Entry<String, Instant> entry : byLastSeen) {
            if (!entry.getValue().isBefore(forgetBefore) && byLastSeen.size() - removed <= keep) {
                break;
            }
            if (state.hashes().remove(FIRST_SEEN_KEY, entry.getKey())) {
                removed++;
            }
        }
        LOGGER.info("Rampart's history of link domains reached {}: forgot {} not linked to since the earliest", maxDomains,
            removed);
        return removed;
    }

    /** First and last time a domain was seen, as stored: {@code first[,last]} in epoch seconds. */
    private static final class Sighting {
        final Instant first;
        final Instant last;

        Sighting(Instant first, Instant last) {
            this.first = first;
            this.last = last;
        }

        static Sighting parse(String value) {
            int comma = value.indexOf(',');
            Instant first = Instant.ofEpochSecond(Long.parseLong(comma < 0 ? value : value.substring(0, comma)));
            return new Sighting(first, comma < 0 ? first : Instant.ofEpochSecond(Long.parseLong(value.substring(comma + 1))));
        }

        String format() {
            return first.getEpochSecond() + "," + last.getEpochSecond();
        }
    }

    /** Whether the history is old enough ({@code warmUp}) for "not seen before" to mean something. */
    public boolean warmedUp(Instant now, Duration warmUp) {
        return !since(now).plus(warmUp).isAfter(now);
    }
}
