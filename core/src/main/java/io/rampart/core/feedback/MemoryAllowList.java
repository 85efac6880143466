package io.rampart.core.feedback;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;

/** {@link AllowList} in memory (one node, lost on restart). */
public final class MemoryAllowList implements AllowList {
    private final Set<String> senders = ConcurrentHashMap.newKeySet();

    @Override
    public void allow(String senderAddress) {
        Preconditions.checkArgument(senderAddress != null && senderAddress.contains("@"),
            "'%s' is not a mail address", senderAddress);
        senders.add(senderAddress.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean isAllowed(String senderAddress) {
        return senderAddress != null && senders.contains(senderAddress.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean remove(String senderAddress) {
        return senderAddress != null && senders.remove(senderAddress.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public Set<String> all() {
        return ImmutableSet.copyOf(senders);
    }
}
