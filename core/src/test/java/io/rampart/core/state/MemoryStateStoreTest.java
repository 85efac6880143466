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

    @Test
    void emptiedContainersShouldBeDropped() {
        for (int i = 0; i < 100; i++) {
            store.hashes().put("h" + i, "f", "1");
            store.hashes().remove("h" + i, "f");
            store.sets().addAll("s" + i, java.util.List.of("a"));
            store.sets().remove("s" + i, "a");
            store.sortedSets().add("z" + i, "a", 1);
            store.sortedSets().remove("z" + i, "a");
        }
        assertThat(store.containerCount()).isZero();
    }

    @Test
    void aClosedStoreShouldRefuseWork() {
        store.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.hashes().get("h", "f"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("the memory state store is closed");
    }
}
