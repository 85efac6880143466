package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;

class RecipientInLinkTest {
    private static final Set<String> BOB = Set.of("bob@acme-corp.com");
    private static final Set<String> ACME = Set.of("acme-corp.com");

    private static Optional<Finding> check(String link, String senderRegistrable) {
        return RecipientInLink.check(link, UrlNormalizer.normalize(link).orElseThrow(), BOB, senderRegistrable, ACME,
            "link in part 1");
    }

    private static String base64(String text, Base64.Encoder encoder) {
        return encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theReadersAddressAfterTheHashInAnyEncodingIsCarried() {
        assertThat(check("https://bakery-schmidt.de/files/inv/#bob@acme-corp.com", "steelworks-gmbh.de"))
            .hasValueSatisfying(f -> assertThat(f.detail()).contains("bakery-schmidt.de", "as written"));
        assertThat(check("https://x.example.net/index.html#Bob%40Acme-Corp.com", "other.example"))
            .hasValueSatisfying(f -> assertThat(f.detail()).contains("percent-encoded"));
        assertThat(check("https://x.example.net/a/#" + base64("bob@acme-corp.com", Base64.getEncoder()), "other.example"))
            .hasValueSatisfying(f -> assertThat(f.detail()).contains("in Base64"));
        String urlSafeUnpadded = base64("e=bob@acme-corp.com&t=17", Base64.getUrlEncoder().withoutPadding());
        assertThat(check("https://x.example.net/#/v/" + urlSafeUnpadded, "other.example")).isPresent();
        assertThat(check("https://x.example.net/#id=77&u=" + base64("bob@acme-corp.com", Base64.getEncoder()), "other.example"))
            .as("a Base64 word among others").isPresent();
        assertThat(check("https://x.example.net/p#" + base64("bob@acme-corp.com", Base64.getEncoder()), "other.example")
            .get().score()).isEqualTo(RecipientInLink.SCORE);
    }

    @Test
    void theSendersOwnSiteTheOrganisationsOwnAndOtherAddressesAreNotJudged() {
        assertThat(check("https://linear.app/join/acme#email=bob%40acme-corp.com", "linear.app")).as("the sender's own")
            .isEmpty();
        assertThat(check("https://intranet.acme-corp.com/#bob@acme-corp.com", "example.org")).as("the organisation's own")
            .isEmpty();
        assertThat(check("https://x.example.net/#alice@acme-corp.com", "other.example")).as("someone else's address")
            .isEmpty();
        assertThat(check("https://x.example.net/unsubscribe?email=bob@acme-corp.com", "other.example")).as("in the query")
            .isEmpty();
        assertThat(check("https://x.example.net/docs#section-2", "other.example")).isEmpty();
        assertThat(check("https://x.example.net/#" + base64("carol@acme-corp.com", Base64.getEncoder()), "other.example"))
            .isEmpty();
    }

    @Test
    void theEngineReadsTheRecipientsFromTheHeadersAndScoresOnce() {
        String raw = "From: Karen Liu <karen.liu@brightline-logistics.com>\nTo: Bob <bob@acme-corp.com>\n"
            + "Subject: Karen Liu shared a file with you\nContent-Type: text/html\n\n"
            + "<a href=\"https://greenvalley-dental.com/wp/share/#" + base64("bob@acme-corp.com", Base64.getEncoder())
            + "\">Open</a> <a href=\"https://greenvalley-dental.com/wp/share2/#bob@acme-corp.com\">Open again</a>"
            + " <img src=\"https://cdn.example.net/p.gif#bob@acme-corp.com\">\n";
        ScanReport report = new ScanReport();
        new LinksAnalyzer(LinkAnalysis.from(io.rampart.core.config.RampartConfiguration.defaults().detection()), 50).analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)),
            ScanContext.builder().localDomains(ACME).build(), report);

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals(RecipientInLink.RULE))
            .collect(Collectors.toList());
        assertThat(findings).hasSize(2);
        assertThat(findings).extracting(Finding::score).containsExactly(RecipientInLink.SCORE, 0.0);
        assertThat(findings.get(0).detail()).contains("greenvalley-dental.com", "link in part");
    }
}
