package io.rampart.core.config;

import java.time.Duration;
import java.util.Locale;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.util.Durations;

/**
 * {@code quarantine.retention}, {@code quarantine.purgeInterval} and {@code quarantine.digest.*}: how
 * long quarantined mail is kept, how often older mail is purged, and whether recipients get a
 * periodic digest of what was held for them.
 */
public final class ReviewSettings {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final boolean DEFAULT_DIGEST_ENABLED = false;
    public static final Duration DEFAULT_DIGEST_INTERVAL = Duration.ofHours(24);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(24);

    public static ReviewSettings from(ConfigReader reader) {
        Duration retention = reader.duration("quarantine.retention", DEFAULT_RETENTION);
        if (retention.isZero()) {
            throw reader.error("quarantine.retention", "0", "a positive duration such as 30d");
        }
        Duration purgeInterval = reader.duration("quarantine.purgeInterval", DEFAULT_PURGE_INTERVAL);
        if (!purgeInterval.isZero() && purgeInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw reader.error("quarantine.purgeInterval", Durations.describe(purgeInterval), "at least 1m, or 0 to purge only on request");
        }
        boolean digestEnabled = reader.bool("quarantine.digest.enabled", DEFAULT_DIGEST_ENABLED);
        Duration digestInterval = reader.duration("quarantine.digest.interval", DEFAULT_DIGEST_INTERVAL);
        if (digestInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw reader.error("quarantine.digest.interval", Durations.describe(digestInterval), "at least 1m");
        }
        ImmutableSet<String> domains = reader.list("quarantine.digest.domains", ImmutableSet.<String>of().asList())
            .stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
        return new ReviewSettings(retention, purgeInterval, digestEnabled, digestInterval, domains);
    }

    public static ReviewSettings defaults() {
        return new ReviewSettings(DEFAULT_RETENTION, DEFAULT_PURGE_INTERVAL, DEFAULT_DIGEST_ENABLED, DEFAULT_DIGEST_INTERVAL,
            ImmutableSet.of());
    }

    private final Duration retention;
    private final Duration purgeInterval;
    private final boolean digestEnabled;
    private final Duration digestInterval;
    private final ImmutableSet<String> digestDomains;

    public ReviewSettings(Duration retention, Duration purgeInterval, boolean digestEnabled, Duration digestInterval,
                          ImmutableSet<String> digestDomains) {
        this.retention = retention;
        this.purgeInterval = purgeInterval;
        this.digestEnabled = digestEnabled;
        this.digestInterval = digestInterval;
        this.digestDomains = digestDomains;
    }

    /** Quarantined mail older than this is purged by the purge task. */
    public Duration retention() {
        return retention;
    }

    /** How often the purge task runs by itself; zero: only when an admin asks for it. */
    public Duration purgeInterval() {
        return purgeInterval;
    }

    public boolean digestEnabled() {
        return digestEnabled;
    }

    public Duration digestInterval() {
        return digestInterval;
    }

    /** Domains whose users get digests; empty means every local domain. */
    public ImmutableSet<String> digestDomains() {
        return digestDomains;
    }

    public boolean digestCovers(String domain) {
        return digestDomains.isEmpty() || digestDomains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
