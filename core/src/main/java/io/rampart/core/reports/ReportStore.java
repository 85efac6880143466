package io.rampart.core.reports;

import java.util.List;
import java.util.Optional;

/** Where reports are kept. */
public interface ReportStore {
    void save(Report report);

    Optional<Report> get(String id);

    /** Every report, oldest first. */
    List<Report> all();
}
