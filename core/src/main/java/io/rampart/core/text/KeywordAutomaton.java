package io.rampart.core.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.google.common.base.Preconditions;

/**
 * Aho-Corasick over many keywords at once: one pass over a text finds every keyword, whatever the
 * number of rules. Keywords and texts are compared in {@link TextNormalizer} form; a keyword that
 * starts or ends with a Latin letter or digit only matches on a word boundary ({@code hr} does not
 * match inside {@code chris}), while CJK keywords match anywhere ({@code 发票} inside {@code 代开发票}).
 */
public final class KeywordAutomaton {
    public static final class Builder {
        private final List<String> keywords = new ArrayList<>();

        /** Adds a keyword (normalized here) and returns its id. */
        public int add(String keyword) {
            String normalized = TextNormalizer.normalize(keyword);
            Preconditions.checkArgument(!normalized.isEmpty(), "keyword must not be blank");
            keywords.add(normalized);
            return keywords.size() - 1;
        }

        public KeywordAutomaton build() {
            return new KeywordAutomaton(keywords);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static final int[] NONE = new int[0];

    private final List<String> keywords;
    private final List<Map<Character, Integer>> transitions = new ArrayList<>();
    private int[] failure;
    private int[][] outputs;
    /** Transitions as one open-addressing table keyed by (state, char): no boxing while scanning. */
    private long[] edgeKeys;
    private int[] edgeTargets;
    private int edgeMask;

    private KeywordAutomaton(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        List<List<Integer>> out = new ArrayList<>();
        transitions.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int id = 0; id < keywords.size(); id++) {
            int state = 0;
            for (char c : keywords.get(id).toCharArray()) {
                Integer next = transitions.get(state).get(c);
                if (next == null) {
                    next = transitions.size();
                    transitions.add(new HashMap<>());
                    out.add(new ArrayList<>());
                    transitions.get(state).put(c, next);
                }
                state = next;
            }
            out.get(state).add(id);
        }
        failure = new int[transitions.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int child : transitions.get(0).values()) {
            failure[child] = 0;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (Map.Entry<Character, Integer> edge : transitions.get(state).entrySet()) {
                int child = edge.getValue();
                int fallback = failure[state];
                while (fallback != 0 && !transitions.get(fallback).containsKey(edge.getKey())) {
                    fallback = failure[fallback];
                }
                Integer target = transitions.get(fallback).get(edge.getKey());
                failure[child] = target != null && target != child ? target : 0;
                out.get(child).addAll(out.get(failure[child]));
                queue.add(child);
            }
        }
        int edges = transitions.stream().mapToInt(Map::size).sum();
        int capacity = Integer.highestOneBit(Math.max(4, edges * 2 + 1)) << 1;
        edgeKeys = new long[capacity];
        Arrays.fill(edgeKeys, -1L);
        edgeTargets = new int[capacity];
        edgeMask = capacity - 1;
        for (int state = 0; state < transitions.size(); state++) {
            for (Map.Entry<Character, Integer> edge : transitions.get(state).entrySet()) {
                long key = edgeKey(state, edge.getKey());
                int slot = slot(key);
                while (edgeKeys[slot] != -1L) {
                    slot = (slot + 1) & edgeMask;
                }
                edgeKeys[slot] = key;
                edgeTargets[slot] = edge.getValue();
            }
        }
        transitions.clear();
        outputs = new int[out.size()][];
        for (int i = 0; i < out.size(); i++) {
            outputs[i] = out.get(i).isEmpty() ? NONE : out.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static long edgeKey(int state, char c) {
        return ((long) state << 16) | c;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & edgeMask;
    }

    /** The target of the (state, c) edge, or -1. */
    private int next(int state, char c) {
        long key = edgeKey(state, c);
        int slot = slot(key);
        while (true) {
            long candidate = edgeKeys[slot];
            if (candidate == key) {
                return edgeTargets[slot];
            }
            if (candidate == -1L) {
                return -1;
            }
            slot = (slot + 1) & edgeMask;
        }
    }

    public int size() {
        return keywords.size();
    }

    public String keyword(int id) {
        return keywords.get(id);
    }

    /** Calls {@code onMatch} with the id of every keyword found in the already-normalized text. */
    public void scanNormalized(String normalized, IntConsumer onMatch) {
        scanNormalized(normalized, (id, start) -> onMatch.accept(id));
    }

    /** A keyword found: its id and where it starts in the normalized text. */
    @FunctionalInterface
    public interface Match {
        void found(int id, int start);
    }

    /** Calls {@code onMatch} with the id and start of every keyword found in the already-normalized text. */
    public void scanNormalized(String normalized, Match onMatch) {
        if (keywords.isEmpty()) {
            return;
        }
        int state = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            int next = next(state, c);
            while (next < 0 && state != 0) {
                state = failure[state];
                next = next(state, c);
            }
            state = next < 0 ? 0 : next;
            for (int id : outputs[state]) {
                String keyword = keywords.get(id);
                int start = i - keyword.length() + 1;
                if (boundaryOk(normalized, keyword, start, i + 1)) {
                    onMatch.found(id, start);
                }
            }
        }
    }

    /** The ids of every keyword found in the text (normalized here), without duplicates, in id order. */
    public int[] find(String text) {
        boolean[] seen = new boolean[keywords.size()];
        scanNormalized(TextNormalizer.normalize(text), id -> seen[id] = true);
        return java.util.stream.IntStream.range(0, seen.length).filter(i -> seen[i]).toArray();
    }

    private static boolean boundaryOk(String text, String keyword, int start, int end) {
        if (TextNormalizer.isWordChar(keyword.charAt(0)) && start > 0 && TextNormalizer.isWordChar(text.charAt(start - 1))) {
            return false;
        }
        return !(TextNormalizer.isWordChar(keyword.charAt(keyword.length() - 1)) && end < text.length()
            && TextNormalizer.isWordChar(text.charAt(end)));
    }

    @Override
    public String toString() {
        return "KeywordAutomaton" + Arrays.toString(keywords.toArray());
    }
}
