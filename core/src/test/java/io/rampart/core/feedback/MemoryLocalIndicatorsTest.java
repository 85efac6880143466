package io.rampart.core.feedback;

import org.junit.jupiter.api.BeforeEach;

class MemoryLocalIndicatorsTest implements LocalIndicatorsContract {
    private MemoryLocalIndicators indicators;

    @BeforeEach
    void setUp() {
        indicators = new MemoryLocalIndicators();
    }

    @Override
    public LocalIndicators indicators() {
        return indicators;
    }
}
