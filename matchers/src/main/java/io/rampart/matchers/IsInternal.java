package io.rampart.matchers;

import javax.inject.Inject;

import io.rampart.core.Rampart;
import io.rampart.core.flow.Flow;

/** Matches the recipients of the {@code internal} flow (see {@link FlowMatcher}). Takes no condition. */
public class IsInternal extends FlowMatcher {
    @Inject
    public IsInternal(Rampart rampart) {
        super(rampart, Flow.INTERNAL);
    }
}
