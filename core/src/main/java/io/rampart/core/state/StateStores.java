package io.rampart.core.state;

import io.rampart.core.config.StateSettings;

/** Opens the configured backend (the Guice module binds the result as a singleton and closes it on stop). */
public final class StateStores {
    private StateStores() {
    }

    public static StateStore open(StateSettings settings) {
        switch (settings.backend()) {
            case REDIS:
                return RedisStateStore.connect(settings.redisUri(), settings.redisPrefix(), settings.redisTimeout());
            case MEMORY:
            default:
                return new MemoryStateStore();
        }
    }
}
