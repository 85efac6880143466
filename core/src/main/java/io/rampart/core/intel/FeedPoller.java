package io.rampart.core.intel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.config.IntelSettings;

/**
 * Polls each configured feed on its interval (first poll at start) and sweeps expired indicators
 * every minute, on one daemon thread. A feed that cannot be read or parsed is logged and keeps its
 * previous indicators.
 */
public final class FeedPoller implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(FeedPoller.class);
    private static final int MAX_FEED_BYTES = 64 * 1024 * 1024;

    private final IntelService intel;
    private final ScheduledExecutorService scheduler = io.rampart.core.util.DaemonScheduler.named("rampart-intel-feeds");

    public FeedPoller(IntelService intel) {
        this.intel = intel;
    }

    public void start() {
        for (IntelSettings.Feed feed : intel.settings().feeds()) {
            scheduler.scheduleWithFixedDelay(() -> pollQuietly(feed), 0, feed.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                intel.sweepExpired();
            } catch (RuntimeException e) {
                LOGGER.error("Rampart could not sweep expired indicators", e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private void pollQuietly(IntelSettings.Feed feed) {
        try {
            poll(feed);
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Rampart could not poll feed {} at {}: {}", feed.name(), feed.url(), e.toString());
        }
    }

    /** Reads and applies one feed now; returns how many indicators it listed. */
    public int poll(IntelSettings.Feed feed) throws IOException {
        URLConnection connection = feed.url().toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        byte[] bytes;
        try (InputStream in = connection.getInputStream()) {
            bytes = in.readNBytes(MAX_FEED_BYTES);
        }
        FeedFormat.Result result = feed.format().parse(new String(bytes, StandardCharsets.UTF_8), feed.name(),
            feed.verdict(), feed.confidence(), java.time.Instant.now());
        List<IntelService.Added> added = intel.replaceFeed(feed, result.indicators());
        long recalls = added.stream().filter(a -> a.recall().isPresent()).count();
        LOGGER.info("Rampart feed {}: {} indicators ({} skipped), {} recalls started or proposed", feed.name(),
            result.indicators().size(), result.skipped(), recalls);
        return result.indicators().size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
