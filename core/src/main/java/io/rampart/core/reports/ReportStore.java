package io.rampart.core.reports;

import java.util.List;
import java.util.Optional;

/** Where reports are kept. */
public interface ReportStore {
    /** Adds or replaces the report; its message bytes, once saved, are kept when a later save carries none. */
    void save(Report report);

    /** The report with its message bytes. */
    Optional<Report> get(String id);

    /** Every report, oldest first, without their message bytes ({@link Report#raw()} is empty: see {@link #get}). */
    List<Report> all();

    /** Removes the report and its message bytes; true when it was stored. */
    boolean remove(String id);

    /**
     * Claims {@code key} (one reporter's report of one message) for {@code reportId}, atomically: on a
     * shared backend two James nodes recording the same report at the same instant get one claim.
     * Returns the id of the report that already holds the key, if another does and it is still stored
     * (a claim naming a removed report is taken over).
     */
    Optional<String> claim(String key, String reportId);
}
