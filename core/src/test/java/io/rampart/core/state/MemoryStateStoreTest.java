package io.rampart.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryStateStoreTest implements StateStoreContract {
    private MemoryStateStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryStateStore();
    }

    @Override
    public StateStore store() {
        return store;
    }

    @Test
    void idleWindowsShouldBeForgotten() {
        for (int i = 0; i < 1000; i++) {
            store.windows().addAndSum("old" + i, "e", NOW, 1, HOUR);
        }
        for (int i = 0; i < 2000; i++) {
            store.windows().addAndSum("new", "e" + i, NOW.plus(Duration.ofHours(2)), 1, HOUR);
        }
        assertThat(store.windowCount()).isEqualTo(1);
        assertThat(store.windows().sum("new", NOW.plus(Duration.ofHours(2)), HOUR)).isEqualTo(2000);
    }
}
