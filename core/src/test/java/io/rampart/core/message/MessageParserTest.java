package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class MessageParserTest {
    private final MessageParser parser = new MessageParser();

    @Test
    void shouldDecodeEncodedWordsInSubjectAndDisplayName() {
        byte[] raw = ("From: =?UTF-8?B?6LSi5Yqh6YOo?= <finance@example.net>\r\n"
            + "Subject: =?UTF-8?Q?Caf=C3=A9?= invoice\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.subject()).isEqualTo("Café invoice");
        assertThat(message.from().orElseThrow().displayName()).contains("财务部");
        assertThat(message.from().orElseThrow().address()).isEqualTo("finance@example.net");
    }

    @Test
    void aFoldedSubjectReadsAsItsMailProgramShowsIt() {
        byte[] raw = ("Subject: a long subject that\r\n        continues here,\r\n\t=?UTF-8?Q?Caf=C3=A9?=\r\n"
            + " =?UTF-8?Q?_cr=C3=A8me?=\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(raw).subject()).isEqualTo("a long subject that continues here, Café crème");
        assertThat(parser.parse("Subject: padded        on one line\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII))
            .subject()).isEqualTo("padded        on one line");
    }

    @Test
    void shouldDecodeGb2312BodyLabelledAsSuch() {
        byte[] body = "您的账户已被冻结，请立即验证".getBytes(Charset.forName("GB2312"));
        byte[] raw = concat(("Subject: test\r\nContent-Type: text/plain; charset=gb2312\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
            Base64.getMimeEncoder().encode(body));

        ParsedMessage message = parser.parse(raw);

        assertThat(message.texts()).hasSize(1);
        assertThat(message.texts().get(0).text()).isEqualTo("您的账户已被冻结，请立即验证");
    }

    @Test
    void base64BodyFollowedByAListFooterShouldYieldBoth() {
        byte[] html = ("<html><body><p>" + "Download the new SMS program from our site today. ".repeat(12)
            + "</p></body></html>").getBytes(StandardCharsets.US_ASCII);
        byte[] raw = concat(("Subject: t\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII), Base64.getMimeEncoder().encode(html),
            ("\r\n\r\n-------------------------------------------------------\r\nThis list is sponsored by: Example\r\n"
                + "_______________________________________________\r\nlist mailing list\r\nhttps://lists.example.net/listinfo/x\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        String text = parser.parse(raw).texts().get(0).text();

        assertThat(text).contains("Download the new SMS program").contains("This list is sponsored by")
            .doesNotContain("PGh0bWw");
    }

    @Test
    void proseLabelledBase64ShouldNotBeTakenForBase64LinesFollowedByAFooter() {
        assertThat(MessageParser.leadingBase64Lines("see you at ten\nand bring the slides\n-- \nBob\n"
            .getBytes(StandardCharsets.US_ASCII))).isZero();
        byte[] encoded = Base64.getMimeEncoder().encode("x".repeat(400).getBytes(StandardCharsets.US_ASCII));
        byte[] withFooter = concat(encoded, "\r\n\r\n-- \r\nlist footer\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(MessageParser.leadingBase64Lines(withFooter)).isEqualTo(encoded.length + 4);
        assertThat(MessageParser.leadingBase64Lines(encoded)).isEqualTo(encoded.length);
    }

    @Test
    void unlabelledHtmlShouldBeReadInTheCharsetItsMetaTagNames() {
        String turkish = "Değerli kullanıcımız, programımız çeşitli aksaklıklar sebebi ile kullanılamaz hale gelmiştir.";
        byte[] raw = concat("Subject: t\r\nContent-Type: text/html\r\n\r\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1254\"></head><body>"
            .getBytes(StandardCharsets.US_ASCII), turkish.getBytes(Charset.forName("windows-1254")),
            "</body></html>".getBytes(StandardCharsets.US_ASCII));

        assertThat(parser.parse(raw).texts().get(0).text()).contains(turkish);
    }

    @Test
    void shouldDetectGbkBodyWithoutCharsetLabel() {
        byte[] raw = concat("Subject: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            "财务部通知：请更新工资信息".getBytes(Charset.forName("GBK")));

        assertThat(parser.parse(raw).texts().get(0).text()).isEqualTo("财务部通知：请更新工资信息");
    }

    @Test
    void shouldDecodeRaw8bitGbkSubject() {
        byte[] raw = concat("Subject: ".getBytes(StandardCharsets.US_ASCII), "人事部通知".getBytes(Charset.forName("GBK")),
            "\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(parser.parse(raw).subject()).isEqualTo("人事部通知");
    }

    @Test
    void shouldReadRawUtf8AndGbkDisplayNames() {
        byte[] raw = ("From: 财务部 <caiwu@x-corp.example>\r\nTo: \"张三\" <zhang@acme-corp.com>, Bob <bob@acme-corp.com>\r\n"
            + "Reply-To: DEWALT™ US0293<pay@shop.example>\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.from().orElseThrow().displayName()).contains("财务部");
        assertThat(message.from().orElseThrow().address()).isEqualTo("caiwu@x-corp.example");
        assertThat(message.to()).extracting(Address::displayName, Address::address).containsExactly(
            org.assertj.core.groups.Tuple.tuple(java.util.Optional.of("张三"), "zhang@acme-corp.com"),
            org.assertj.core.groups.Tuple.tuple(java.util.Optional.of("Bob"), "bob@acme-corp.com"));
        assertThat(message.replyTo()).singleElement().satisfies(address -> {
            assertThat(address.displayName()).contains("DEWALT™ US0293");
            assertThat(address.address()).isEqualTo("pay@shop.example");
        });
        byte[] gbk = concat("From: ".getBytes(StandardCharsets.US_ASCII), "人事部".getBytes(Charset.forName("GBK")),
            " <hr@x-corp.example>\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(parser.parse(gbk).from().orElseThrow().displayName()).contains("人事部");
        assertThat(MessageParser.encodeNonAscii("Bob <bob@acme-corp.com>")).isEqualTo("Bob <bob@acme-corp.com>");
    }

    @Test
    void aFromSplitByAnUnquotedCommaIsOneMailboxAndAnEmptyOneIsNone() {
        ParsedMessage split = parser.parse("From: Microsoft account team ,_<no-reply@access-accsecurity.example>\r\n\r\nbody\r\n"
            .getBytes(StandardCharsets.UTF_8));
        assertThat(split.from().orElseThrow().displayName()).contains("Microsoft account team");
        assertThat(split.from().orElseThrow().address()).isEqualTo("no-reply@access-accsecurity.example");

        assertThat(parser.parse("From: \"Sally Burton\" <>\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8)).from()).isEmpty();
        assertThat(parser.parse("From: \"huang\"<google>\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8)).from()).isEmpty();
        ParsedMessage quoted = parser.parse("From: \"Doe, Jane\" <jane@shop.example>\r\nTo: a@x.example, Bob <b@x.example>\r\n\r\nbody\r\n"
            .getBytes(StandardCharsets.UTF_8));
        assertThat(quoted.from().orElseThrow().displayName()).contains("Doe, Jane");
        assertThat(quoted.to()).extracting(Address::address).containsExactly("a@x.example", "b@x.example");
    }

    @Test
    void shouldRenderHtmlAndKeepItsSource() {
        byte[] raw = ("Subject: t\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + "<html><body><p>Hello <a href=\"http://example.com\">there</a></p></body></html>\r\n")
            .getBytes(StandardCharsets.UTF_8);

        TextPart part = parser.parse(raw).texts().get(0);

        assertThat(part.text()).isEqualTo("Hello there");
        assertThat(part.html()).hasValueSatisfying(html -> assertThat(html).contains("href=\"http://example.com\""));
    }

    @Test
    void wordsSplitOverInlineElementsJoinUpAndCellsImagesAndBlocksStayApart() {
        byte[] raw = ("Subject: t\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Ver<span>ify</span> yo<b>ur</b>"
            + " <span>a</span><span>c</span><span>c</span>ount&nbsp;now, <a href=\"https://x.example\">here</a>.</p>"
            + "<table><tr><td>Name</td><td>Bob</td></tr></table>Logo<img src=\"cid:1\">Text<div>Block</div>end</body></html>\r\n")
            .getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(raw).texts().get(0).text())
            .isEqualTo("Verify your account now, here.\nName Bob\nLogo Text\nBlock\nend");
    }

    @Test
    void zeroSizeFillerInsideAWordIsLeftOutAndZeroSizeTextElsewhereKept() {
        byte[] raw = ("Subject: t\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Ver<span style=\"font-size:0px\">"
            + "qx7</span>ify your de<span style=\"font-size: 0.0000001vw\">Eliette</span>vice <span style=\"font-size:0\">"
            + "preheader words</span> small<span style=\"font-size:2px\">print</span></p></body></html>\r\n")
            .getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(raw).texts().get(0).text()).isEqualTo("Verify your device preheader words smallprint");
    }

    @Test
    void textARightToLeftOverrideTurnsRoundIsRenderedAsTheReaderSeesIt() {
        byte[] raw = ("Subject: t\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello,"
            + " <span style=\"unicode-bidi:bidi-override; direction:rtl\">drowssap ruoy <b>yfirev</b></span>"
            + " <bdo dir=\"rtl\">won</bdo>.</p><p dir=\"rtl\">left alone</p></body></html>\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(raw).texts().get(0).text()).isEqualTo("Hello, verify your password now .\nleft alone");
    }

    @Test
    void shouldExposeAttachmentsWithHashAndNestedMessages() {
        String inner = "From: a@example.net\r\nSubject: inner subject\r\n\r\ninner body\r\n";
        byte[] raw = ("Subject: outer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nouter body\r\n"
            + "--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getEncoder().encodeToString("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)) + "\r\n"
            + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner
            + "--b--\r\n").getBytes(StandardCharsets.US_ASCII);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.attachments()).extracting(Attachment::declaredType).contains("application/pdf", "message/rfc822");
        Attachment pdf = message.attachments().stream().filter(a -> a.fileName().isPresent()).findFirst().orElseThrow();
        assertThat(pdf.fileName()).contains("a.pdf");
        assertThat(pdf.sha256()).isEqualTo(Attachment.sha256("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)));
        assertThat(message.allText()).contains("outer body").contains("inner body").contains("inner subject");
    }

    @Test
    void theLeadingTextIsTheStartOfAllTheText() {
        ParsedMessage message = parser.parse(("Subject: outer\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; "
            + "boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
            + "second part\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII));
        String all = message.allText();

        assertThat(all).startsWith("outer\nfirst part").contains("second part");
        for (int max : new int[] {0, 3, 5, 6, 10, all.length() - 1, all.length(), all.length() + 10}) {
            assertThat(message.leadingText(max)).as("first %d", max).isEqualTo(all.substring(0, Math.min(max, all.length())));
        }
    }

    @Test
    void shouldStripMboxEnvelopeLine() {
        byte[] raw = "From someone@example.net Mon Jan  1 00:00:00 2002\nSubject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.subject()).isEqualTo("hi");
        assertThat(message.headers()).noneMatch(header -> header.name().startsWith("From "));
    }

    @Test
    void shouldRecordAProblemWhenPartCapIsHit() {
        StringBuilder raw = new StringBuilder("Subject: many\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < 50; i++) {
            raw.append("--b\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        }
        raw.append("--b--\r\n");

        ParsedMessage message = new MessageParser(ParserLimits.of(10, 5, 10_000, 1_000_000))
            .parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(message.problems()).containsExactly("more than 10 MIME parts: the rest was not scanned");
        assertThat(message.texts()).hasSize(9);
    }

    @Test
    void shouldRejoinASubjectFoldedAcrossEmptyLines() {
        // A bulk mailer's defect: empty lines between the encoded words of a folded Subject push the
        // rest of the header (To, Content-Type) into the body.
        String raw = "From: sender@example.cn\r\n"
            + "Subject: =?UTF-8?B?5YWN6LS5?=\r\n"
            + "\r\n"
            + " =?UTF-8?B?6K+V55So?=\r\n"
            + "\r\n"
            + " =?UTF-8?B?5LiA5Liq5pyI?=\r\n"
            + "To: someone@example.org\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "\r\n"
            + "<html><body><p>Hello <b>there</b></p></body></html>\r\n";

        ParsedMessage message = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(message.subject()).isEqualTo("免费试用一个月");
        assertThat(message.texts()).hasSize(1);
        assertThat(message.texts().get(0).isHtml()).isTrue();
        assertThat(message.texts().get(0).text()).contains("Hello there").doesNotContain("Content-Type");
        assertThat(message.anomalies()).singleElement().asString().contains("2 empty line(s)");
        assertThat(message.problems()).isEmpty();
    }

    @Test
    void shouldLeaveABodyThatOnlyLooksLikeAContinuationAlone() {
        String quotedHeaders = "Subject: =?UTF-8?B?5YWN6LS5?=\r\n\r\n"
            + " =?UTF-8?B?5YWN6LS5?= is how an encoded word looks\r\n"
            + "Note: this line is prose\r\n";
        String indentedForward = "Subject: fwd\r\n\r\n"
            + "   ----- Original Message -----\r\n"
            + "From: a@example.org\r\nTo: b@example.org\r\n\r\ntext\r\n";

        ParsedMessage first = parser.parse(quotedHeaders.getBytes(StandardCharsets.US_ASCII));
        ParsedMessage second = parser.parse(indentedForward.getBytes(StandardCharsets.US_ASCII));

        assertThat(first.anomalies()).isEmpty();
        assertThat(first.texts().get(0).text()).contains("is how an encoded word looks");
        assertThat(second.anomalies()).isEmpty();
        assertThat(second.texts().get(0).text()).contains("Original Message", "To: b@example.org");
    }

    @Test
    void shouldReadAnInlineTextPartThatNamesAFileAsTextAndKeepTheFile() {
        String raw = "Subject: offer\r\nContent-Type: text/html; charset=us-ascii\r\n"
            + "Content-Disposition: inline; filename=\"filename.html\"\r\n\r\n"
            + "<html><body>Dear Friend, EASY MONEY!</body></html>\r\n";

        ParsedMessage message = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(message.texts()).singleElement().satisfies(part -> {
            assertThat(part.isHtml()).isTrue();
            assertThat(part.text()).contains("Dear Friend, EASY MONEY!");
        });
        assertThat(message.attachments()).singleElement()
            .satisfies(attachment -> assertThat(attachment.fileName()).contains("filename.html"));
    }

    @Test
    void shouldKeepATextPartDisposedAsAttachmentAFileOnly() {
        String raw = "Subject: log\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nsee the log\r\n"
            + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"build.log\"\r\n\r\n"
            + "ERROR line 1\r\n--b--\r\n";

        ParsedMessage message = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(message.texts()).singleElement().satisfies(part -> assertThat(part.text()).contains("see the log"));
        assertThat(message.attachments()).singleElement()
            .satisfies(attachment -> assertThat(attachment.fileName()).contains("build.log"));
    }

    @Test
    void garbageShouldStillParse() {
        byte[] raw = new byte[] {0, 1, 2, (byte) 0xff, '\n', ':', ':', '\r'};

        ParsedMessage message = parser.parse(raw);

        assertThat(message.subject()).isEmpty();
    }

    private static byte[] concat(byte[]... arrays) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] array : arrays) {
            out.writeBytes(array);
        }
        return out.toByteArray();
    }
}
