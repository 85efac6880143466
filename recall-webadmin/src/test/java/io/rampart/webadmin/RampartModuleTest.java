package io.rampart.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.annotation.PreDestroy;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.onami.lifecycle.PreDestroyModule;
import org.apache.james.onami.lifecycle.Stager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import io.rampart.core.Rampart;
import io.rampart.webadmin.intel.IntelFeeds;

/**
 * The module in the injectors James 3.8.1 builds: {@code CommonServicesModule} installs
 * {@link PreDestroyModule} in the server's injector, extension modules go in a child injector, and
 * {@code GuiceJamesServer.stop()} (James's shutdown hook) stages {@code Stager<PreDestroy>}.
 */
class RampartModuleTest {
    @TempDir
    Path conf;

    private Injector jamesInjector() throws Exception {
        Path file = conf.resolve("rampart.properties");
        Files.writeString(file, "state.backend=memory\n", StandardCharsets.UTF_8);
        FileSystem fileSystem = mock(FileSystem.class);
        when(fileSystem.getFile(RampartModule.CONFIGURATION_FILE)).thenReturn(file.toFile());
        return Guice.createInjector(new PreDestroyModule(), binder -> binder.bind(FileSystem.class).toInstance(fileSystem));
    }

    @Test
    void stoppingJamesShouldCloseRampartOnceEveryUserStopped() throws Exception {
        Injector james = jamesInjector();
        Injector extensions = james.createChildInjector(new RampartModule());
        Rampart rampart = extensions.getInstance(Rampart.class);
        IntelFeeds feeds = extensions.getInstance(IntelFeeds.class);

        assertThat(extensions.getInstance(Rampart.class)).isSameAs(rampart);
        assertThat(rampart.state().hashes().get("h", "f")).isEmpty();
        assertThat(feeds).isNotNull();

        james.getInstance(Key.get(new TypeLiteral<Stager<PreDestroy>>() { })).stage();

        assertThatThrownBy(() -> rampart.state().hashes()).isInstanceOf(IllegalStateException.class)
            .hasMessage("the memory state store is closed");
    }
}
