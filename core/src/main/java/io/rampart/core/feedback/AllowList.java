package io.rampart.core.feedback;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.google.common.collect.ImmutableSet;

/** Sender addresses an admin vouched for (release with {@code allowSender=true}); lower-case addresses. */
public interface AllowList {
    void allow(String senderAddress);

    boolean isAllowed(String senderAddress);

    /** Those of these addresses that are allowed, lower-cased (one round trip on Redis: the scan path). */
    default Set<String> allowed(Collection<String> senderAddresses) {
        return senderAddresses.stream().filter(Objects::nonNull).filter(this::isAllowed)
            .map(address -> address.trim().toLowerCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
    }

    boolean remove(String senderAddress);

    Set<String> all();
}
