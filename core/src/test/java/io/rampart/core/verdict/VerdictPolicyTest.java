package io.rampart.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

class VerdictPolicyTest {
    @Test
    void belowThresholdShouldBeClean() {
        assertThat(VerdictPolicy.classify(List.of(Finding.of("a", 3, Category.PHISH, "")), 5)).isEqualTo(VerdictClass.CLEAN);
    }

    @Test
    void dominantCategoryShouldDecide() {
        List<Finding> findings = List.of(Finding.of("a", 3, Category.SPAM, ""), Finding.of("b", 4, Category.PHISH, ""));

        assertThat(VerdictPolicy.classify(findings, 5)).isEqualTo(VerdictClass.PHISH);
    }

    @Test
    void malwareReachingThresholdAloneShouldWin() {
        List<Finding> findings = List.of(Finding.of("a", 50, Category.SPAM, ""), Finding.of("m", 6, Category.MALWARE, ""));

        assertThat(VerdictPolicy.classify(findings, 5)).isEqualTo(VerdictClass.MALWARE);
    }

    @Test
    void hamEvidenceShouldLowerTheScore() {
        List<Finding> findings = List.of(Finding.of("a", 6, Category.SPAM, ""), Finding.of("h", -2, Category.HAM, ""));

        assertThat(VerdictPolicy.classify(findings, 5)).isEqualTo(VerdictClass.CLEAN);
    }

    @Test
    void verdictJsonShouldRoundTrip() throws Exception {
        Verdict verdict = Verdict.of(VerdictClass.PHISH, 9.5, 5, List.of(Finding.of("link.ip-host", 9.5, Category.PHISH,
            "http://192.0.2.1/login")), java.util.Set.of("http://192.0.2.1/login"), java.util.Set.of("abc"),
            List.of("cap hit"), 12);

        Verdict back = VerdictJson.fromJsonString(VerdictJson.toJsonString(verdict));

        assertThat(back.verdictClass()).isEqualTo(VerdictClass.PHISH);
        assertThat(back.findings()).isEqualTo(verdict.findings());
        assertThat(back.urls()).isEqualTo(verdict.urls());
        assertThat(back.hashes()).isEqualTo(verdict.hashes());
        assertThat(back.incompleteReasons()).isEqualTo(verdict.incompleteReasons());
        assertThat(back.reason()).isEqualTo(verdict.reason());
    }
}
