package io.rampart.matchers;

import javax.inject.Inject;

import io.rampart.core.Rampart;
import io.rampart.core.flow.Flow;

/** Matches the recipients of the {@code outbound} flow (see {@link FlowMatcher}). Takes no condition. */
public class IsOutbound extends FlowMatcher {
    @Inject
    public IsOutbound(Rampart rampart) {
        super(rampart, Flow.OUTBOUND);
    }
}
