package io.rampart.webadmin.intel;

import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;

/**
 * Starts polling the threat feeds of {@code intel.feed.*} and sweeping expired indicators.
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.intel.IntelStartable}</pre>
 */
public class IntelStartable implements UserDefinedStartable {
    private final IntelFeeds feeds;

    @Inject
    public IntelStartable(IntelFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public void start() {
        feeds.start();
    }
}
