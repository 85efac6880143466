package io.rampart.webadmin;

import java.io.File;
import java.io.FileNotFoundException;
import java.time.Clock;
import java.util.Optional;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.filesystem.api.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import io.rampart.core.Rampart;
import io.rampart.core.config.ConfigException;
import io.rampart.core.config.RampartConfiguration;

/**
 * Wires Rampart's core services into James: one {@link Rampart} per node, built from
 * {@code conf/rampart.properties}, shared by the matchers, mailets, SMTP hooks and WebAdmin routes
 * (they are all built by the extension injector this module belongs to). Its state store (the Redis
 * connections with {@code state.backend=redis}) is closed when James stops: see {@link RampartProvider}.
 *
 * <pre>{@code guice.extension.module=io.rampart.webadmin.RampartModule}</pre>
 */
public class RampartModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = FileSystem.FILE_PROTOCOL_AND_CONF + RampartConfiguration.FILE_NAME;

    @Override
    protected void configure() {
        bind(RampartProvider.class).asEagerSingleton();
        bind(Rampart.class).toProvider(RampartProvider.class).in(Scopes.SINGLETON);
    }

    /**
     * Builds the node's Rampart (when first asked) and closes it when James stops. James 3.8.1 stops
     * through {@code GuiceJamesServer.stop()} (its shutdown hook), which runs the {@code @PreDestroy}
     * methods of the objects Guice constructed, the extension injector's included, last constructed
     * first. This provider is an eager singleton of the extension injector, which James creates while
     * building its mailet loader, before the mail processor and spooler: so the spooler, the mailets,
     * SMTP hooks, routes and startables stop before Rampart is closed. (An object returned by a
     * {@code @Provides} method would never get its {@code @PreDestroy} called.)
     */
    public static class RampartProvider implements Provider<Rampart> {
        private static final Logger LOGGER = LoggerFactory.getLogger(RampartProvider.class);

        private final FileSystem fileSystem;
        private Rampart rampart;

        @Inject
        public RampartProvider(FileSystem fileSystem) {
            this.fileSystem = fileSystem;
        }

        @Override
        public synchronized Rampart get() {
            if (rampart == null) {
                rampart = start(fileSystem);
            }
            return rampart;
        }

        private static Rampart start(FileSystem fileSystem) {
            File file;
            try {
                file = fileSystem.getFile(CONFIGURATION_FILE);
            } catch (FileNotFoundException e) {
                throw new ConfigException("conf/" + RampartConfiguration.FILE_NAME + " is missing: Rampart needs it"
                    + " (copy it from james-conf)", e);
            }
            // RAMPART internal threat: the file is kept for POST /rampart/policy?action=reload
            RampartConfiguration configuration = RampartConfiguration.load(file.toPath());
            return Rampart.start(configuration, Optional.of(file.toPath()), Clock.systemUTC());
        }

        @PreDestroy
        public synchronized void close() {
            if (rampart != null) {
                rampart.close();
                LOGGER.info("Rampart closed its state store ({})", rampart.state().describe());
            }
        }
    }
}
