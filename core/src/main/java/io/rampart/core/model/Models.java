package io.rampart.core.model;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Optional;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.DetectionSettings;

/** Loads the model a configuration asks for; the built-in one is read once per JVM. */
public final class Models {
    private static volatile Optional<HashedModel> builtin;

    private Models() {
    }

    public static Optional<HashedModel> forSettings(DetectionSettings settings) {
        if (!settings.modelEnabled()) {
            return Optional.empty();
        }
        Optional<String> file = settings.modelFile();
        if (file.isPresent()) {
            try {
                return Optional.of(HashedModel.load(Paths.get(file.get())));
            } catch (IOException e) {
                throw new ConfigException("detection.model: cannot read model file '" + file.get() + "': "
                    + e.getMessage(), e);
            }
        }
        return builtin();
    }

    public static Optional<HashedModel> builtin() {
        Optional<HashedModel> loaded = builtin;
        if (loaded == null) {
            synchronized (Models.class) {
                loaded = builtin;
                if (loaded == null) {
                    loaded = HashedModel.builtin();
                    builtin = loaded;
                }
            }
        }
        return loaded;
    }
}
