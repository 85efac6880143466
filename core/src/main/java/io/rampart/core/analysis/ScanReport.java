package io.rampart.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What analyzers produce while a message is scanned: findings, plus the artefacts that other
 * features match on later (every URL seen, every attachment/image SHA-256). Thread-safe.
 */
public final class ScanReport {
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> urls = new LinkedHashSet<>();
    private final Set<String> hashes = new LinkedHashSet<>();
    private final List<String> incomplete = new ArrayList<>();
    private final List<Deferred> deferred = new ArrayList<>();
    /** Text read out of attached documents (PDF, Word), by where it was read, for the analyzers that run after. */
    private final Map<String, String> documentTexts = new java.util.LinkedHashMap<>();
    private int documentChars;
    /** All document text kept per message. */
    public static final int MAX_DOCUMENT_CHARS = 50_000;
    /** Rule scores the administrator set ({@code detection.score.<rule>}), applied to every finding added. */
    private final Map<String, Double> ruleScores;

    public ScanReport() {
        this(Map.of());
    }

    public ScanReport(Map<String, Double> ruleScores) {
        this.ruleScores = ruleScores;
    }

    /** A costly check worth running only while the other evidence leaves the verdict open. */
    public static final class Deferred {
        private final String name;
        private final Runnable check;

        Deferred(String name, Runnable check) {
            this.name = name;
            this.check = check;
        }

        public String name() {
            return name;
        }

        public void run() {
            check.run();
        }
    }

    /**
     * Asks the engine to run {@code check} after every analyzer, and only if the message's score is then
     * still below its flow's threshold: evidence that cannot change a decided verdict is not worth seconds
     * of OCR. The check reports into this report as usual.
     */
    public synchronized void deferUnlessDecided(String name, Runnable check) {
        deferred.add(new Deferred(name, check));
    }

    /** The deferred checks, handed over once (the list is emptied). */
    public synchronized List<Deferred> takeDeferred() {
        List<Deferred> taken = new ArrayList<>(deferred);
        deferred.clear();
        return taken;
    }

    public synchronized void add(Finding finding) {
        findings.add(rescored(finding));
    }

    private Finding rescored(Finding finding) {
        Double score = ruleScores.get(finding.rule());
        return score == null || score == finding.score() ? finding
            : Finding.of(finding.rule(), score, finding.category(), finding.detail());
    }

    public void add(String rule, double score, Category category, String detail) {
        add(Finding.of(rule, score, category, detail));
    }

    /** Records that part of the message could not be fully analysed (a cap, a timeout, an error). */
    public synchronized void incomplete(String rule, String detail) {
        incomplete.add(detail);
        findings.add(rescored(Finding.of(rule, 0, Category.INFO, detail)));
    }

    public synchronized void url(String url) {
        urls.add(url);
    }

    /** Keeps the text of an attached document ({@code where} names it) within {@link #MAX_DOCUMENT_CHARS} in all. */
    public synchronized void documentText(String where, String text) {
        int room = MAX_DOCUMENT_CHARS - documentChars;
        if (room <= 0 || text.isBlank()) {
            return;
        }
        String kept = text.length() > room ? text.substring(0, room) : text;
        documentTexts.merge(where, kept, (a, b) -> a + "\n" + b);
        documentChars += kept.length();
    }

    /** The text of attached documents, by where it was read. */
    public synchronized Map<String, String> documentTexts() {
        return new java.util.LinkedHashMap<>(documentTexts);
    }

    public synchronized void hash(String sha256) {
        hashes.add(sha256);
    }

    public synchronized List<Finding> findings() {
        return Collections.unmodifiableList(new ArrayList<>(findings));
    }

    public synchronized Set<String> urls() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(urls));
    }

    public synchronized Set<String> hashes() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(hashes));
    }

    public synchronized List<String> incompleteReasons() {
        return Collections.unmodifiableList(new ArrayList<>(incomplete));
    }

    public synchronized boolean hasRule(String rule) {
        return findings.stream().anyMatch(f -> f.rule().equals(rule));
    }

    /** The first finding of any of {@code rules} (analyzers that weigh what earlier ones found). */
    public synchronized Optional<Finding> first(Set<String> rules) {
        return findings.stream().filter(f -> rules.contains(f.rule())).findFirst();
    }
}
