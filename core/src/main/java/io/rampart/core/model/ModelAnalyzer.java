package io.rampart.core.model;

import java.util.Locale;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.ParsedMessage;

/**
 * Adds the statistical model's opinion as a score linear in the log-odds: up to {@code maxScore}
 * points for mail it believes unwanted (class named by the phish-vs-spam model), and at most
 * {@link #HAM_CREDIT} points of credit for mail it believes is ham. Runs after the links analyzer so that it sees every reported URL.
 */
public final class ModelAnalyzer implements Analyzer {
    public static final double HAM_CREDIT = 3.0;
    /**
     * Score = SLOPE * logit(p) + OFFSET, clamped to [-HAM_CREDIT, maxScore] (tuned by 5-fold eval: 1.7 until the model
     * read the rules' findings, 2.1 since: 2,371 of the corpus's unwanted mail flagged at 3 ham false positives).
     */
    public static final double SLOPE = 1.0;
    public static final double OFFSET = 2.1;
    /** Distinct features from which the model's opinion counts in full (below, proportionally less). */
    public static final int FULL_EVIDENCE = 20;

    private final HashedModel model;
    private final double maxScore;
    private final java.util.Set<String> languages;
    private final double otherLanguageMaxScore;

    public ModelAnalyzer(HashedModel model, double maxScore) {
        this(model, maxScore, java.util.Set.of(), maxScore);
    }

    /**
     * @param languages languages whose mail the model's opinion counts in full for (empty: all)
     * @param otherLanguageMaxScore the most the model adds to mail recognisably in another language
     */
    public ModelAnalyzer(HashedModel model, double maxScore, java.util.Set<String> languages, double otherLanguageMaxScore) {
        this.model = model;
        this.maxScore = maxScore;
        this.languages = languages;
        this.otherLanguageMaxScore = otherLanguageMaxScore;
    }

    public HashedModel model() {
        return model;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        // Every rule has run: the model reads their findings beside the text (FeatureExtractor.RULE_VALUE).
        FeatureVector text = model.extractor().vector(message, report.urls());
        FeatureVector features = model.extractor().withRules(text, FeatureExtractor.ruleFeatures(report.findings()));
        int textFeatures = text.size();
        double p = model.unwantedProbability(features);
        String percent = String.format(Locale.ROOT, "%.1f%%", p * 100);
        // A few words are too little to judge by: the model's log-odds count in proportion to the
        // evidence until the message has FULL_EVIDENCE features (a two-line note, or garbage bytes,
        // otherwise gets the full weight of whichever shapes it happens to have).
        // (The rules' findings are not text: a garbage message with no From and no Date is still a message of no words.)
        double evidence = Math.min(1.0, textFeatures / (double) FULL_EVIDENCE);
        double z = evidence * Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));
        String shortNote = evidence < 1
            ? String.format(Locale.ROOT, " (short message: counted %d/%d)", textFeatures, FULL_EVIDENCE) : "";
        double cap = maxScore;
        String languageNote = "";
        if (!languages.isEmpty()) {
            java.util.Optional<String> language = io.rampart.core.text.Languages.detect(
                message.subject() + "\n" + message.leadingText(io.rampart.core.text.Languages.MAX_CHARS));
            if (language.isPresent() && !languages.contains(language.get()) && otherLanguageMaxScore < cap) {
                cap = otherLanguageMaxScore;
                languageNote = String.format(Locale.ROOT, " (mail in '%s', not a language of detection.model.languages:"
                    + " at most %.1f)", language.get(), cap);
            }
        }
        double score = Math.max(-HAM_CREDIT, Math.min(cap, SLOPE * z + OFFSET));
        if (score > 0) {
            double phish = model.phishProbability(features);
            boolean isPhish = phish >= 0.5;
            report.add(isPhish ? "model.phish" : "model.spam", score, isPhish ? Category.PHISH : Category.SPAM,
                "statistical model: " + percent + " unwanted, " + String.format(Locale.ROOT, "%.0f%%", phish * 100)
                    + " of that phishing" + shortNote + languageNote);
        } else {
            report.add("model.ham", score, Category.HAM, "statistical model: " + percent + " unwanted" + shortNote);
        }
    }
}
