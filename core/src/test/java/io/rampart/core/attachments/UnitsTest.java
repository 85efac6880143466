package io.rampart.core.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.ScanReport;
import io.rampart.core.attachments.archive.ArchiveMember;
import io.rampart.core.attachments.archive.RarLister;
import io.rampart.core.attachments.images.CodePayload;
import io.rampart.core.attachments.images.LureWords;
import io.rampart.core.config.AttachmentSettings;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;

/** The small pieces: RAR listing, payload classes, names, the URL seam. */
class UnitsTest {
    @Nested
    class Rar {
        @Test
        void rar4ShouldListNamesSizesAndEncryption() {
            RarLister.Listing listing = RarLister.list(Documents.rar4("docs\\invoice.pdf.exe", Documents.PE, true), 10);

            assertThat(listing.headersEncrypted()).isFalse();
            assertThat(listing.truncated()).isFalse();
            assertThat(listing.members()).singleElement().satisfies(member -> {
                assertThat(member.name()).isEqualTo("docs\\invoice.pdf.exe");
                assertThat(member.size()).isEqualTo(Documents.PE.length);
                assertThat(member.encrypted()).isTrue();
                assertThat(member.content()).isEmpty();
            });
        }

        @Test
        void rar5ShouldListNamesSizesAndEncryption() {
            byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
            RarLister.Listing plain = RarLister.list(Documents.rar5("a/run.vbs", content, false), 10);
            RarLister.Listing encrypted = RarLister.list(Documents.rar5("secret.js", content, true), 10);

            assertThat(plain.members()).extracting(ArchiveMember::name).containsExactly("a/run.vbs");
            assertThat(plain.members().get(0).size()).isEqualTo(5);
            assertThat(plain.members().get(0).encrypted()).isFalse();
            assertThat(encrypted.members()).extracting(ArchiveMember::encrypted).containsExactly(true);
        }

        @Test
        void truncatedRarShouldEndTheListingWithoutThrowing() {
            byte[] rar = Documents.rar4("setup.exe", Documents.PE, false);
            byte[] truncated = java.util.Arrays.copyOf(rar, 30);

            RarLister.Listing listing = RarLister.list(truncated, 10);

            assertThat(listing.members()).isEmpty();
        }
    }

    @Nested
    class Payloads {
        @Test
        void classifyShouldRecogniseEachFamily() {
            assertThat(CodePayload.classify("https://a.example/x").kind()).isEqualTo(CodePayload.Kind.URL);
            assertThat(CodePayload.classify("000201010212BR.GOV.BCB.PIX").description()).isEqualTo("PIX payment request");
            assertThat(CodePayload.classify("bitcoin:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh?amount=0.1").kind())
                .isEqualTo(CodePayload.Kind.PAYMENT);
            assertThat(CodePayload.classify("BCD\n002\n1\nSCT\n\nACME\nDE89370400440532013000\nEUR12.3").kind())
                .isEqualTo(CodePayload.Kind.PAYMENT);
            assertThat(CodePayload.classify("WIFI:S:guest;T:WPA;P:secret;;").kind()).isEqualTo(CodePayload.Kind.CONTACT);
            assertThat(CodePayload.classify("Order 1234, see www.shop.example/o/1234").url())
                .contains("www.shop.example/o/1234");
        }
    }

    @Nested
    class Names {
        @Test
        void extensionsShouldIgnoreTrailingDotsSpacesAndBidiControls() {
            assertThat(FileTypes.extension("invoice.pdf .exe. ")).isEqualTo("exe");
            assertThat(FileTypes.innerExtension("invoice.pdf          .exe")).isEqualTo("pdf");
            assertThat(FileTypes.extension("photo\u202Egnp.scr")).isEqualTo("scr");
            assertThat(FileTypes.hasBidiControl("photo\u202Egnp.scr")).isTrue();
            assertThat(FileTypes.hasBidiControl("photo.png")).isFalse();
        }

        @Test
        void lureWordsShouldMatchEnglishAndChinese() {
            assertThat(LureWords.found("Your MAILBOX password expires today")).contains("mailbox", "password");
            assertThat(LureWords.found("您的邮箱 密码 即将过期，请扫码验证")).contains("邮箱", "密码", "过期", "扫码", "验证");
        }
    }

    @Nested
    class UrlSeam {
        @Test
        void pluggedInspectorShouldReceiveEveryUrlOnceWithItsOrigin() {
            List<String> seen = new ArrayList<>();
            AttachmentAnalyzer analyzer = new AttachmentAnalyzer(AttachmentSettings.defaults(),
                (url, where, context, report) -> seen.add(where + " -> " + url));
            byte[] image = Fixtures.png(Fixtures.qr(Fixtures.PHISH_URL, 5));
            ParsedMessage message = ParsedMessage.builder()
                .attachment(Attachment.of("1.2", Optional.of("a.png"), "image/png", false, Optional.empty(), image))
                .attachment(Attachment.of("1.3", Optional.of("b.png"), "image/png", false, Optional.empty(), image))
                .build();
            ScanReport report = new ScanReport();

            analyzer.analyze(message, Fixtures.context(), report);

            assertThat(seen).containsExactly("QR code in 'a.png' (part 1.2) -> " + Fixtures.PHISH_URL);
            assertThat(report.urls()).containsExactly(Fixtures.PHISH_URL);
            assertThat(report.hashes()).containsExactly(Attachment.sha256(image));
        }
    }
}
