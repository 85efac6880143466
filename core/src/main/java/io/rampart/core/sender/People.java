package io.rampart.core.sender;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.config.DetectionSettings;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.state.StateStore;

/**
 * The names of the organisation's people, which outsiders borrow as display names (CEO fraud, "Bob
 * Smith" &lt;bob.smith.office@gmail.com&gt; asking for gift cards). Two sources: names an administrator
 * protects ({@code detection.people}), and names learnt from mail the organisation's users send
 * (internal and outbound mail from an authenticated user, whose From is that user's own address and
 * which scanned clean), kept in the state store so that every James node knows them. Outside
 * addresses in {@code detection.people.allowedSenders} may use any of the names (someone's private
 * address, a namesake at a partner).
 */
public final class People {
    /** Hash of learnt names: field = {@link PersonNames#key}, value = address + TAB + the name as written. */
    public static final String LEARNED_KEY = "people.names";
    /** Learnt names kept at most: beyond it new names are not learnt (and a warning is logged once). */
    public static final int MAX_LEARNED = 100_000;
    /** Hash of the name each local address sends under: field = address, value = {@link PersonNames#key}. */
    public static final String ADDRESSES_KEY = "people.addresses";
    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(People.class);

    /** Who a name belongs to: a configured name, or a learnt one with the local address that used it. */
    public static final class Known {
        private final String name;
        private final Optional<String> address;
        private final boolean configured;

        private Known(String name, Optional<String> address, boolean configured) {
            this.name = name;
            this.address = address;
            this.configured = configured;
        }

        static Known configured(String name, Optional<String> address) {
            return new Known(name, address, true);
        }

        /** A learnt name from its stored value (address TAB name). */
        static Known learnt(String value) {
            int tab = value.indexOf('\t');
            return tab < 0 ? new Known(value, Optional.empty(), false)
                : new Known(value.substring(tab + 1), Optional.of(value.substring(0, tab)), false);
        }

        /** The name as configured or as first seen. */
        public String name() {
            return name;
        }

        /** The local address that sends under the name; empty for a configured name nobody sent under yet. */
        public Optional<String> address() {
            return address;
        }

        /** Named in {@code detection.people} (else learnt). */
        public boolean configured() {
            return configured;
        }
    }

    public static People from(DetectionSettings settings, StateStore state) {
        return new People(settings.people(), settings.peopleAllowedSenders(), settings.learnPeople(), state);
    }

    /** Only the configured names (the command line, tests): nothing is kept. */
    public static People configured(DetectionSettings settings) {
        return new People(settings.people(), settings.peopleAllowedSenders(), false, new MemoryStateStore());
    }

    /** "Name &lt;address&gt;" in {@code detection.people}: the address in brackets at the end. */
    public static final java.util.regex.Pattern CONFIGURED_ADDRESS = java.util.regex.Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>\\s*$");

    private final ImmutableMap<String, String> configured;
    private final ImmutableMap<String, String> configuredAddresses;
    private final ImmutableSet<String> allowedSenders;
    private final boolean learn;
    private final StateStore state;
    /** Keys this node has already written (or found written): each is stored once, not per mail. */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile boolean fullLogged;

    /**
     * {@code configuredNames}: names, each optionally with its owner's address ({@code Dana Boss
     * <dana@acme-corp.com>}); without one, the address is learnt.
     */
    public People(Iterable<String> configuredNames, Iterable<String> allowedSenders, boolean learn, StateStore state) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        Map<String, String> addresses = new java.util.HashMap<>();
        for (String entry : configuredNames) {
            java.util.regex.Matcher owner = CONFIGURED_ADDRESS.matcher(entry.trim());
            boolean hasOwner = owner.find();
            String trimmed = hasOwner ? entry.trim().substring(0, owner.start()).trim() : entry.trim();
            String key = PersonNames.key(trimmed).orElseThrow(() -> new IllegalArgumentException("'" + trimmed
                + "' is not " + PersonNames.ACCEPTED));
            if (names.putIfAbsent(key, trimmed) == null && hasOwner) {
                addresses.put(key, owner.group(1).trim().toLowerCase(Locale.ROOT));
            }
        }
        this.configured = ImmutableMap.copyOf(names);
        this.configuredAddresses = ImmutableMap.copyOf(addresses);
        ImmutableSet.Builder<String> allowed = ImmutableSet.builder();
        allowedSenders.forEach(address -> allowed.add(address.trim().toLowerCase(Locale.ROOT)));
        this.allowedSenders = allowed.build();
        this.learn = learn;
        this.state = state;
    }

    /** The person a display name names, if it is one of the organisation's. */
    public Optional<Known> lookup(String displayName) {
        Optional<String> key = PersonNames.key(displayName);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String configuredName = configured.get(key.get());
        String configuredAddress = configuredAddresses.get(key.get());
        if (configuredAddress != null) {
            return Optional.of(Known.configured(configuredName, Optional.of(configuredAddress)));
        }
        Optional<Known> learnt = state.hashes().get(LEARNED_KEY, key.get()).map(Known::learnt);
        if (configuredName != null) {
            return Optional.of(Known.configured(configuredName, learnt.flatMap(Known::address)));
        }
        return learnt;
    }

    /** Whether this outside address may use the organisation's names ({@code detection.people.allowedSenders}). */
    public boolean allowedSender(String address) {
        return allowedSenders.contains(address.toLowerCase(Locale.ROOT));
    }

    /**
     * Learns the name a local user sends under: only when learning is on, the mail was submitted by
     * {@code authenticatedUser} and its From is that same address (nobody teaches a name for another
     * address). A name keeps the first address that sent under it, and an address teaches only its
     * first name: a compromised account that starts writing as the CEO does not teach Rampart that the
     * CEO's name is its own. A configured name learns its address the same way (so that another local
     * account writing under it is noticed). Only an address that carries the name is its owner's
     * (alice.chen@, achen@ for "Alice Chen"; see {@link PersonNames#carriedBy}): a notification service
     * relaying people's names learns none. True when something new was learnt.
     */
    public boolean learn(String authenticatedUser, String fromAddress, String displayName) {
        if (!learn || authenticatedUser == null || fromAddress == null
            || !authenticatedUser.trim().equalsIgnoreCase(fromAddress.trim())) {
            return false;
        }
        Optional<String> key = PersonNames.key(displayName);
        if (key.isEmpty() || written.contains(key.get()) || configuredAddresses.containsKey(key.get())) {
            return false;
        }
        String address = fromAddress.trim().toLowerCase(Locale.ROOT);
        if (!PersonNames.carriedBy(key.get(), address)) {
            // jira@ relaying "Alice Chen", ceo@ writing as "Dana Boss": not the address of the person named
            return false;
        }
        Optional<String> owner = state.hashes().get(LEARNED_KEY, key.get()).map(Known::learnt).flatMap(Known::address);
        if (owner.isPresent()) {
            if (owner.get().equals(address)) {
                // Names learnt before addresses were indexed get their index entry here.
                state.hashes().putIfAbsent(ADDRESSES_KEY, address, key.get());
            }
            written.add(key.get());
            return false;
        }
        Optional<String> ownName = state.hashes().get(ADDRESSES_KEY, address);
        if (ownName.isPresent() && !ownName.get().equals(key.get())) {
            return false;
        }
        if (written.size() >= MAX_LEARNED || state.hashes().size(LEARNED_KEY) >= MAX_LEARNED) {
            if (!fullLogged) {
                fullLogged = true;
                LOGGER.warn("Rampart knows {} people's names already: new names are not learnt", MAX_LEARNED);
            }
            return false;
        }
        boolean stored = state.hashes().putIfAbsent(LEARNED_KEY, key.get(), address + "\t" + displayName.trim());
        if (stored) {
            state.hashes().putIfAbsent(ADDRESSES_KEY, address, key.get());
        }
        written.add(key.get());
        return stored;
    }

    /**
     * Forgets a learnt name, or the address learnt for a configured one (either is learnt again when
     * its owner keeps sending under it). True when it was known.
     */
    public boolean forget(String displayName) {
        Optional<String> key = PersonNames.key(displayName);
        if (key.isEmpty()) {
            return false;
        }
        written.remove(key.get());
        Optional<String> owner = state.hashes().get(LEARNED_KEY, key.get()).map(Known::learnt).flatMap(Known::address);
        boolean removed = state.hashes().remove(LEARNED_KEY, key.get());
        owner.filter(address -> state.hashes().get(ADDRESSES_KEY, address).equals(key))
            .ifPresent(address -> state.hashes().remove(ADDRESSES_KEY, address));
        return removed;
    }

    /** Every name: the configured ones first, then the learnt ones by key. */
    public ImmutableList<Known> all() {
        List<Known> all = new ArrayList<>();
        ImmutableMap<String, String> learnt = state.hashes().entries(LEARNED_KEY);
        configured.forEach((key, name) -> all.add(Known.configured(name, Optional.ofNullable(configuredAddresses.get(key))
            .or(() -> Optional.ofNullable(learnt.get(key)).map(Known::learnt).flatMap(Known::address)))));
        learnt.forEach((key, value) -> {
            if (!configured.containsKey(key)) {
                all.add(Known.learnt(value));
            }
        });
        return ImmutableList.copyOf(all);
    }

    public boolean learning() {
        return learn;
    }
}
