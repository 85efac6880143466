package io.rampart.core.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link ReportStore} in memory (one node, lost on restart). */
public final class MemoryReportStore implements ReportStore {
    private final Map<String, Report> reports = new ConcurrentHashMap<>();

    @Override
    public void save(Report report) {
        reports.put(report.id(), report);
    }

    @Override
    public Optional<Report> get(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public List<Report> all() {
        return reports.values().stream()
            .sorted(Comparator.comparing(Report::time).thenComparing(Report::id))
            .collect(Collectors.toList());
    }
}
