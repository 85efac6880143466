package io.rampart.core.model;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Optional;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.DetectionSettings;

/**
 * Loads the model a configuration asks for. Each model (the built-in one, or a file) is read once
 * per JVM and shared: the engine scores with it and the report feature teaches it with
 * {@link HashedModel#learn(io.rampart.core.message.ParsedMessage, boolean)}.
 */
public final class Models {
    private static volatile Optional<HashedModel> builtin;
    private static final java.util.Map<String, HashedModel> FILES = new java.util.concurrent.ConcurrentHashMap<>();

    private Models() {
    }

    public static Optional<HashedModel> forSettings(DetectionSettings settings) {
        if (!settings.modelEnabled()) {
            return Optional.empty();
        }
        Optional<String> file = settings.modelFile();
        if (file.isPresent()) {
            // One instance per file, so that online learning (reports) reaches the model the engine uses.
            return Optional.of(FILES.computeIfAbsent(Paths.get(file.get()).toAbsolutePath().toString(), path -> {
                try {
                    return HashedModel.load(Paths.get(path));
                } catch (IOException e) {
                    throw new ConfigException("detection.model: cannot read model file '" + path + "': "
                        + e.getMessage(), e);
                }
            }));
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
