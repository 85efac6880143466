package io.rampart.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableList;

/**
 * Strict access to a properties file: typed getters that name the file, key and value in their
 * errors, and a final {@link #checkAllConsumed()} that rejects any key nobody asked for (typos).
 */
public final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final Map<String, String> values;
    private final Set<String> consumed = new HashSet<>();

    public ConfigReader(String source, Properties properties) {
        this.source = source;
        this.values = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name.trim(), properties.getProperty(name).trim());
        }
    }

    public String source() {
        return source;
    }

    public Optional<String> raw(String key) {
        consumed.add(key);
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return raw(key).orElse(defaultValue);
    }

    public Optional<String> optionalString(String key) {
        return raw(key);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return raw(key).map(value -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(key, value, "an integer between " + min + " and " + max);
            }
            if (parsed < min || parsed > max) {
                throw error(key, value, "an integer between " + min + " and " + max);
            }
            return parsed;
        }).orElse(defaultValue);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        return raw(key).map(value -> {
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw error(key, value, "an integer between " + min + " and " + max);
            }
            if (parsed < min || parsed > max) {
                throw error(key, value, "an integer between " + min + " and " + max);
            }
            return parsed;
        }).orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        return raw(key).map(value -> {
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw error(key, value, "a number between " + min + " and " + max);
            }
            if (!Double.isFinite(parsed) || parsed < min || parsed > max) {
                throw error(key, value, "a number between " + min + " and " + max);
            }
            return parsed;
        }).orElse(defaultValue);
    }

    /** Only {@code true} and {@code false} (any case) are booleans. */
    public boolean bool(String key, boolean defaultValue) {
        return raw(key).map(value -> {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw error(key, value, "true or false");
        }).orElse(defaultValue);
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 72h}, {@code 7d} (no unit: seconds). */
    public Duration duration(String key, Duration defaultValue) {
        return raw(key).map(value -> parseDuration(key, value)).orElse(defaultValue);
    }

    private Duration parseDuration(String key, String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw error(key, value, "a duration such as 500ms, 30s, 15m, 72h or 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofDays(amount);
        }
    }

    /** A comma-separated list; blank items dropped. */
    public ImmutableList<String> list(String key, List<String> defaultValue) {
        return raw(key)
            .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(ImmutableList.toImmutableList()))
            .orElse(ImmutableList.copyOf(defaultValue));
    }

    /** A comma-separated list of mail addresses, lower-cased; a value that is not one stops James, naming the key. */
    public com.google.common.collect.ImmutableSet<String> addresses(String key) {
        return list(key, ImmutableList.of()).stream().map(value -> address(key, value))
            .collect(com.google.common.collect.ImmutableSet.toImmutableSet());
    }

    /** {@code value} of {@code key} as a lower-cased mail address (one {@code @}, something either side, no space). */
    public String address(String key, String value) {
        String address = value.trim().toLowerCase(java.util.Locale.ROOT);
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.contains(" ")) {
            throw error(key, value, "mail addresses such as alice@example.com");
        }
        return address;
    }

    public <T> T parsed(String key, T defaultValue, Function<String, T> parser, String expected) {
        return raw(key).map(value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw error(key, value, expected);
            }
        }).orElse(defaultValue);
    }

    /** The distinct names {@code X} of keys {@code prefix + X + "." + ...} (for families such as policy rules). */
    public Set<String> childNames(String prefix) {
        return values.keySet().stream()
            .filter(key -> key.startsWith(prefix) && key.length() > prefix.length())
            .map(key -> {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                return dot < 0 ? rest : rest.substring(0, dot);
            })
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every key starting with {@code prefix} (for families whose names contain dots, such as addresses). */
    public Set<String> keys(String prefix) {
        return values.keySet().stream().filter(key -> key.startsWith(prefix))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    public ConfigException error(String key, String value, String expected) {
        return new ConfigException(source + ": key '" + key + "' has value '" + value + "', expected " + expected);
    }

    public ConfigException error(String key, String message) {
        return new ConfigException(source + ": key '" + key + "': " + message);
    }

    /** Rejects keys no section read: a typo must not be silently ignored. */
    public void checkAllConsumed() {
        List<String> unknown = values.keySet().stream().filter(key -> !consumed.contains(key))
            .collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new ConfigException(source + ": unknown key '" + unknown.get(0) + "' (value '"
                + values.get(unknown.get(0)) + "')" + (unknown.size() > 1 ? " and " + (unknown.size() - 1)
                + " more: " + unknown.subList(1, unknown.size()) : "") + "; see the README's configuration reference");
        }
    }
}
