package io.rampart.matchers;

import javax.inject.Inject;

import io.rampart.core.Rampart;
import io.rampart.core.flow.Flow;

/** Matches the recipients of the {@code inbound} flow (see {@link FlowMatcher}). Takes no condition. */
public class IsInbound extends FlowMatcher {
    @Inject
    public IsInbound(Rampart rampart) {
        super(rampart, Flow.INBOUND);
    }
}
