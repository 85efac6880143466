package io.rampart.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import com.google.common.collect.ImmutableList;

import io.rampart.core.intel.FeedFormat;
import io.rampart.core.verdict.VerdictClass;

/**
 * {@code intel.*}: automatic recall on threat indicators, and the feeds polled for them
 * ({@code intel.feed.<name>.url|format|interval|mode|verdict|confidence}).
 */
public final class IntelSettings {
    public static final boolean DEFAULT_AUTO_RECALL = true;
    public static final int DEFAULT_MIN_CONFIDENCE = 50;
    public static final double DEFAULT_MATCH_SCORE = 10.0;
    public static final Duration DEFAULT_FEED_INTERVAL = Duration.ofHours(1);
    public static final String DEFAULT_FEED_FORMAT = "plain";
    public static final String DEFAULT_FEED_MODE = "enforce";
    public static final String DEFAULT_FEED_VERDICT = "phish";
    public static final int DEFAULT_FEED_CONFIDENCE = 80;

    public enum Mode {
        /** Matching mail is recalled automatically. */
        ENFORCE,
        /** Matching mail is only proposed as a recall for an admin to launch. */
        SHADOW;

        public String asString() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Mode parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** One polled feed. */
    public static final class Feed {
        private final String name;
        private final URI url;
        private final FeedFormat format;
        private final Duration interval;
        private final Mode mode;
        private final VerdictClass verdict;
        private final int confidence;

        public Feed(String name, URI url, FeedFormat format, Duration interval, Mode mode, VerdictClass verdict,
                    int confidence) {
            this.name = name;
            this.url = url;
            this.format = format;
            this.interval = interval;
            this.mode = mode;
            this.verdict = verdict;
            this.confidence = confidence;
        }

        public String name() {
            return name;
        }

        public URI url() {
            return url;
        }

        public FeedFormat format() {
            return format;
        }

        public Duration interval() {
            return interval;
        }

        public Mode mode() {
            return mode;
        }

        /** Verdict of the feed's indicators when the format does not say (plain lists). */
        public VerdictClass verdict() {
            return verdict;
        }

        public int confidence() {
            return confidence;
        }
    }

    public static IntelSettings from(ConfigReader reader) {
        boolean autoRecall = reader.bool("intel.autoRecall", DEFAULT_AUTO_RECALL);
        int minConfidence = reader.integer("intel.minConfidence", DEFAULT_MIN_CONFIDENCE, 0, 100);
        double matchScore = reader.decimal("intel.matchScore", DEFAULT_MATCH_SCORE, 0, 1000);
        ImmutableList.Builder<Feed> feeds = ImmutableList.builder();
        for (String name : reader.childNames("intel.feed.")) {
            String prefix = "intel.feed." + name + ".";
            String url = reader.optionalString(prefix + "url")
                .orElseThrow(() -> reader.error(prefix + "url", "is required for feed '" + name + "'"));
            URI uri = reader.parsed(prefix + "url", null, URI::create, "a file:// or http(s):// URL");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
                throw reader.error(prefix + "url", url, "a file:// or http(s):// URL");
            }
            FeedFormat format = reader.parsed(prefix + "format", FeedFormat.parse(DEFAULT_FEED_FORMAT), FeedFormat::parse,
                "plain, urlhaus-csv or stix21");
            Duration interval = reader.duration(prefix + "interval", DEFAULT_FEED_INTERVAL);
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw reader.error(prefix + "interval", interval.toString(), "at least 1s");
            }
            Mode mode = reader.parsed(prefix + "mode", Mode.ENFORCE, Mode::parse, "enforce or shadow");
            VerdictClass verdict = reader.parsed(prefix + "verdict", VerdictClass.PHISH, value -> {
                VerdictClass parsed = VerdictClass.parse(value);
                if (parsed != VerdictClass.PHISH && parsed != VerdictClass.MALWARE && parsed != VerdictClass.SPAM) {
                    throw new IllegalArgumentException(value);
                }
                return parsed;
            }, "phish, malware or spam");
            int confidence = reader.integer(prefix + "confidence", DEFAULT_FEED_CONFIDENCE, 0, 100);
            feeds.add(new Feed(name, uri, format, interval, mode, verdict, confidence));
        }
        return new IntelSettings(autoRecall, minConfidence, matchScore, feeds.build());
    }

    private final boolean autoRecall;
    private final int minConfidence;
    private final double matchScore;
    private final ImmutableList<Feed> feeds;

    public IntelSettings(boolean autoRecall, int minConfidence, double matchScore, ImmutableList<Feed> feeds) {
        this.autoRecall = autoRecall;
        this.minConfidence = minConfidence;
        this.matchScore = matchScore;
        this.feeds = feeds;
    }

    /** Whether a new indicator recalls matching mail from the ledger's window (per feed: enforce or shadow). */
    public boolean autoRecall() {
        return autoRecall;
    }

    /** Indicators below this confidence only propose recalls, and score half in live detection. */
    public int minConfidence() {
        return minConfidence;
    }

    /** Score a live match with an indicator adds to a new mail's verdict. */
    public double matchScore() {
        return matchScore;
    }

    public ImmutableList<Feed> feeds() {
        return feeds;
    }

    public java.util.Optional<Feed> feed(String name) {
        return feeds.stream().filter(feed -> feed.name().equals(name)).findFirst();
    }
}
