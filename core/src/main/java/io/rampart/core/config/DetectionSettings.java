package io.rampart.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Rules;
import io.rampart.core.sender.PersonNames;

/**
 * {@code detection.*}: local threat indicators, extra brands to protect, the URL cap, the
 * statistical model (built-in, a file, or off) with the largest score it may add, the
 * organisation's people whose names outsiders must not borrow, when a link domain counts as newly seen,
 * and the scores an administrator gives rules.
 */
public final class DetectionSettings {
    public static final int DEFAULT_MAX_URLS = 200;
    public static final String DEFAULT_MODEL = "builtin";
    public static final double DEFAULT_MODEL_MAX_SCORE = 8.0;
    public static final Duration DEFAULT_NEW_DOMAIN_WINDOW = Duration.ofHours(72);
    public static final Duration DEFAULT_NEW_DOMAIN_WARM_UP = Duration.ofDays(7);
    /** {@code detection.flood.window} and {@code detection.flood.senders}: a mail bomb's measure (see MailFloodAnalyzer). */
    public static final Duration DEFAULT_FLOOD_WINDOW = Duration.ofMinutes(10);
    public static final int DEFAULT_FLOOD_SENDERS = 30;
    /** {@code detection.score.<rule>=<points>}: a rule's score as the administrator sets it. */
    public static final String SCORE_PREFIX = "detection.score.";
    /** Half the default threshold (5.0): on such mail the model alone never decides, with one rule it still can. */
    public static final double DEFAULT_OTHER_LANGUAGE_MAX_SCORE = 2.5;

    public static DetectionSettings from(ConfigReader reader) {
        ImmutableSet<String> domains = lowerCase(reader.list("detection.indicators.domains", ImmutableList.of()));
        ImmutableSet<String> urls = lowerCase(reader.list("detection.indicators.urls", ImmutableList.of()));
        ImmutableSet<String> brands = domains(reader, "detection.brands", "registrable domains such as mybank.com");
        ImmutableSet<String> ownDomains = domains(reader, "detection.ownDomains", "domains such as acme-corp.de");
        int maxUrls = reader.integer("detection.maxUrls", DEFAULT_MAX_URLS, 1, 100_000);
        String model = reader.string("detection.model", DEFAULT_MODEL);
        double maxScore = reader.decimal("detection.model.maxScore", DEFAULT_MODEL_MAX_SCORE, 0, 1_000);
        ImmutableSet<String> modelLanguages = lowerCase(reader.list("detection.model.languages", ImmutableList.of()));
        for (String language : modelLanguages) {
            if (!io.rampart.core.text.Languages.KNOWN.contains(language)) {
                throw reader.error("detection.model.languages", language, "language codes among "
                    + String.join(", ", io.rampart.core.text.Languages.KNOWN));
            }
        }
        double otherLanguageMaxScore = reader.decimal("detection.model.otherLanguageMaxScore",
            DEFAULT_OTHER_LANGUAGE_MAX_SCORE, 0, 1_000);
        ImmutableList<String> people = reader.list("detection.people", ImmutableList.of());
        for (String person : people) {
            java.util.regex.Matcher owner = io.rampart.core.sender.People.CONFIGURED_ADDRESS.matcher(person.trim());
            if (owner.find()) {
                reader.address("detection.people", owner.group(1));
            } else if (person.contains("<") || person.contains(">")) {
                throw reader.error("detection.people", person, "a name, optionally followed by its owner's address in "
                    + "brackets: Dana Boss <dana@acme-corp.com>");
            }
            if (PersonNames.key(person).isEmpty()) {
                throw reader.error("detection.people", person, PersonNames.ACCEPTED);
            }
        }
        ImmutableSet<String> allowedSenders = reader.addresses("detection.people.allowedSenders");
        boolean learnPeople = reader.bool("detection.people.learn", true);
        Duration newDomainWindow = reader.duration("detection.newDomains.window", DEFAULT_NEW_DOMAIN_WINDOW);
        Duration newDomainWarmUp = reader.duration("detection.newDomains.warmUp", DEFAULT_NEW_DOMAIN_WARM_UP);
        Duration floodWindow = reader.duration("detection.flood.window", DEFAULT_FLOOD_WINDOW);
        int floodSenders = reader.integer("detection.flood.senders", DEFAULT_FLOOD_SENDERS, 0, 1_000_000);
        ImmutableMap.Builder<String, Double> ruleScores = ImmutableMap.builder();
        for (String key : reader.keys(SCORE_PREFIX)) {
            String rule = key.substring(SCORE_PREFIX.length());
            if (!Rules.known(rule)) {
                throw reader.error(key, "'" + rule + "' is not a rule Rampart reports (rule ids are those of X-Rampart-Verdict and "
                    + "the verdict's findings, e.g. " + SCORE_PREFIX + "link.newly-seen)");
            }
            ruleScores.put(rule, reader.decimal(key, 0, -100, 1_000));
        }
        return new DetectionSettings(domains, urls, brands, maxUrls, model, maxScore, people, allowedSenders, learnPeople,
            newDomainWindow, newDomainWarmUp, ruleScores.build(), ownDomains, modelLanguages, otherLanguageMaxScore,
            floodWindow, floodSenders);
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(), DEFAULT_MAX_URLS,
            DEFAULT_MODEL, DEFAULT_MODEL_MAX_SCORE, ImmutableList.of(), ImmutableSet.of(), true, DEFAULT_NEW_DOMAIN_WINDOW,
            DEFAULT_NEW_DOMAIN_WARM_UP, ImmutableMap.of(), ImmutableSet.of(), ImmutableSet.of(), DEFAULT_OTHER_LANGUAGE_MAX_SCORE,
            DEFAULT_FLOOD_WINDOW, DEFAULT_FLOOD_SENDERS);
    }

    /** A list of domain names, lower-cased; anything else (no dot, an address, a URL) names the key. */
    private static ImmutableSet<String> domains(ConfigReader reader, String key, String expected) {
        ImmutableSet<String> domains = lowerCase(reader.list(key, ImmutableList.of()));
        for (String domain : domains) {
            if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("@")
                || domain.contains("/")) {
                throw reader.error(key, domain, expected);
            }
        }
        return domains;
    }

    private static ImmutableSet<String> lowerCase(ImmutableList<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(ImmutableSet.toImmutableSet());
    }

    private final ImmutableSet<String> indicatorDomains;
    private final ImmutableSet<String> indicatorUrls;
    private final ImmutableSet<String> brands;
    private final int maxUrls;
    private final String model;
    private final double modelMaxScore;
    private final ImmutableList<String> people;
    private final ImmutableSet<String> peopleAllowedSenders;
    private final boolean learnPeople;
    private final Duration newDomainWindow;
    private final Duration newDomainWarmUp;
    private final ImmutableMap<String, Double> ruleScores;
    private final ImmutableSet<String> ownDomains;
    private final ImmutableSet<String> modelLanguages;
    private final double otherLanguageMaxScore;
    private final Duration floodWindow;
    private final int floodSenders;

    public DetectionSettings(ImmutableSet<String> indicatorDomains, ImmutableSet<String> indicatorUrls,
                             ImmutableSet<String> brands, int maxUrls, String model, double modelMaxScore,
                             ImmutableList<String> people, ImmutableSet<String> peopleAllowedSenders, boolean learnPeople,
                             Duration newDomainWindow, Duration newDomainWarmUp,
                             ImmutableMap<String, Double> ruleScores, ImmutableSet<String> ownDomains,
                             ImmutableSet<String> modelLanguages, double otherLanguageMaxScore,
                             Duration floodWindow, int floodSenders) {
        this.indicatorDomains = indicatorDomains;
        this.indicatorUrls = indicatorUrls;
        this.brands = brands;
        this.maxUrls = maxUrls;
        this.model = model;
        this.modelMaxScore = modelMaxScore;
        this.people = people;
        this.peopleAllowedSenders = peopleAllowedSenders;
        this.learnPeople = learnPeople;
        this.newDomainWindow = newDomainWindow;
        this.newDomainWarmUp = newDomainWarmUp;
        this.ruleScores = ruleScores;
        this.ownDomains = ownDomains;
        this.modelLanguages = modelLanguages;
        this.otherLanguageMaxScore = otherLanguageMaxScore;
        this.floodWindow = floodWindow;
        this.floodSenders = floodSenders;
    }

    /** {@code detection.flood.window}: the window in which a recipient's outside sender domains are counted (0: off). */
    public Duration floodWindow() {
        return floodWindow;
    }

    /** {@code detection.flood.senders}: that many different outside domains in the window make a mail bomb (0: off). */
    public int floodSenders() {
        return floodSenders;
    }

    /**
     * {@code detection.model.languages}: the languages the model has seen the organisation's wanted mail in
     * (empty: every language trusted). Mail in another language that {@link io.rampart.core.text.Languages}
     * recognises gets at most {@link #otherLanguageMaxScore()} from the model: the shipped model knows
     * Portuguese, German, French... only from phishing, and flags legitimate mail in them on its own.
     */
    public ImmutableSet<String> modelLanguages() {
        return modelLanguages;
    }

    /** {@code detection.model.otherLanguageMaxScore}: the model's cap on mail in a language not listed. */
    public double otherLanguageMaxScore() {
        return otherLanguageMaxScore;
    }

    /**
     * {@code detection.ownDomains}: domains the organisation owns that James does not serve (a subsidiary's,
     * an event site): their senders and links are never lookalikes of the local domains.
     */
    public ImmutableSet<String> ownDomains() {
        return ownDomains;
    }

    /** {@code detection.score.<rule>}: rules whose score the administrator replaced, and the score they give. */
    public ImmutableMap<String, Double> ruleScores() {
        return ruleScores;
    }

    /** {@code detection.newDomains.window}: how long after its first appearance a link domain is newly seen (0: off). */
    public Duration newDomainWindow() {
        return newDomainWindow;
    }

    /** {@code detection.newDomains.warmUp}: how long Rampart watches mail before it judges domains new. */
    public Duration newDomainWarmUp() {
        return newDomainWarmUp;
    }

    /** {@code detection.people}: names of people outsiders must not write under (executives, finance staff). */
    public ImmutableList<String> people() {
        return people;
    }

    /** {@code detection.people.allowedSenders}: outside addresses that may use the organisation's people's names. */
    public ImmutableSet<String> peopleAllowedSenders() {
        return peopleAllowedSenders;
    }

    /** {@code detection.people.learn}: learn the names the organisation's users send under. */
    public boolean learnPeople() {
        return learnPeople;
    }

    /** {@code detection.indicators.domains}: a URL or sender on one of these domains (or below) is phishing. */
    public ImmutableSet<String> indicatorDomains() {
        return indicatorDomains;
    }

    /** {@code detection.indicators.urls}: exact URLs (normalised, prefix match) known to be malicious. */
    public ImmutableSet<String> indicatorUrls() {
        return indicatorUrls;
    }

    /** {@code detection.brands}: registrable domains of brands protected besides the built-in ones. */
    public ImmutableSet<String> brands() {
        return brands;
    }

    /** {@code detection.maxUrls}: URLs analysed per message; the rest are reported as not scanned. */
    public int maxUrls() {
        return maxUrls;
    }

    /** {@code detection.model}: {@code builtin}, {@code off}, or the path of a model written by {@code train}. */
    public String model() {
        return model;
    }

    public Optional<String> modelFile() {
        return model.equalsIgnoreCase(DEFAULT_MODEL) || model.equalsIgnoreCase("off") ? Optional.empty()
            : Optional.of(model);
    }

    public boolean modelEnabled() {
        return !model.equalsIgnoreCase("off");
    }

    /** {@code detection.model.maxScore}: the score the model adds for a message it is certain is spam. */
    public double modelMaxScore() {
        return modelMaxScore;
    }
}
