package io.rampart.core.state;

import java.util.Collection;

import com.google.common.collect.ImmutableSet;

/** Sets of strings (a user's known correspondents, indicator sets). */
public interface SetStore {
    /** Adds the members atomically and returns those that were not present before. */
    ImmutableSet<String> addAll(String key, Collection<String> members);

    boolean contains(String key, String member);

    boolean remove(String key, String member);

    ImmutableSet<String> members(String key);

    long size(String key);
}
