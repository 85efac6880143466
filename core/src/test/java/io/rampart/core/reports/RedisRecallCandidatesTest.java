package io.rampart.core.reports;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisRecallCandidatesTest extends RedisStateTestSupport implements RecallCandidatesContract {
    @Override
    protected Instant start() {
        return T0;
    }
}
