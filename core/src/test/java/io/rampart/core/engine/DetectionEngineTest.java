package io.rampart.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;

class DetectionEngineTest {
    private static final ScanContext CONTEXT = ScanContext.builder().localDomains(ImmutableSet.of("example.com")).build();
    private final ScanEngine engine = Analyzers.standardEngine(RampartConfiguration.defaults());

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = DetectionEngineTest.class.getResourceAsStream("/mail/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldRegisterTestSignaturesFirstThenDetectionAnalyzers() {
        assertThat(engine.analyzers()).extracting(a -> a.name())
            .containsExactly("test-signatures", "attachments", "local-indicators", "links", "sender", "forged-headers", "people", "content",
                "fraud-request", "invoice-offer", "sign-in-page", "bank-details-form", "user-execution", "secure-message", "brand-mail", "model");
    }

    @Test
    void shouldClassifyEnglishCredentialPhishAsPhishAndExplainWhy() throws IOException {
        Verdict verdict = engine.scanInline(fixture("phish-en.eml"), CONTEXT);

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
        assertThat(verdict.rules()).contains("link.ip-host", "link.credential-form", "sender.lookalike-brand");
        assertThat(verdict.reason()).startsWith("phish (score ");
        assertThat(verdict.urls()).contains("http://192.168.10.20/paypal.com/login.php");
    }

    @Test
    void shouldClassifyChineseFinanceDepartmentPhishAsPhish() throws IOException {
        Verdict verdict = engine.scanInline(fixture("phish-zh-gbk.eml"), CONTEXT);

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
        assertThat(verdict.rules()).contains("sender.department", "text.lure-credentials", "link.local-in-subdomain");
    }

    @Test
    void shouldLeaveOrdinaryWorkMailClean() throws IOException {
        Verdict verdict = engine.scanInline(fixture("ham-en.eml"), CONTEXT);

        assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.CLEAN);
        assertThat(verdict.reason()).startsWith("clean");
    }

    @Test
    void shouldNeverThrowOnGarbage() {
        Verdict verdict = engine.scanInline(new byte[] {0, (byte) 0xff, 'x', '\n', '\n', (byte) 0x80}, CONTEXT);

        // Scanned to the end and explained: no From, no Date. (Clean until stop 29; since the model reads the rules'
        // findings, mail with neither header reads as unwanted, 5.2, which a headerless binary blob is.)
        assertThat(verdict.rules()).contains("sender.missing-date", "sender.no-from-address");
        assertThat(verdict.reason()).doesNotContain("not fully scanned");
    }
}
