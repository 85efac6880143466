package io.rampart.core.reports;

import java.time.Instant;

import io.rampart.core.state.MemoryStateTestSupport;

class MemoryStateReportStoreTest extends MemoryStateTestSupport implements ReportStoreContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
