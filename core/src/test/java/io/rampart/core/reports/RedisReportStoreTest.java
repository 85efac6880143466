package io.rampart.core.reports;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisReportStoreTest extends RedisStateTestSupport implements ReportStoreContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
