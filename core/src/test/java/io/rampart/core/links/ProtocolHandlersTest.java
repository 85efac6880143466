package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

class ProtocolHandlersTest {
    private static Optional<Finding> check(String raw) {
        return ProtocolHandlers.check(raw, "northwind-software.com", "html href");
    }

    @Test
    void windowsHandlersThatRunWhatASiteGivesThemAreMalware() {
        assertThat(check("ms-msdt:/id PCWDiagnostic /skip force /param \"IT_BrowseForFile=x\"")).hasValueSatisfying(f -> {
            assertThat(f.rule()).isEqualTo(ProtocolHandlers.HANDLER_RULE);
            assertThat(f.score()).isEqualTo(ProtocolHandlers.HANDLER_SCORE);
            assertThat(f.category()).isEqualTo(Category.MALWARE);
        });
        assertThat(check("ms-appinstaller:?source=https://teams-update.example/Teams.appinstaller")).isPresent();
        assertThat(check("ms-officecmd:{\"id\":3,\"LocalProviders.LaunchOfficeAppForResult\":{}}")).isPresent();
    }

    @Test
    void windowsSearchOnARemoteShareIsMalwareAndALocalSearchIsNot() {
        assertThat(check("search-ms:query=invoice&crumb=location:%5C%5Cinvoice-share.trycloudflare.com@SSL%5CDavWWWRoot"
            + "&displayname=Invoices")).hasValueSatisfying(f ->
            assertThat(f.detail()).contains("remote location invoice-share.trycloudflare.com"));
        assertThat(check("search-ms:query=budget&displayname=Search")).isEmpty();
    }

    @Test
    void anOfficeUriOnAnotherSiteWeighsLessAndSharePointsOwnIsNothing() {
        assertThat(check("ms-word:ofe|u|https://files-share.example/contract.docx")).hasValueSatisfying(f ->
            assertThat(f.score()).isEqualTo(ProtocolHandlers.OFFICE_URI_SCORE));
        assertThat(check("ms-word:ofe|u|https://acme.sharepoint.com/sites/legal/Shared%20Documents/contract.docx")).isEmpty();
        assertThat(check("ms-excel:ofv|u|https://www.northwind-software.com/reports/q4.xlsx")).as("the sender's own site").isEmpty();
    }

    @Test
    void aFileLinkToAnotherComputerLeaksCredentialsAndOneToTheOwnDiskDoesNot() {
        assertThat(check("file:///\\\\203.0.113.50\\share\\Q4.rtf!something")).hasValueSatisfying(f -> {
            assertThat(f.rule()).isEqualTo(ProtocolHandlers.REMOTE_FILE_RULE);
            assertThat(f.detail()).contains("computer 203.0.113.50");
        });
        assertThat(check("file://fileshare.attacker.example/public/report.pdf")).isPresent();
        assertThat(check("file:////fs01.example/share/a.docx")).isPresent();
        assertThat(check("\\\\fs01.example\\share\\a.docx")).isPresent();
        assertThat(check("file:///C:/Users/john/Documents/report.docx")).isEmpty();
        assertThat(check("file:///home/john/report.pdf")).isEmpty();
        assertThat(check("file://localhost/etc/hosts")).isEmpty();
        assertThat(check("https://example.com/file://x")).isEmpty();
    }
}
