package io.rampart.bench.peers;

import java.nio.file.Path;
import java.util.Optional;

import io.rampart.bench.RampartScanner;

/** Rampart's engine in-process, through {@code ScanEngine.scan} (the scan mailet's path, hard time budget). */
public final class RampartFilter implements Filter {
    private final RampartScanner scanner;

    public RampartFilter(Optional<Path> config) {
        this.scanner = new RampartScanner(config);
    }

    @Override
    public String name() {
        return "rampart";
    }

    @Override
    public boolean flags(byte[] message) {
        return scanner.scan(message).verdictClass().isFlagged();
    }

    public String analyzers() {
        return scanner.analyzerNames();
    }
}
