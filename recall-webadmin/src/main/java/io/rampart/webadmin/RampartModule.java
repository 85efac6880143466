package io.rampart.webadmin;

import java.io.File;
import java.io.FileNotFoundException;
import java.time.Clock;
import java.util.Optional;

import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

import io.rampart.core.Rampart;
import io.rampart.core.config.ConfigException;
import io.rampart.core.config.RampartConfiguration;

/**
 * Wires Rampart's core services into James: one {@link Rampart} per node, built from
 * {@code conf/rampart.properties}, shared by the matchers, mailets, SMTP hooks and WebAdmin routes
 * (they are all built by the extension injector this module belongs to).
 *
 * <pre>{@code guice.extension.module=io.rampart.webadmin.RampartModule}</pre>
 */
public class RampartModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = FileSystem.FILE_PROTOCOL_AND_CONF + RampartConfiguration.FILE_NAME;

    @Provides
    @Singleton
    Rampart rampart(FileSystem fileSystem) {
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
}
