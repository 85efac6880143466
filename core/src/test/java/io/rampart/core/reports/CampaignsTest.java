package io.rampart.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

class CampaignsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Report report(String id, int minutes, ReportKind kind, Optional<String> sender, String subject,
                                 Set<String> urls, Set<String> hashes) {
        return Report.of(id, id + "@acme.test", kind, ReportSource.FOLDER,
            Fingerprint.of(Optional.empty(), sender, subject, urls, hashes), T0.plusSeconds(60L * minutes), ReportStatus.NEW,
            Optional.empty());
    }

    @Test
    void reportsSharingAnyKeyShouldFormOneCampaignTransitively() {
        Report a = report("a", 0, ReportKind.PHISH, Optional.of("x@evil.test"), "Invoice", ImmutableSet.of(), ImmutableSet.of());
        Report b = report("b", 1, ReportKind.PHISH, Optional.of("y@evil.test"), "RE: invoice",
            ImmutableSet.of("http://evil.test/a"), ImmutableSet.of());
        Report c = report("c", 2, ReportKind.JUNK, Optional.empty(), "Other",
            ImmutableSet.of("http://evil.test/a"), ImmutableSet.of("ff"));
        Report unrelated = report("d", 3, ReportKind.PHISH, Optional.of("z@else.test"), "Lunch", ImmutableSet.of(),
            ImmutableSet.of());

        List<Campaign> campaigns = Campaigns.group(List.of(a, b, c, unrelated));

        assertThat(campaigns).hasSize(2);
        assertThat(campaigns.get(0).reports()).containsExactly(unrelated);
        Campaign campaign = campaigns.get(1);
        assertThat(campaign.id()).isEqualTo("a");
        assertThat(campaign.reports()).containsExactly(a, b, c);
        assertThat(campaign.senders()).containsExactly("x@evil.test", "y@evil.test");
        assertThat(campaign.urls()).containsExactly("http://evil.test/a");
        assertThat(campaign.sha256()).containsExactly("ff");
        assertThat(campaign.reporters()).containsExactly("a@acme.test", "b@acme.test", "c@acme.test");
    }

    @Test
    void notJunkReportsShouldBeGroupedApartFromUnwantedOnes() {
        Report phish = report("a", 0, ReportKind.PHISH, Optional.of("x@evil.test"), "Invoice", ImmutableSet.of(),
            ImmutableSet.of());
        Report notJunk = report("b", 1, ReportKind.NOT_JUNK, Optional.of("x@evil.test"), "Invoice", ImmutableSet.of(),
            ImmutableSet.of());

        assertThat(Campaigns.group(List.of(phish, notJunk))).hasSize(2);
    }

    @Test
    void subjectShouldBeNormalizedForGrouping() {
        assertThat(Fingerprint.normalizedSubject("Re: FWD:  Your   Invoice")).isEqualTo("your invoice");
    }
}
