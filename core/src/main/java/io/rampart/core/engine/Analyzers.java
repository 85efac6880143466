package io.rampart.core.engine;

import java.util.List;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.attachments.AttachmentAnalyzer;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.feedback.FeedbackStores;
import io.rampart.core.feedback.LocalIndicatorAnalyzer;
import io.rampart.core.links.DomainHistory;
import io.rampart.core.links.LinkAnalysis;
import io.rampart.core.links.BankDetailsFormAnalyzer;
import io.rampart.core.links.LinkUrlInspector;
import io.rampart.core.links.SignInPageAnalyzer;
import io.rampart.core.links.LinksAnalyzer;
import io.rampart.core.links.NewDomainAnalyzer;
import io.rampart.core.model.HashedModel;
import io.rampart.core.model.ModelAnalyzer;
import io.rampart.core.model.Models;
import io.rampart.core.sender.BrandMailAnalyzer;
import io.rampart.core.sender.ForgedHeadersAnalyzer;
import io.rampart.core.sender.People;
import io.rampart.core.sender.PersonImpersonationAnalyzer;
import io.rampart.core.sender.SenderAnalyzer;
import io.rampart.core.intel.IndicatorStore;
import io.rampart.core.intel.IntelAnalyzer;
import io.rampart.core.signatures.TestSignatureAnalyzer;
import io.rampart.core.text.ContentAnalyzer;
import io.rampart.core.text.FraudRequestAnalyzer;
import io.rampart.core.text.InvoiceOfferAnalyzer;
import io.rampart.core.text.SecureMessageAnalyzer;
import io.rampart.core.text.UserExecutionAnalyzer;

/** The standard analyzer chain, in the order they run. Every analysis family registers here. */
public final class Analyzers {
    private Analyzers() {
    }

    public static List<Analyzer> standard(RampartConfiguration configuration) {
        return standard(configuration, FeedbackStores.memory(), Models.forSettings(configuration.detection()));
    }

    public static List<Analyzer> standard(RampartConfiguration configuration, FeedbackStores feedback) {
        return standard(configuration, feedback, Models.forSettings(configuration.detection()));
    }

    /** The chain with an explicit statistical model (eval folds, tests); empty runs without one. */
    public static List<Analyzer> standard(RampartConfiguration configuration, Optional<HashedModel> model) {
        return standard(configuration, FeedbackStores.memory(), model);
    }

    public static List<Analyzer> standard(RampartConfiguration configuration, FeedbackStores feedback,
                                          Optional<HashedModel> model) {
        return standard(configuration, feedback, model, People.configured(configuration.detection()));
    }

    /** The chain with the organisation's people as {@code people} knows them (learnt names in the state store). */
    public static List<Analyzer> standard(RampartConfiguration configuration, FeedbackStores feedback,
                                          Optional<HashedModel> model, People people) {
        DetectionSettings detection = configuration.detection();
        LinkAnalysis links = LinkAnalysis.from(detection);
        ImmutableList.Builder<Analyzer> chain = ImmutableList.<Analyzer>builder()
            .add(new TestSignatureAnalyzer())
            .add(new AttachmentAnalyzer(configuration.attachments(), new LinkUrlInspector(links)))
            .add(new LocalIndicatorAnalyzer(feedback.indicators(), feedback.allowList()))
            .add(new LinksAnalyzer(links, detection.maxUrls()))
            .add(new SenderAnalyzer(detection))
            .add(new ForgedHeadersAnalyzer())
            .add(new PersonImpersonationAnalyzer(people))
            .add(new ContentAnalyzer())
            .add(new FraudRequestAnalyzer())
            .add(new InvoiceOfferAnalyzer())
            .add(new SignInPageAnalyzer())
            .add(new BankDetailsFormAnalyzer())
            .add(new UserExecutionAnalyzer())
            .add(new SecureMessageAnalyzer())
            .add(new BrandMailAnalyzer());
        model.ifPresent(m -> chain.add(new ModelAnalyzer(m, detection.modelMaxScore(), detection.modelLanguages(),
            detection.otherLanguageMaxScore())));
        return chain.build();
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration) {
        return standardEngine(configuration, FeedbackStores.memory());
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration, FeedbackStores feedback) {
        return new ScanEngine(configuration, standard(configuration, feedback));
    }

    /** The standard chain plus live threat-intelligence matching against the node's indicator store. */
    public static ScanEngine standardEngine(RampartConfiguration configuration, IndicatorStore indicators) {
        return standardEngine(configuration, FeedbackStores.memory(), indicators);
    }

    public static ScanEngine standardEngine(RampartConfiguration configuration, FeedbackStores feedback,
                                            IndicatorStore indicators) {
        return new ScanEngine(configuration, ImmutableList.<Analyzer>builder()
            .addAll(standard(configuration, feedback))
            .add(new IntelAnalyzer(configuration.intel(), indicators))
            .build());
    }

    /**
     * What a James node runs: the standard chain with the people learnt in the state store, threat
     * intelligence, the organisation's history of link domains (newly seen ones) and each recipient's count of
     * outside sender domains (mail bombs), the last two in the state store's {@code floods} windows.
     */
    public static ScanEngine standardEngine(RampartConfiguration configuration, FeedbackStores feedback,
                                            IndicatorStore indicators, People people, DomainHistory domains,
                                            io.rampart.core.state.WindowStore floods) {
        return new ScanEngine(configuration, ImmutableList.<Analyzer>builder()
            .addAll(standard(configuration, feedback, Models.forSettings(configuration.detection()), people))
            .add(new IntelAnalyzer(configuration.intel(), indicators))
            .add(new NewDomainAnalyzer(domains, configuration.detection()))
            .add(new io.rampart.core.flood.MailFloodAnalyzer(floods, configuration.detection()))
            .build());
    }
}
