package io.rampart.core.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Groups reports into {@link Campaign}s: unwanted reports (phish, junk) and not-junk reports are grouped apart. */
public final class Campaigns {
    private Campaigns() {
    }

    /** Campaigns, newest activity first. */
    public static List<Campaign> group(List<Report> reports) {
        List<Campaign> campaigns = new ArrayList<>();
        campaigns.addAll(groupSameSide(reports.stream().filter(r -> r.kind().unwanted()).collect(Collectors.toList())));
        campaigns.addAll(groupSameSide(reports.stream().filter(r -> !r.kind().unwanted()).collect(Collectors.toList())));
        campaigns.sort(Comparator.comparing((Campaign c) -> c.reports().get(c.reports().size() - 1).time()).reversed()
            .thenComparing(Campaign::id));
        return campaigns;
    }

    private static List<Campaign> groupSameSide(List<Report> reports) {
        int[] parent = new int[reports.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            for (String key : reports.get(i).fingerprint().campaignKeys()) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        Map<Integer, List<Report>> groups = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(reports.get(i));
        }
        return groups.values().stream().map(Campaign::of).collect(Collectors.toList());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
