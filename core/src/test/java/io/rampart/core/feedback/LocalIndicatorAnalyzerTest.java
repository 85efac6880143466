package io.rampart.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class LocalIndicatorAnalyzerTest {
    private static final ParsedMessage MESSAGE = new MessageParser().parse(("From: Boss <boss@fake.test>\r\n"
        + "Subject: Urgent\r\n"
        + "\r\n"
        + "Pay at https://pay.fake.test/now today.\r\n").getBytes(StandardCharsets.US_ASCII));

    private MemoryLocalIndicators indicators;
    private MemoryAllowList allowList;
    private LocalIndicatorAnalyzer analyzer;

    @BeforeEach
    void setUp() {
        indicators = new MemoryLocalIndicators();
        allowList = new MemoryAllowList();
        analyzer = new LocalIndicatorAnalyzer(indicators, allowList);
    }

    private ScanReport analyze() {
        ScanReport report = new ScanReport();
        analyzer.analyze(MESSAGE, ScanContext.builder().envelopeSender(Optional.of("bounce@fake.test")).build(), report);
        return report;
    }

    @Test
    void nothingKnownShouldFindNothing() {
        assertThat(analyze().findings()).isEmpty();
    }

    @Test
    void reportedUrlAndSenderShouldScore() {
        indicators.add(Indicator.url("https://pay.fake.test/now"));
        indicators.add(Indicator.sender("BOSS@fake.test"));

        assertThat(analyze().findings()).extracting(Finding::rule)
            .containsExactly("local.indicator.sender", "local.indicator.url");
        assertThat(analyze().findings().stream().mapToDouble(Finding::score).sum())
            .isEqualTo(LocalIndicatorAnalyzer.SENDER_SCORE + LocalIndicatorAnalyzer.URL_SCORE);
    }

    @Test
    void allowedSenderShouldScoreAsLegitimate() {
        allowList.allow("Boss@Fake.test");

        assertThat(analyze().findings()).extracting(Finding::rule, Finding::score)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("local.allowed-sender", LocalIndicatorAnalyzer.ALLOWED_SENDER_SCORE));
    }
}
