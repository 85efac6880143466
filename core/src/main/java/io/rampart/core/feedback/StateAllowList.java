package io.rampart.core.feedback;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.base.Preconditions;

import io.rampart.core.state.StateStore;

/**
 * The allow list in the state store ({@code state.backend}): a sender allowed on one James node is
 * allowed on all when they share Redis. One hash by lower-case address, so the scan path checks the
 * From and envelope senders in one read.
 */
public final class StateAllowList implements AllowList {
    static final String ALLOWED_KEY = "feedback.allow-list";
    private static final String ALLOWED = "1";

    private final StateStore state;

    public StateAllowList(StateStore state) {
        this.state = state;
    }

    private static String normalize(String senderAddress) {
        return senderAddress.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void allow(String senderAddress) {
        Preconditions.checkArgument(senderAddress != null && senderAddress.contains("@"),
            "'%s' is not a mail address", senderAddress);
        state.hashes().put(ALLOWED_KEY, normalize(senderAddress), ALLOWED);
    }

    @Override
    public boolean isAllowed(String senderAddress) {
        return senderAddress != null && state.hashes().get(ALLOWED_KEY, normalize(senderAddress)).isPresent();
    }

    @Override
    public Set<String> allowed(Collection<String> senderAddresses) {
        return state.hashes().present(ALLOWED_KEY, senderAddresses.stream().filter(Objects::nonNull)
            .map(StateAllowList::normalize).collect(Collectors.toList()));
    }

    @Override
    public boolean remove(String senderAddress) {
        return senderAddress != null && state.hashes().remove(ALLOWED_KEY, normalize(senderAddress));
    }

    @Override
    public Set<String> all() {
        return state.hashes().entries(ALLOWED_KEY).keySet();
    }
}
