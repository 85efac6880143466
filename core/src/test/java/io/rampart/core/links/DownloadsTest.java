package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;

class DownloadsTest {
    private static Optional<String> risky(String url, String sender) {
        return Downloads.risky(UrlNormalizer.normalize(url).orElseThrow(), sender);
    }

    @Test
    void aProgramOrArchiveFromAnotherSiteIsRisky() {
        assertThat(risky("http://198.51.100.23/downloads/AcmeVPN_Setup.exe", "acme-helpdesk.com")).contains("AcmeVPN_Setup.exe");
        assertThat(risky("https://blog.example.com/wp-content/uploads/2026/11/Contract_4471.zip?dl=1#x", "partner-logistics.net"))
            .contains("Contract_4471.zip");
        assertThat(risky("https://files.example.com/scan%2Eiso", "partner-logistics.net")).as("percent-encoded dot")
            .contains("scan.iso");
        assertThat(Downloads.score("AcmeVPN_Setup.exe")).isEqualTo(Downloads.PROGRAM_SCORE);
        assertThat(Downloads.score("invoice.IMG")).isEqualTo(Downloads.PROGRAM_SCORE);
        assertThat(Downloads.score("Contract_4471.zip")).isEqualTo(Downloads.ARCHIVE_SCORE);
    }

    @Test
    void theSendersOwnSiteWebPagesAndScriptsAreNot() {
        assertThat(risky("https://downloads.example.org/libfoo-setup-2.4.1.exe", "lists.example.org")).isEmpty();
        assertThat(risky("https://download.example.com/tool.msi", "mail.example.de")).as("same name, another suffix").isEmpty();
        assertThat(risky("http://cgi.ebay.com/ws/eBayISAPI.dll?ViewItem&item=1", "partner-logistics.net")).as("an ISAPI page").isEmpty();
        assertThat(risky("https://cdn.example.com/jquery.min.js", "partner-logistics.net")).isEmpty();
        assertThat(risky("https://example.com/reports/q3.pdf", "partner-logistics.net")).isEmpty();
        assertThat(risky("https://example.com/go/www.example.org.com", "partner-logistics.net")).isEmpty();
        assertThat(risky("https://example.com/setup.exe/", "partner-logistics.net")).as("a folder").isEmpty();
        assertThat(risky("mailto:setup.exe@example.com", "partner-logistics.net")).isEmpty();
    }

    @Test
    void theLinksAnalyzerReportsItForLinksButNotForPicturesOrForms() {
        String html = "<a href=\"https://blog.example.com/wp-content/uploads/Contract_4471.zip\">document</a>"
            + "<img src=\"https://cdn.example.com/pack.zip\"><form action=\"https://example.com/upload.exe\"></form>";
        String raw = "From: alice@partner-logistics.net\nTo: bob@acme-corp.com\nSubject: RE: Contract\n"
            + "Content-Type: text/html\n\n" + html + "\n";
        ScanReport report = new ScanReport();
        new LinksAnalyzer(LinkAnalysis.from(io.rampart.core.config.RampartConfiguration.defaults().detection()), 50)
            .analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), ScanContext.builder().build(), report);

        List<Finding> downloads = report.findings().stream().filter(f -> f.rule().equals(Downloads.RULE))
            .collect(java.util.stream.Collectors.toList());
        assertThat(downloads).extracting(Finding::detail).containsExactly(
            "link downloads 'Contract_4471.zip' from blog.example.com's WordPress upload folders (where hijacked sites keep"
                + " malware), not the sender's site (link in part 1)");
        assertThat(downloads.get(0).score()).isEqualTo(Downloads.ARCHIVE_SCORE + Downloads.CMS_FOLDER_SCORE);
        assertThat(report.hasRule(Downloads.PASSWORD_RULE)).as("no password in the text").isFalse();
        assertThat(Downloads.inCmsFolder(UrlNormalizer.normalize("https://example.org/blog/wp-content/plugins/x/pack.zip")
            .orElseThrow())).as("WordPress under a folder").isTrue();
        assertThat(Downloads.inCmsFolder(UrlNormalizer.normalize("https://example.org/downloads/wp-tools.zip").orElseThrow()))
            .isFalse();
    }

    private static ScanReport links(String body) {
        String raw = "From: karen.li@lakeside-foods.example\nTo: bob@acme-corp.com\nSubject: RE: Q3 budget figures\n"
            + "Content-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
        ScanReport report = new ScanReport();
        new LinksAnalyzer(LinkAnalysis.from(io.rampart.core.config.RampartConfiguration.defaults().detection()), 50)
            .analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), ScanContext.builder().build(), report);
        return report;
    }

    @Test
    void aLinkedArchiveWithAPasswordInTheTextIsAnEncryptedArchiveNoScannerCanOpen() {
        ScanReport report = links("Please see the figures in the archive below. Password: Q3-2026\n"
            + "https://files.example.org/share/Q3_budget_final.zip");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals(Downloads.PASSWORD_RULE)).singleElement()
            .satisfies(f -> {
                assertThat(f.score()).isEqualTo(Downloads.PASSWORD_SCORE);
                assertThat(f.detail()).contains("'Q3_budget_final.zip'").contains("(Password Q3-2026)");
            });
        assertThat(links("解压密码：8812，文件在这里 https://files.example.org/share/report.rar").hasRule(Downloads.PASSWORD_RULE)).isTrue();
        // A program is not an archive (link.risky-download scores it), and a password beside a page link is not this.
        assertThat(links("Password: Q3-2026\nhttps://files.example.org/share/setup.exe").hasRule(Downloads.PASSWORD_RULE)).isFalse();
        assertThat(links("Your temporary password: Q3-2026\nhttps://files.example.org/share/report.pdf")
            .hasRule(Downloads.PASSWORD_RULE)).isFalse();
        assertThat(links("The figures are in the archive https://files.example.org/share/Q3.zip, and the password-protected "
            + "sheet follows by phone.").hasRule(Downloads.PASSWORD_RULE)).isFalse();
    }
}
