package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.MessageParser;
import io.rampart.core.state.MemoryStateStore;

class NewDomainAnalyzerTest {
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private final DomainHistory history = new DomainHistory(new MemoryStateStore());
    private final NewDomainAnalyzer analyzer = new NewDomainAnalyzer(history, DetectionSettings.defaults());

    private List<Finding> scan(Flow flow, Instant now, String... urls) {
        return scan(ScanContext.builder().flow(flow).now(now).localDomains(Set.of("acme.example")).build(), urls);
    }

    private List<Finding> scan(ScanContext context, String... urls) {
        ScanReport report = new ScanReport();
        for (String url : urls) {
            report.url(url);
        }
        analyzer.analyze(new MessageParser().parse("Subject: x\n\nsee the links\n".getBytes(StandardCharsets.UTF_8)),
            context, report);
        return report.findings();
    }

    @Test
    void nothingIsJudgedBeforeTheWarmUpButEveryDomainIsRecorded() {
        assertThat(scan(Flow.INBOUND, T0, "https://old-partner.com/a")).isEmpty();
        assertThat(scan(Flow.INBOUND, T0.plus(Duration.ofDays(6)), "https://login.fresh-phish.top/x")).isEmpty();

        assertThat(scan(Flow.INBOUND, T0.plus(Duration.ofDays(8)), "https://old-partner.com/b")).isEmpty();
        assertThat(history.firstSeen(List.of("fresh-phish.top"), T0.plus(Duration.ofDays(8)), true))
            .containsEntry("fresh-phish.top", T0.plus(Duration.ofDays(6)));
    }

    @Test
    void afterTheWarmUpADomainNeverLinkedBeforeOrOnlyDaysAgoIsNewlySeen() {
        scan(Flow.INBOUND, T0, "https://old-partner.com/a");
        scan(Flow.INBOUND, T0.plus(Duration.ofDays(7)), "https://recent-co.org/a");
        Instant now = T0.plus(Duration.ofDays(8));

        assertThat(scan(Flow.INBOUND, now, "https://www.old-partner.com/b")).isEmpty();
        assertThat(scan(Flow.INBOUND, now, "https://old-partner.com/b", "https://sso.brand-new.net/login"))
            .singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo(NewDomainAnalyzer.RULE);
                assertThat(finding.score()).isEqualTo(NewDomainAnalyzer.SCORE);
                assertThat(finding.detail()).isEqualTo(
                    "links to brand-new.net, a domain the organisation's mail never linked to before");
            });
        assertThat(scan(Flow.INBOUND, now, "http://recent-co.org/x")).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).isEqualTo(
                "links to recent-co.org, first seen in the organisation's mail 24h ago"));
        assertThat(scan(Flow.INBOUND, now.plus(Duration.ofHours(73)), "https://sso.brand-new.net/login")).isEmpty();
    }

    @Test
    void outboundAndInternalMailTeachButAreNotJudgedAndLocalDomainsNeverCount() {
        scan(Flow.INBOUND, T0);
        history.since(T0);
        Instant now = T0.plus(Duration.ofDays(10));

        assertThat(scan(Flow.OUTBOUND, now, "https://customer-portal.com/")).isEmpty();
        assertThat(scan(Flow.INBOUND, now.plus(Duration.ofDays(4)), "https://customer-portal.com/")).isEmpty();
        assertThat(scan(Flow.INBOUND, now, "https://intranet.acme.example/", "http://203.0.113.9/x")).isEmpty();
    }

    @Test
    void aTrialScanIsJudgedButRecordsNothing() {
        history.since(T0);
        Instant now = T0.plus(Duration.ofDays(10));
        ScanContext trial = ScanContext.builder().now(now).record(false).build();

        assertThat(scan(trial, "https://sso.brand-new.net/login")).singleElement()
            .satisfies(finding -> assertThat(finding.rule()).isEqualTo(NewDomainAnalyzer.RULE));
        assertThat(scan(trial.toBuilder().now(now.plus(Duration.ofDays(5))).build(), "https://sso.brand-new.net/login"))
            .as("still never seen: the trial left no trace").singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("never linked to before"));
        assertThat(scan(Flow.INBOUND, now.plus(Duration.ofDays(5)), "https://sso.brand-new.net/login")).hasSize(1);
        assertThat(scan(Flow.INBOUND, now.plus(Duration.ofDays(9)), "https://sso.brand-new.net/login")).isEmpty();
    }

    @Test
    void aZeroWindowTurnsItOff() {
        Properties properties = new Properties();
        properties.setProperty("detection.newDomains.window", "0");
        NewDomainAnalyzer off = new NewDomainAnalyzer(history,
            RampartConfiguration.parse("test", properties).detection());
        history.since(T0);
        ScanReport report = new ScanReport();
        report.url("https://sso.brand-new.net/login");

        off.analyze(new MessageParser().parse("Subject: x\n\nx\n".getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().now(T0.plus(Duration.ofDays(30))).build(), report);

        assertThat(report.findings()).isEmpty();
        assertThat(history.firstSeen(List.of("brand-new.net"), T0.plus(Duration.ofDays(31)), true))
            .containsEntry("brand-new.net", T0.plus(Duration.ofDays(31)));
    }
}
