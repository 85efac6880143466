package io.rampart.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.IntelSettings;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.verdict.VerdictClass;

class IntelAnalyzerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final IntelSettings SETTINGS = new IntelSettings(true, 50, 10.0, ImmutableList.of());
    private static final String MESSAGE = "From: Billing <billing@pay-example.test>\r\n"
        + "To: alice@corp.test\r\n"
        + "Subject: Invoice\r\n"
        + "Message-ID: <inv-1@pay-example.test>\r\n"
        + "Content-Type: text/html; charset=UTF-8\r\n"
        + "\r\n"
        + "<p>Pay <a href=\"https://portal.phish-example.test/pay?id=1&amp;x=2\">here</a>, or see"
        + " http://cdn.ok-example.test/logo.png.</p>\r\n";

    private static IndicatorStore store() {
        return new StateIndicatorStore(new MemoryStateStore(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ParsedMessage parsed() {
        return new MessageParser().parse(MESSAGE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRecordEveryUrlOnTheReport() {
        ScanReport report = new ScanReport();
        new IntelAnalyzer(SETTINGS, store()).analyze(parsed(), ScanContext.builder().build(), report);

        assertThat(report.urls()).contains("https://portal.phish-example.test/pay?id=1&x=2", "http://cdn.ok-example.test/logo.png");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldFlagUrlsParentDomainsSendersAndMessageIdsListedAsIndicators() {
        IndicatorStore store = store();
        store.put(Indicator.of(IndicatorType.DOMAIN, "phish-example.test", VerdictClass.PHISH, "isac", 90, Optional.empty(), NOW));
        store.put(Indicator.of(IndicatorType.SENDER, "billing@pay-example.test", VerdictClass.SPAM, "own", 30, Optional.empty(), NOW));
        store.put(Indicator.of(IndicatorType.MESSAGE_ID, "inv-1@pay-example.test", VerdictClass.MALWARE, "own", 80,
            Optional.empty(), NOW));
        ScanReport report = new ScanReport();

        new IntelAnalyzer(SETTINGS, store).analyze(parsed(), ScanContext.builder().build(), report);

        assertThat(report.findings()).extracting(Finding::rule, Finding::score, Finding::category)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("intel.domain", 10.0, Category.PHISH),
                org.assertj.core.groups.Tuple.tuple("intel.sender", 5.0, Category.SPAM),
                org.assertj.core.groups.Tuple.tuple("intel.messageid", 10.0, Category.MALWARE));
        assertThat(report.findings().get(0).detail()).contains("listed as");
    }

    @Test
    void shouldLookUpEveryValueOfAMessageInOneStoreCall() {
        List<List<IndicatorStore.Lookup>> calls = new ArrayList<>();
        IndicatorStore store = store();
        IndicatorStore counting = new IndicatorStore() {
            @Override
            public Indicator put(Indicator indicator) {
                return store.put(indicator);
            }

            @Override
            public Optional<Indicator> get(String id) {
                return store.get(id);
            }

            @Override
            public List<Indicator> list() {
                return store.list();
            }

            @Override
            public List<Indicator> find(IndicatorType type, String value) {
                throw new AssertionError("the scan path must look up in one call, not per value");
            }

            @Override
            public ImmutableList<List<Indicator>> findAll(List<IndicatorStore.Lookup> lookups) {
                calls.add(lookups);
                return store.findAll(lookups);
            }

            @Override
            public void replace(Indicator indicator) {
                store.replace(indicator);
            }
        };

        new IntelAnalyzer(SETTINGS, counting).analyze(parsed(), ScanContext.builder().build(), new ScanReport());

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).contains(IndicatorStore.Lookup.of(IndicatorType.DOMAIN, "phish-example.test"),
            IndicatorStore.Lookup.of(IndicatorType.DOMAIN, "portal.phish-example.test"),
            IndicatorStore.Lookup.of(IndicatorType.SENDER, "billing@pay-example.test"));
    }
}
