package io.rampart.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} and {@code --flag} options of the benchmark mains; unknown names are refused. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    public static Args parse(String[] args, Set<String> valueOptions, Set<String> flags, String usage) {
        Args parsed = new Args();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (flags.contains(arg)) {
                parsed.values.put(arg, "true");
            } else if (valueOptions.contains(arg) && i + 1 < list.size()) {
                parsed.values.put(arg, list.get(++i));
            } else {
                System.err.println("unknown or incomplete option '" + arg + "'\nusage: " + usage);
                System.exit(2);
            }
        }
        return parsed;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int getInt(String name, int fallback) {
        return get(name).map(Integer::parseInt).orElse(fallback);
    }

    public double getDouble(String name, double fallback) {
        return get(name).map(Double::parseDouble).orElse(fallback);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }
}
