package io.rampart.mailets;

import javax.mail.MessagingException;

import io.rampart.core.flow.Flow;

/** Parses the {@code flow} init parameter shared by Rampart's mailets. */
final class FlowParameter {
    static final String NAME = "flow";

    private FlowParameter() {
    }

    static Flow parse(String mailetName, String value) throws MessagingException {
        if (value == null || value.isBlank()) {
            throw new MessagingException(mailetName + ": the 'flow' parameter is required (inbound, outbound or internal)");
        }
        try {
            return Flow.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MessagingException(mailetName + ": parameter 'flow': " + e.getMessage());
        }
    }
}
