package io.rampart.core.reports;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

import io.rampart.core.state.HashStore;
import io.rampart.core.state.StateJson;
import io.rampart.core.state.StateStore;

/**
 * Reports in the state store ({@code state.backend}): on Redis every James node records into and
 * triages the same reports. Each report is JSON in one hash by id; its message bytes (base64) are in
 * another, read only by {@link #get}, so listing reports does not move every reported message.
 */
public final class StateReportStore implements ReportStore {
    static final String REPORTS_KEY = "reports.entries";
    static final String RAW_KEY = "reports.raw";
    static final String CLAIMS_KEY = "reports.claims";

    private final StateStore state;

    public StateReportStore(StateStore state) {
        this.state = state;
    }

    @Override
    public void save(Report report) {
        report.raw().ifPresent(raw -> state.hashes().put(RAW_KEY, report.id(), Base64.getEncoder().encodeToString(raw)));
        state.hashes().put(REPORTS_KEY, report.id(), StateJson.write(report));
    }

    @Override
    public Optional<Report> get(String id) {
        List<Optional<String>> values = state.hashes().getMany(ImmutableList.of(HashStore.Field.of(REPORTS_KEY, id),
            HashStore.Field.of(RAW_KEY, id)));
        return values.get(0).map(json -> StateJson.read(json, Report.class)
            .withRaw(values.get(1).map(Base64.getDecoder()::decode)));
    }

    @Override
    public boolean remove(String id) {
        state.hashes().remove(RAW_KEY, id);
        return state.hashes().remove(REPORTS_KEY, id);
    }

    @Override
    public Optional<String> claim(String key, String reportId) {
        String[] holder = {null};
        state.hashes().update(CLAIMS_KEY, key, current -> {
            holder[0] = current.filter(id -> state.hashes().get(REPORTS_KEY, id).isPresent()).orElse(null);
            return holder[0] == null ? Optional.of(reportId) : current;
        }, () -> new IllegalStateException("Rampart could not record the report: the report " + key
            + " kept changing under other James nodes"));
        return Optional.ofNullable(holder[0]);
    }

    @Override
    public List<Report> all() {
        return state.hashes().entries(REPORTS_KEY).values().stream()
            .map(json -> StateJson.read(json, Report.class))
            .sorted(Comparator.comparing(Report::time).thenComparing(Report::id))
            .collect(Collectors.toList());
    }
}
