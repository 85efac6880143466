package io.rampart.core.block;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

import io.rampart.core.state.HashStore;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Blocked senders, shared by every James through the state store. The SMTP hook asks
 * {@link #activeBlock(String)} at MAIL FROM; WebAdmin lists and lifts blocks. Expired blocks vanish
 * on read.
 */
public final class BlockService {
    static final String KEY = "blocks";

    private final StateStore state;
    private final Clock clock;

    public BlockService(StateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Blocks (or re-blocks, replacing the previous block) the address. */
    public Block block(String address, String rule, String reason, Optional<Instant> until) {
        Block block = Block.of(normalize(address), rule, reason, clock.instant(), until);
        state.hashes().put(KEY, block.address(), StateJson.write(block));
        return block;
    }

    /** The block in force for the address, if any. */
    public Optional<Block> activeBlock(String address) {
        String normalized = normalize(address);
        return state.hashes().get(KEY, normalized)
            .map(json -> StateJson.read(json, Block.class))
            .filter(block -> keepIfActive(block));
    }

    /** The block in force given the stored value of {@link #field(String)} (read with other fields in one call). */
    public Optional<Block> activeBlock(Optional<String> stored) {
        return stored.map(json -> StateJson.read(json, Block.class)).filter(this::keepIfActive);
    }

    /** Where an address's block is kept, for {@code HashStore.getMany}. */
    public static HashStore.Field field(String address) {
        return HashStore.Field.of(KEY, normalize(address));
    }

    public boolean isBlocked(String address) {
        return activeBlock(address).isPresent();
    }

    /** Every block in force, by address. */
    public ImmutableList<Block> list() {
        ImmutableList.Builder<Block> blocks = ImmutableList.builder();
        for (Map.Entry<String, String> entry : state.hashes().entries(KEY).entrySet()) {
            Block block = StateJson.read(entry.getValue(), Block.class);
            if (keepIfActive(block)) {
                blocks.add(block);
            }
        }
        return blocks.build();
    }

    /** Lifts the block; false when the address was not blocked (WebAdmin answers 404). */
    public boolean unblock(String address) {
        String normalized = normalize(address);
        boolean wasActive = isBlocked(normalized);
        state.hashes().remove(KEY, normalized);
        return wasActive;
    }

    private boolean keepIfActive(Block block) {
        if (block.isActiveAt(clock.instant())) {
            return true;
        }
        state.hashes().remove(KEY, block.address());
        return false;
    }

    static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
