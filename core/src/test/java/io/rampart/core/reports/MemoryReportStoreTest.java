package io.rampart.core.reports;

import org.junit.jupiter.api.BeforeEach;

class MemoryReportStoreTest implements ReportStoreContract {
    private MemoryReportStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryReportStore();
    }

    @Override
    public ReportStore store() {
        return store;
    }
}
