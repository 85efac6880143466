package io.rampart.bench.peers;

import java.io.IOException;

/** A mail filter under comparison: one message in, flagged or not out. Thread-safe. */
public interface Filter extends AutoCloseable {
    String name();

    /** True when the filter would act on the message (not deliver it as clean). */
    boolean flags(byte[] message) throws IOException;

    /** Messages this filter skipped by its own rule (e.g. spamc's size limit), reported beside the figures. */
    default long skipped() {
        return 0;
    }

    @Override
    default void close() {
    }
}
