package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.UrlExtractor;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class SecureMessageAnalyzerTest {
    private static final ScanContext ACME = ScanContext.builder().localDomains(java.util.Set.of("acme-corp.com")).build();

    private static List<Finding> analyze(String from, String body) {
        String raw = "From: " + from + "\nTo: bob@acme-corp.com\nSubject: Secure message\nContent-Type: text/plain; charset=utf-8\n\n"
            + body + "\n";
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        ScanReport report = new ScanReport();
        // The links analyzer runs first in the chain and reports every URL it found.
        UrlExtractor.extract(message, 50).forEach(link -> report.url(link.raw()));
        new SecureMessageAnalyzer().analyze(message, ACME, report);
        return report.findings();
    }

    @Test
    void aNoticeNamingAPartnerAndLinkingToItsOwnDomainIsALure() {
        List<Finding> findings = analyze("\"Secure Message Center\" <securemessage@encrypted-msg-delivery.example>",
            "You have received a secure, encrypted message from accounts@northwind-finance.com.\n"
                + "Read the message: https://encrypted-msg-delivery.example/read?id=8821a\nPowered by Proofpoint Encryption");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("text.secure-message-elsewhere");
            assertThat(f.score()).isEqualTo(SecureMessageAnalyzer.SCORE);
            assertThat(f.detail()).contains("accounts@northwind-finance.com", "encrypted-msg-delivery.example");
        });
    }

    @Test
    void theNamedSendersPortalOrAnEncryptionServiceIsWhereRealNoticesLead() {
        assertThat(analyze("\"Proofpoint Encryption\" <noreply@proofpoint.com>",
            "You have received a secure message from accounts@northwind-finance.com. "
                + "Read it: https://securemail.proofpoint.com/formpostdir/securereader?id=1")).isEmpty();
        assertThat(analyze("\"Northwind relay\" <relay@northwind-mailer.com>",
            "You have received a secure message from accounts@northwind-finance.com. "
                + "Read it: https://securemail.northwind-finance.com/securereader?id=1")).isEmpty();
        assertThat(analyze("\"Northwind Finance\" <accounts@northwind-finance.com>",
            "You have received a secure message from accounts@northwind-finance.com. "
                + "Read it: https://securemail.northwind-finance.com/securereader?id=1")).as("no other sender named").isEmpty();
    }

    @Test
    void withoutTheNoticesWordsOrFromColleaguesNothingIsSaid() {
        assertThat(analyze("\"Northwind\" <news@northwind-mailer.com>",
            "Our new secure payment page is live. Questions from accounts@northwind-finance.com: https://northwind-mailer.com/faq"))
            .isEmpty();
        assertThat(analyze("\"IT\" <it@acme-corp.com>",
            "You have received a secure message from accounts@northwind-finance.com: https://portal.example/read")).isEmpty();
    }
}
