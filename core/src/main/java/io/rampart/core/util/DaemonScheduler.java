package io.rampart.core.util;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A one-thread scheduler on a named daemon thread, for Rampart's periodic housekeeping. */
public final class DaemonScheduler {
    private DaemonScheduler() {
    }

    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
