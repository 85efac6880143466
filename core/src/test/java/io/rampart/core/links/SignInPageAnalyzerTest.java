package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.engine.ScanEngine;
import io.rampart.core.verdict.Verdict;

class SignInPageAnalyzerTest {
    private static final ScanEngine ENGINE = io.rampart.core.engine.Analyzers.standardEngine(
        io.rampart.core.config.RampartConfiguration.defaults());

    private static Verdict scan(String body) {
        String raw = "From: \"Tom Becker\" <tom.becker@northwind.example>\nTo: bob@acme-corp.com\n"
            + "Date: Fri, 27 Nov 2026 09:00:00 +0000\nSubject: RE: Q4 budget figures\nContent-Type: text/plain\n\n" + body + "\n";
        return ENGINE.scan(raw.getBytes(StandardCharsets.UTF_8), ScanContext.builder().build());
    }

    @Test
    void aSignInAskedForOnAHostWhereAnyonePublishesAnAppIsTheSendersPage() {
        Verdict verdict = scan("Here are the updated Q4 figures. You will need to sign in with your Microsoft account to open"
            + " the file.\nhttps://q4-figures.workers.dev/view");

        assertThat(verdict.findings()).filteredOn(f -> f.rule().equals(SignInPageAnalyzer.RULE)).singleElement()
            .satisfies(finding -> {
                assertThat(finding.score()).isEqualTo(SignInPageAnalyzer.SCORE);
                assertThat(finding.detail()).contains("q4-figures.workers.dev", "credentials");
            });
    }

    @Test
    void aSignInOnADocumentServiceOrAnAppLinkWithoutOneIsNot() {
        assertThat(scan("You will need to sign in with your Microsoft account to open the file.\n"
            + "https://northwind.sharepoint.com/:x:/s/finance/EbQ4figures").rules())
            .as("the provider's own sign-in").doesNotContain(SignInPageAnalyzer.RULE);
        assertThat(scan("The preview of the new booking page is up: https://booking-preview.vercel.app/").rules())
            .as("no sign-in asked").doesNotContain(SignInPageAnalyzer.RULE);
        assertThat(scan("Please sign in with your account to open the file: https://files.northwind.example/q4").findings())
            .extracting(Finding::rule).as("the sender's own site").doesNotContain(SignInPageAnalyzer.RULE);
    }
}
