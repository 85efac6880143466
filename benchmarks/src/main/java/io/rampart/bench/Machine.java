package io.rampart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** One line about where figures were taken: cores, RAM, CPU model, JVM, load average, time. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        String cpu = "unknown CPU";
        String memory = "unknown RAM";
        String load = "n/a";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB",
                    Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse(memory);
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            // Not Linux: keep the defaults.
        }
        return String.format(Locale.ROOT, "%s | %d cores (JVM) | %s | Java %s (%s) | loadavg %s | %s", cpu,
            Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
            System.getProperty("java.vm.name"), load, Instant.now());
    }
}
