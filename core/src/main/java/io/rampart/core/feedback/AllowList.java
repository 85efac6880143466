package io.rampart.core.feedback;

import java.util.Set;

/** Sender addresses an admin vouched for (release with {@code allowSender=true}); lower-case addresses. */
public interface AllowList {
    void allow(String senderAddress);

    boolean isAllowed(String senderAddress);

    boolean remove(String senderAddress);

    Set<String> all();
}
