package io.rampart.core.state;

/**
 * Everything Rampart remembers goes through these primitives (memory for one James, Redis for
 * several). Keys are plain strings chosen by the features ({@code limits.window.ext.<user>}); the
 * Redis implementation prefixes them with {@code rampart:}. Values are strings (features store JSON).
 * Every implementation passes the same contract suite.
 */
public interface StateStore extends AutoCloseable {
    KeyValueStore keyValues();

    HashStore hashes();

    ListStore lists();

    SetStore sets();

    SortedSetStore sortedSets();

    WindowStore windows();

    /** {@code memory} or the Redis URI without credentials, for logs and status routes. */
    String describe();

    @Override
    void close();
}
