package io.rampart.core.behaviour;

import java.time.Instant;

import io.rampart.core.state.RedisStateTestSupport;

class RedisAbnormalSendingDetectorTest extends RedisStateTestSupport implements AbnormalSendingDetectorContract {
    @Override
    protected Instant start() {
        return NOW;
    }
}
