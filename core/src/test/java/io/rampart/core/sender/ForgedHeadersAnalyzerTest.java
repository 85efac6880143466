package io.rampart.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.MessageParser;

class ForgedHeadersAnalyzerTest {
    private static final ScanContext INBOUND = ScanContext.builder().localDomains(ImmutableSet.of("acme-corp.com")).build();
    private static final String OE6 = "X-Mailer: Microsoft Outlook Express 6.00.2800.1158\n"
        + "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2800.1165\n";

    /** The headers given, with a Date unless they have one (its absence is a rule of its own). */
    private static ScanReport analyze(String headers, ScanContext context) {
        return analyzeExactly(headers.startsWith("Date:") || headers.contains("\nDate:") ? headers
            : headers.replaceAll("\n+$", "") + "\nDate: Tue, 03 Sep 2002 14:01:33 +0200", context);
    }

    private static ScanReport analyzeExactly(String headers, ScanContext context) {
        ScanReport report = new ScanReport();
        new ForgedHeadersAnalyzer().analyze(
            new MessageParser().parse((headers + "\n\nbody\n").getBytes(StandardCharsets.UTF_8)), context, report);
        return report;
    }

    private static ScanReport analyze(String headers) {
        return analyze(headers, INBOUND);
    }

    @Test
    void outlookExpressWritesDollarSeparatedIdentifiers() {
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <001c01c25341$94f8b7e0$0100a8c0@pc1>")
            .hasRule("sender.forged-mailer")).isFalse();
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <9d0301c25341$94f8b7e0$0100a8c0@pc1>")
            .hasRule("sender.forged-mailer")).isFalse();
    }

    @Test
    void outlookExpressWithAnotherProgramsIdentifierIsForged() {
        ScanReport report = analyze("From: a@shop.example\n" + OE6 + "Message-ID: <20050713.j6DFiGJh019079@mx.shop.example>");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("sender.forged-mailer");
            assertThat(finding.category()).isEqualTo(Category.SPAM);
            assertThat(finding.score()).isEqualTo(ForgedHeadersAnalyzer.FORGED_MAILER_SCORE);
            assertThat(finding.detail()).contains("Outlook Express 6.00.2800.1158", "<20050713.j6DFiGJh019079@mx.shop.example>");
        });
    }

    @Test
    void outlookExpressWithoutAnyIdentifierIsForged() {
        assertThat(analyze("From: a@shop.example\n" + OE6).findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("no Message-ID"));
    }

    @Test
    void identifiersOfWindowsMailHotmailAndMicrosoftServersAreAccepted() {
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <A1B2C3D4E5F60718293A4B5C6D7E8F90@pc1>").findings()).isEmpty();
        assertThat(analyze("From: a@hotmail.com\nDKIM-Signature: v=1\n" + OE6
            + "Message-ID: <OE12abcDEF34ghiJK56lmnOP78q@hotmail.com>").findings()).isEmpty();
        assertThat(analyze("From: a@shop.example\n" + OE6
            + "Message-ID: <BAY101-DAV12ABCDEFGHIJKLMNOPQRSTUVWXY@phx.gbl>").findings()).isEmpty();
        // Two builds real users ran that write other identifiers (SpamAssassin bug 5496).
        assertThat(analyze("From: a@shop.example\nX-Mailer: Microsoft Outlook Express 6.00.3790.3959\n"
            + "Message-ID: <x@y>").findings()).isEmpty();
    }

    @Test
    void outlook2002WithAnotherProgramsIdentifierIsForgedButModernOutlookIsNotJudged() {
        assertThat(analyze("From: a@shop.example\nX-Mailer: Microsoft Outlook, Build 10.0.2627\nMessage-ID: <abc@def>")
            .hasRule("sender.forged-mailer")).isTrue();
        assertThat(analyze("From: a@shop.example\nX-Mailer: Microsoft Outlook 16.0\nMessage-ID: <abc@def>").findings()).isEmpty();
        assertThat(analyze("From: a@shop.example\nX-Mailer: Apple Mail (2.3445)\nMessage-ID: <abc@def>").findings()).isEmpty();
    }

    @Test
    void outlookIdentifierWithoutTheMimeOleLineOutlookWritesIsForged() {
        String id = "Message-ID: <000801c25341$a3b2c4d0$6401a8c0@pc1>\n";
        assertThat(analyze("From: a@shop.example\n" + id).findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("X-MimeOLE"));
        assertThat(analyze("From: a@shop.example\n" + id + "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2800.1106")
            .findings()).isEmpty();
        assertThat(analyze("From: a@shop.example\n" + id
            + "Received: from pc1 ([10.0.0.5]) by mail.shop.example with Microsoft Exchange Server 6.0")
            .findings()).isEmpty();
        // Outlook 2007 and later end the identifier in "$@" and write no X-MimeOLE.
        assertThat(analyze("From: a@shop.example\nMessage-ID: <003601d7a1b2$3c4e5f60$b4eb1e20$@shop.example>")
            .findings()).isEmpty();
    }

    @Test
    void anOutlookIdentifierWrittenAtAnotherTimeThanTheMailIsForged() {
        // 01c25341 is the time token of 3 Sep 2002 12:01 UTC, the Date the helper adds.
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <000801c25341$a3b2c4d0$6401a8c0@pc1>")
            .hasRule("sender.forged-mailer")).isFalse();
        // A month later (01c26b5d): neither the Date nor the first relay's stamp is near it.
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <000801c26b5d$a3b2c4d0$6401a8c0@pc1>\n"
            + "Received: from pc1 (pc1 [10.0.0.5]) by mx.shop.example; Tue, 3 Sep 2002 12:02:10 GMT").findings())
            .singleElement().satisfies(finding -> assertThat(finding.detail())
                .contains("<000801c26b5d$a3b2c4d0$6401a8c0@pc1>", "not the mail's", "Tue, 03 Sep 2002 14:01:33 +0200"));
        // A Date off by a time zone mistake is within the slack; a Date far off with the first relay's stamp
        // agreeing is a wrong clock on the sender's machine, not a made-up identifier.
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <000801c25341$a3b2c4d0$6401a8c0@pc1>\n"
            + "Date: Tue, 03 Sep 2002 14:01:33 -0800").hasRule("sender.forged-mailer")).isFalse();
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <000801c25341$a3b2c4d0$6401a8c0@pc1>\n"
            + "Date: Sun, 01 Jan 1995 00:00:00 +0000\n"
            + "Received: from pc1 (pc1 [10.0.0.5]) by mx.shop.example; 3 Sep 02 12:05 GMT").hasRule("sender.forged-mailer"))
            .isFalse();
        // Without a Date that can be read there is nothing to compare with.
        assertThat(analyze("From: a@shop.example\n" + OE6 + "Message-ID: <000801c26b5d$a3b2c4d0$6401a8c0@pc1>\n"
            + "Date: sometime").hasRule("sender.forged-mailer")).isFalse();
    }

    @Test
    void outlookOnHtmlOnlyMailIsNotJudged() {
        // SpamAssassin's FORGED_OUTLOOK_HTML: its mass-checks weigh it 0.001, so Rampart does not use it.
        String htmlOnly = "From: a@shop.example\nDate: Tue, 03 Sep 2002 14:01:33 +0200\n"
            + "X-Mailer: Microsoft Office Outlook 12.0\nMIME-Version: 1.0\n"
            + "Content-Type: text/html\n\n<html><body><p>Hello</p></body></html>\n";
        ScanReport report = new ScanReport();
        new ForgedHeadersAnalyzer().analyze(new MessageParser().parse(htmlOnly.getBytes(StandardCharsets.UTF_8)), INBOUND, report);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void outlookImoAndBogusMimeVersionsAreForged() {
        String imo = "From: a@shop.example\nX-Mailer: Microsoft Outlook IMO Build 9.0.2416 (9.0.2910.0)\n";
        assertThat(analyze(imo + "Message-Id: <200209200951.KAA05000@webnote.example>").hasRule("sender.forged-mailer")).isTrue();
        assertThat(analyze(imo + "Message-Id: <ABCDEFGHIJKLMNOPABCDEFGHIJKL.pc1@shop.example>").findings()).isEmpty();

        assertThat(analyze("From: a@shop.example\nMIME-Version: 1.0; Windows-1252").findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("1.0; Windows-1252"));
        assertThat(analyze("From: a@shop.example\nMIME-Version: 1.0").findings()).isEmpty();
        assertThat(analyze("From: a@shop.example\nMIME-Version: 1.0 (Apple Message framework v1283)").findings()).isEmpty();
        assertThat(analyze("From: a@shop.example\nMIME-Version: 1.0 (Mac OS X Mail 16.0 \\(3731.500.231\\))").findings()).isEmpty();
    }

    @Test
    void aSpaceBeforeTheClosingBracketOfTheFromAddressIsABulkToolsMark() {
        assertThat(analyze("From: Life Line Screening <join_now_16372@ydekfih.tangoo.example >").findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("space before its '>'"));
        assertThat(analyze("From: Life Line Screening <join_now@tangoo.example>").findings()).isEmpty();
        assertThat(analyze("From: \"Doe, Jane\" <jane@shop.example> ").findings()).isEmpty();
    }

    @Test
    void aFromLineThatIsNoListOfMailboxesIsABulkToolsMark() {
        String[][] forged = {
            {"From: Microsoft account team ,_<8cmk5@mailer.example>", "name stands without an address"},
            {"From: Sex Venum, <service@shop.example>", "name stands without an address"},
            {"From: Temu, <service@shop.example.>, Temu, <service@shop.example>", "ends in a dot"},
            {"From: Nespresso <news@shop.example>,\n\t<News@shop.example>", "same address twice"},
            {"From: Beeilen Sie sich!,(<service@shop.example>)", "inside a comment"}};
        for (String[] example : forged) {
            assertThat(analyze(example[0]).findings()).as(example[0]).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("sender.forged-mailer");
                assertThat(finding.detail()).contains("no list of mailboxes", example[1]);
            });
        }
        for (String written : new String[] {"From: \"Doe, Jane\" <jane@shop.example>", "From: Doe, Jane <jane@shop.example>",
            "From: Jane Doe <jane@shop.example>, John Roe <john@shop.example>\nSender: jane@shop.example",
            "From: jane@shop.example (Jane Doe, Sales)", "From: =?utf-8?Q?Doe=2C_Jane?= <jane@shop.example>",
            "From: <jane@shop.example>"}) {
            assertThat(analyze(written).findings()).as(written).isEmpty();
        }
        String longName = "From: \"" + "\\\"".repeat(50_000) + "\" <jane@shop.example>";
        assertThat(analyze(longName).findings()).as("a 100,000-character quoted name is read without recursion").isEmpty();
    }

    @Test
    void aRandomStringForAnXMailerIsABulkToolsFiller() {
        for (String random : new String[] {"ArHA8IFlSSFNGzAMo", "AbopIANCYUGKLQUL7", "bNngf4C0mjSsqJIXFFxHjZeAH9ON5"}) {
            assertThat(analyze("From: marketing@securepro.example\nX-Mailer: " + random).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.detail()).contains(random, "random string"));
        }
        for (String program : new String[] {"ZimbraWebClient", "YahooMailWebService/0.8.111", "Smart_Send_3_1_6",
            "Apple Mail (2.3654.120.0.1.13)", "sendEmail-v1.33", "Sendinblue", "Evolution/1.0.2-5mdk"}) {
            assertThat(analyze("From: marketing@securepro.example\nX-Mailer: " + program).findings()).as(program).isEmpty();
        }
    }

    @Test
    void aReceivedLineOnATwelveHourClockIsMadeUp() {
        assertThat(analyze("From: a@xo.example\nReceived: from unknown (HELO mail.gmx.net) (171.245.226.233)by\n"
            + "    rly-xl04.mx.aol.com with local; Sep, 11 2002 9:22:08 PM -0200").findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("9:22:08 PM", "12-hour clock"));
        assertThat(analyze("From: a@xo.example\nReceived: from mail.example.org (mail.example.org [192.0.2.1]) by mx.acme-corp.com\n"
            + "    (Postfix) with ESMTPS id 4F2A1 for <bob@acme-corp.com>; Thu, 26 Nov 2026 21:22:08 +0000 (UTC)").findings()).isEmpty();
        assertThat(analyze("From: a@xo.example\nReceived: from 34.57.158.148 by rly-xr02.mx.aol.com with local;\n"
            + "    Feb, 20 2002 14:48:58 +0400").findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).contains("month first"));
        // A day-first date without a weekday (qmail's) and "PM" before the date (a host or an id) are not made up.
        assertThat(analyze("From: a@xo.example\nReceived: (qmail 1234 invoked by uid 500); 22 Sep 2002 03:44:00 -0000")
            .findings()).isEmpty();
        assertThat(analyze("From: a@xo.example\nReceived: from pm.example.org by 10:22 PM-relay.example.org;\n"
            + "    Thu, 26 Nov 2026 21:22:08 +0000").findings()).isEmpty();
    }

    @Test
    void aMassMailingProgramNamedInTheXMailerScores() {
        for (String tool : new String[] {"QuickSender 1.05", "VolleyMail.net 5.9[cn]", "JiXing mailer V1.75 Design By JohnnieHuang",
            "Easy DM free", "Atlas Mailer 2.0"}) {
            assertThat(analyze("From: future@businez.example\nX-Mailer: " + tool).findings()).as(tool).singleElement()
                .satisfies(finding -> assertThat(finding.rule()).isEqualTo("sender.bulk-mailer"));
        }
        for (String program : new String[] {"Mailchimp Mailer - **CID1234**", "PHPMailer 6.8.0 (https://github.com/PHPMailer/PHPMailer)",
            "Sendinblue", "Microsoft Outlook 16.0"}) {
            assertThat(analyze("From: news@shop.example\nX-Mailer: " + program).findings()).as(program).isEmpty();
        }
    }

    @Test
    void aFromWithoutAnAddressIsNotWhatAMailProgramWrites() {
        assertThat(analyze("From: \"Sally Burton\" <>\nMessage-ID: <a@b.example>").findings()).singleElement()
            .satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("sender.no-from-address");
                assertThat(finding.detail()).contains("Sally Burton");
            });
        assertThat(analyze("From: Rachid Ramiro\nMessage-ID: <a@b.example>").hasRule("sender.no-from-address")).isTrue();
        assertThat(analyze("Subject: no sender\nMessage-ID: <a@b.example>").findings()).singleElement()
            .satisfies(finding -> assertThat(finding.detail()).isEqualTo("there is no From header"));
        assertThat(analyze("From: Sally Burton <sally@charity.example>\nMessage-ID: <a@b.example>").findings()).isEmpty();
        // Mail a local user sends is not judged here.
        assertThat(analyze("From: Rachid Ramiro\nMessage-ID: <a@b.example>", ScanContext.builder().flow(Flow.OUTBOUND)
            .authenticatedUser(java.util.Optional.of("rachid@acme-corp.com")).build()).findings()).isEmpty();
    }

    @Test
    void aTimeZoneNoPlaceHasIsMadeUp() {
        assertThat(analyze("From: a@shop.example\nDate: Tue, 03 Sep 2002 14:01:33 -1700").findings()).singleElement()
            .satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("sender.impossible-date");
                assertThat(finding.detail()).contains("-1700");
            });
        assertThat(analyze("From: a@shop.example\nDate: Tue, 03 Sep 2002 14:01:33 +0820").hasRule("sender.impossible-date")).isTrue();
        for (String zone : new String[] {"+0000", "-0800", "+0530", "+0545", "+1400", "-0930", "+1245"}) {
            assertThat(analyze("From: a@shop.example\nDate: Tue, 03 Sep 2002 14:01:33 " + zone).findings()).as(zone).isEmpty();
        }
        assertThat(analyze("From: a@shop.example\nDate: Tue, 03 Sep 2002 14:01:33 GMT").findings()).isEmpty();
    }

    @Test
    void mailFromOutsideWithoutADateWasWrittenByHand() {
        assertThat(analyzeExactly("From: a@shop.example\nSubject: offer", INBOUND).findings()).singleElement()
            .satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("sender.missing-date");
                assertThat(finding.score()).isEqualTo(ForgedHeadersAnalyzer.MISSING_DATE_SCORE);
            });
        assertThat(analyzeExactly("From: a@shop.example\nDate:   ", INBOUND).hasRule("sender.missing-date")).isTrue();
        assertThat(analyzeExactly("From: a@shop.example\nDate: Tue, 03 Sep 2002 14:01:33 +0200", INBOUND).findings())
            .isEmpty();
        // A local user's client that leaves it out is not judged: the submission server's business.
        assertThat(analyzeExactly("From: bob@acme-corp.com", ScanContext.builder().flow(Flow.OUTBOUND)
            .authenticatedUser(Optional.of("bob@acme-corp.com")).build()).findings()).isEmpty();
    }

    @Test
    void aMessageIdThatIsNoIdentifierWasWrittenByHand() {
        for (String id : new String[] {"<20020903140133>", "20020903140133@shop.example", "<abc def@shop.example>",
            "<abc@shop.example", "<>", "<abc@shop.example><def@shop.example>"}) {
            assertThat(analyze("From: a@shop.example\nMessage-ID: " + id).findings()).as(id).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo("sender.invalid-message-id");
                    assertThat(finding.detail()).contains(id);
                });
        }
        for (String id : new String[] {"<20020903140133.GA1234@mx.shop.example>", "<CAF=+x_Q-9@mail.gmail.com>",
            "<abc@[192.0.2.1]>", "<1234@pc1> (Outlook)", "  <a.b@c>  "}) {
            assertThat(analyze("From: a@shop.example\nMessage-ID: " + id).findings()).as(id).isEmpty();
        }
        assertThat(analyze("From: a@shop.example").findings()).isEmpty();
        assertThat(analyze("From: bob@acme-corp.com\nMessage-ID: <20020903140133>", ScanContext.builder()
            .flow(Flow.OUTBOUND).authenticatedUser(Optional.of("bob@acme-corp.com")).build()).findings()).isEmpty();
    }

    @Test
    void freeMailWithoutItsSignatureIsNotFromTheProvider() {
        ScanReport report = analyze("From: Lily <lily.w@gmail.com>\nSubject: cheap watches\nMessage-ID: <x@y>");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("sender.unsigned-free-mail");
            assertThat(finding.score()).isEqualTo(ForgedHeadersAnalyzer.UNSIGNED_FREE_MAIL_SCORE);
            assertThat(finding.detail()).contains("lily.w@gmail.com", "DKIM");
        });
        assertThat(analyze("From: x@mail.163.com\nSubject: 发票").hasRule("sender.unsigned-free-mail")).isTrue();
    }

    @Test
    void signedRepliedListedOrVerifiedFreeMailIsNotJudged() {
        assertThat(analyze("From: lily.w@gmail.com\nDKIM-Signature: v=1; a=rsa-sha256; d=gmail.com; s=20230601; b=abc")
            .findings()).isEmpty();
        assertThat(analyze("From: lily.w@gmail.com\nAuthentication-Results: mx.acme-corp.com; dkim=pass header.d=gmail.com")
            .findings()).isEmpty();
        assertThat(analyze("From: lily.w@gmail.com\nIn-Reply-To: <a@b>").findings()).isEmpty();
        assertThat(analyze("From: lily.w@gmail.com\nSubject: Re: lunch").findings()).isEmpty();
        assertThat(analyze("From: lily.w@gmail.com\nSubject: 回复：周报").findings()).isEmpty();
        assertThat(analyze("From: lily.w@gmail.com\nList-Id: <users.james.apache.org>").findings()).isEmpty();
        assertThat(analyze("From: someone@small-isp.example").findings()).isEmpty();
    }

    @Test
    void unsignedFreeMailIsJudgedOnlyOnMailFromOutside() {
        assertThat(analyze("From: lily.w@gmail.com", ScanContext.builder().flow(Flow.OUTBOUND)
            .authenticatedUser(Optional.of("bob@acme-corp.com")).build()).findings()).isEmpty();
        assertThat(analyze("From: lily.w@gmail.com", ScanContext.builder()
            .authenticatedUser(Optional.of("bob@acme-corp.com")).build()).findings()).isEmpty();
    }
}
