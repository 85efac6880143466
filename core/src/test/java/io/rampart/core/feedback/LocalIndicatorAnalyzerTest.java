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
import io.rampart.core.state.MemoryStateStore;

class LocalIndicatorAnalyzerTest {
    private static final ParsedMessage MESSAGE = new MessageParser().parse(("From: Boss <boss@fake.test>\r\n"
        + "Subject: Urgent\r\n"
        + "\r\n"
        + "Pay at https://pay.fake.test/now today.\r\n").getBytes(StandardCharsets.US_ASCII));

    private LocalIndicators indicators;
    private AllowList allowList;
    private LocalIndicatorAnalyzer analyzer;

    @BeforeEach
    void setUp() {
        MemoryStateStore state = new MemoryStateStore();
        indicators = new StateLocalIndicators(state);
        allowList = new StateAllowList(state);
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

    @Test
    void allowedEnvelopeSenderShouldScoreAsLegitimateToo() {
        allowList.allow("bounce@fake.test");

        assertThat(analyze().findings()).extracting(Finding::rule, Finding::detail)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("local.allowed-sender",
                "sender bounce@fake.test is on the local allow list"));
    }

    @Test
    void theScanShouldReadTheAllowListOnceAndTheIndicatorsOnce() {
        java.util.List<java.util.Collection<?>> reads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger emptinessChecks = new java.util.concurrent.atomic.AtomicInteger();
        LocalIndicators countingIndicators = new LocalIndicators() {
            @Override
            public void add(Indicator indicator) {
                indicators.add(indicator);
            }

            @Override
            public boolean contains(Indicator indicator) {
                throw new AssertionError("one read per message");
            }

            @Override
            public java.util.Set<Indicator> present(java.util.Collection<Indicator> candidates) {
                reads.add(candidates);
                return indicators.present(candidates);
            }

            @Override
            public boolean isEmpty() {
                emptinessChecks.incrementAndGet();
                return indicators.isEmpty();
            }

            @Override
            public boolean remove(Indicator indicator) {
                return indicators.remove(indicator);
            }

            @Override
            public java.util.Set<Indicator> all() {
                throw new AssertionError("the scan path must not read every indicator");
            }
        };
        AllowList countingAllowList = new AllowList() {
            @Override
            public void allow(String senderAddress) {
                allowList.allow(senderAddress);
            }

            @Override
            public boolean isAllowed(String senderAddress) {
                throw new AssertionError("one read per message");
            }

            @Override
            public java.util.Set<String> allowed(java.util.Collection<String> senderAddresses) {
                reads.add(senderAddresses);
                return allowList.allowed(senderAddresses);
            }

            @Override
            public boolean remove(String senderAddress) {
                return allowList.remove(senderAddress);
            }

            @Override
            public java.util.Set<String> all() {
                return allowList.all();
            }
        };
        indicators.add(Indicator.url("https://pay.fake.test/now"));
        ScanReport report = new ScanReport();

        new LocalIndicatorAnalyzer(countingIndicators, countingAllowList).analyze(MESSAGE,
            ScanContext.builder().envelopeSender(Optional.of("bounce@fake.test")).build(), report);

        assertThat(reads).hasSize(2);
        assertThat(emptinessChecks.get()).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::rule).containsExactly("local.indicator.url");

        // With no local indicator at all, the message's URLs are not even collected.
        indicators.remove(Indicator.url("https://pay.fake.test/now"));
        reads.clear();
        ScanReport none = new ScanReport();
        new LocalIndicatorAnalyzer(countingIndicators, countingAllowList).analyze(MESSAGE,
            ScanContext.builder().envelopeSender(Optional.of("bounce@fake.test")).build(), none);
        assertThat(reads).hasSize(1);
        assertThat(none.findings()).isEmpty();
    }
}
