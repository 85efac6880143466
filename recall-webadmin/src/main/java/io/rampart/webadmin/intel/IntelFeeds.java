package io.rampart.webadmin.intel;

import java.io.IOException;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import io.rampart.core.Rampart;
import io.rampart.core.config.IntelSettings;
import io.rampart.core.intel.FeedPoller;

/** The node's feed poller, shared by the startable that starts it and the route that polls on demand. */
@Singleton
public class IntelFeeds {
    private final Rampart rampart;
    private final FeedPoller poller;

    @Inject
    public IntelFeeds(Rampart rampart) {
        this.rampart = rampart;
        this.poller = new FeedPoller(rampart.intel());
    }

    public void start() {
        poller.start();
    }

    /** Stops polling when James stops (before Rampart closes its state store). */
    @PreDestroy
    public void stop() {
        poller.close();
    }

    public int poll(String name) throws IOException {
        IntelSettings.Feed feed = rampart.configuration().intel().feed(name)
            .orElseThrow(() -> new IllegalArgumentException("No feed named '" + name + "' (intel.feed." + name + ".url)"));
        return poller.poll(feed);
    }
}
