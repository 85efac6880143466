package io.rampart.webadmin;

import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.Rampart;

/**
 * Loads Rampart's configuration when James starts, so a bad {@code rampart.properties} stops
 * James at start-up even if no mailet asked for Rampart yet, and logs the effective settings.
 *
 * <pre>{@code guice.extension.startable=io.rampart.webadmin.RampartStartable}</pre>
 */
public class RampartStartable implements UserDefinedStartable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RampartStartable.class);

    private final Rampart rampart;

    @Inject
    public RampartStartable(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public void start() {
        LOGGER.info("Rampart started from {} with {} analyzers", rampart.configuration().source(),
            rampart.engine().analyzers().size());
    }
}
