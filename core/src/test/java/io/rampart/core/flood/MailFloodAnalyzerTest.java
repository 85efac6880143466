package io.rampart.core.flood;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.ConfigReader;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.MessageParser;
import io.rampart.core.state.MemoryStateStore;

class MailFloodAnalyzerTest {
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private final MemoryStateStore state = new MemoryStateStore();
    private final MailFloodAnalyzer analyzer = new MailFloodAnalyzer(state.windows(), settings("5m", 3));

    private static DetectionSettings settings(String window, int senders) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("detection.flood.window", window);
        properties.setProperty("detection.flood.senders", String.valueOf(senders));
        return DetectionSettings.from(new ConfigReader("test", properties));
    }

    private List<Finding> receive(String from, Instant at, ScanContext.Builder context) {
        ScanReport report = new ScanReport();
        analyzer.analyze(new MessageParser().parse(("From: " + from + "\nTo: bob@acme-corp.com\nSubject: Welcome\n\nThanks for "
            + "signing up!\n").getBytes(StandardCharsets.UTF_8)), context.now(at).build(), report);
        return report.findings();
    }

    private static ScanContext.Builder inbound() {
        return ScanContext.builder().flow(Flow.INBOUND).localDomains(ImmutableSet.of("acme-corp.com"))
            .recipients(List.of("Bob@acme-corp.com"));
    }

    @Test
    void mailFromManyOutsideDomainsInTheWindowIsAFlood() {
        assertThat(receive("news@shop-one.com", T0, inbound())).isEmpty();
        assertThat(receive("news@mail.shop-two.com", T0.plusSeconds(10), inbound())).isEmpty();
        assertThat(receive("again@shop-one.com", T0.plusSeconds(20), inbound())).as("the same domain counts once").isEmpty();
        List<Finding> third = receive("hello@shop-three.net", T0.plusSeconds(30), inbound());

        assertThat(third).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(MailFloodAnalyzer.RULE);
            assertThat(finding.score()).isEqualTo(MailFloodAnalyzer.SCORE);
            assertThat(finding.detail()).contains("bob@acme-corp.com", "3 different outside domains", "5m");
        });
        assertThat(receive("news@shop-four.org", T0.plus(Duration.ofMinutes(20)), inbound()))
            .as("the window has passed").isEmpty();
    }

    @Test
    void colleaguesTrialScansAndOtherFlowsAreNotCounted() {
        receive("news@shop-one.com", T0, inbound());
        receive("news@shop-two.com", T0, inbound());
        assertThat(receive("alice@acme-corp.com", T0, inbound())).as("a colleague").isEmpty();
        assertThat(receive("news@shop-three.com", T0, inbound().record(false))).as("a trial scan").isEmpty();
        assertThat(receive("news@shop-four.com", T0, inbound().flow(Flow.OUTBOUND))).isEmpty();
        assertThat(receive("news@shop-five.com", T0, inbound().authenticatedUser(Optional.of("alice")))).isEmpty();
        assertThat(receive("news@shop-six.com", T0, inbound())).as("only the third outside domain counts")
            .extracting(Finding::rule).containsExactly(MailFloodAnalyzer.RULE);
    }

    @Test
    void eachRecipientHasItsOwnCountAndZeroTurnsItOff() {
        receive("news@shop-one.com", T0, inbound());
        receive("news@shop-two.com", T0, inbound());
        assertThat(receive("news@shop-three.com", T0, inbound().recipients(List.of("carol@acme-corp.com")))).isEmpty();
        MailFloodAnalyzer off = new MailFloodAnalyzer(state.windows(), settings("0s", 3));
        ScanReport report = new ScanReport();
        for (String domain : Set.of("a.com", "b.com", "c.com", "d.com")) {
            off.analyze(new MessageParser().parse(("From: x@" + domain + "\nSubject: s\n\nbody\n").getBytes(StandardCharsets.UTF_8)),
                inbound().now(T0).build(), report);
        }
        assertThat(report.findings()).isEmpty();
    }
}
