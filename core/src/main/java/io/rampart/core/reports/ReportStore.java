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
}
