package io.rampart.core.feedback;

import org.junit.jupiter.api.BeforeEach;

class MemoryAllowListTest implements AllowListContract {
    private MemoryAllowList allowList;

    @BeforeEach
    void setUp() {
        allowList = new MemoryAllowList();
    }

    @Override
    public AllowList allowList() {
        return allowList;
    }
}
