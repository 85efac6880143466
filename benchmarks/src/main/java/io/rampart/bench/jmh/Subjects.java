package io.rampart.bench.jmh;

import java.util.Optional;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.engine.Analyzers;

/**
 * Finds what a benchmark measures among the analyzers registered today, so the JMH suite runs
 * against whatever has landed: a QR/image analyzer and a text classifier are benchmarked when one
 * is registered (by name or class name), and left out of the run when none is.
 */
public final class Subjects {
    public static final Pattern IMAGE = Pattern.compile("(?i).*(qr|image|barcode|quish|attachment).*");
    public static final Pattern CLASSIFIER = Pattern.compile("(?i).*(classif|bayes|naive|model|learn).*");

    private Subjects() {
    }

    public static Optional<Analyzer> analyzer(Pattern pattern) {
        return Analyzers.standard(RampartConfiguration.defaults()).stream()
            .filter(a -> pattern.matcher(a.name()).matches() || pattern.matcher(a.getClass().getName()).matches())
            .findFirst();
    }
}
