package io.rampart.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.MailMarks;

class RampartScanTest {
    static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private RampartScan mailet;

    @BeforeEach
    void setUp() throws Exception {
        LocalDomains localDomains = mock(LocalDomains.class);
        when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
        mailet = new RampartScan(Rampart.start(withoutModel()), localDomains);
        mailet.init(FakeMailetConfig.builder().mailetName("RampartScan").setProperty("flow", "inbound").build());
    }

    /** The recording is under test, not detection: without the statistical model, scores are exact. */
    static RampartConfiguration withoutModel() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("detection.model", "off");
        return RampartConfiguration.parse("test", properties);
    }

    static Mail mail(String body) throws MessagingException {
        return FakeMail.builder().name("mail1").sender("someone@example.net").recipient("alice@acme-corp.com")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addFrom("someone@example.net").setSubject("Hello").setText(body)
                .addHeader(MailMarks.VERDICT_HEADER, "clean; score=0.00; rules=none")
                .addHeader(MailMarks.DIRECTION_HEADER, "internal"))
            .build();
    }

    @Test
    void aMailBombShouldBeAnAlertAndOneNoticeToSecurity() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("detection.model", "off");
        properties.setProperty("detection.flood.senders", "2");
        Rampart rampart = Rampart.start(RampartConfiguration.parse("test", properties));
        LocalDomains localDomains = mock(LocalDomains.class);
        when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
        when(localDomains.defaultDomain()).thenReturn("acme-corp.com");
        org.apache.mailet.base.test.FakeMailContext context = org.apache.mailet.base.test.FakeMailContext.defaultContext();
        RampartScan inbound = new RampartScan(rampart, localDomains);
        inbound.init(FakeMailetConfig.builder().mailetName("RampartScan").mailetContext(context).setProperty("flow", "inbound")
            .build());

        for (String sender : new String[] {"welcome@shop-one.com", "welcome@shop-two.com", "welcome@shop-three.com"}) {
            inbound.service(FakeMail.builder().name(sender).sender(sender).recipient("alice@acme-corp.com")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addFrom(sender).setSubject("Welcome").setText("Thanks for "
                    + "signing up!")).build());
        }

        assertThat(rampart.alerts().list(0, 10)).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.user()).isEqualTo("alice@acme-corp.com");
            assertThat(alert.rule()).isEqualTo("inbound.mail-flood");
        });
        assertThat(context.getSentMails()).as("one notice per recipient per alert interval").singleElement()
            .satisfies(sent -> {
                assertThat(sent.getRecipients()).extracting(Object::toString).containsExactly("security@acme-corp.com");
                assertThat(sent.getMsg().getSubject()).contains("Mail bomb", "alice@acme-corp.com");
            });
    }

    @Test
    void spamShouldBeRecordedAsAttributesAndHeaders() throws Exception {
        Mail mail = mail("Buy now " + GTUBE);

        mailet.service(mail);

        assertThat(RampartAct.stringAttribute(mail, MailMarks.VERDICT_ATTRIBUTE)).contains("spam");
        assertThat(RampartAct.stringAttribute(mail, MailMarks.FLOW_ATTRIBUTE)).contains("inbound");
        assertThat(RampartAct.stringAttribute(mail, MailMarks.RULES_ATTRIBUTE)).contains("gtube");
        assertThat(RampartAct.stringAttribute(mail, MailMarks.SCORE_ATTRIBUTE)).contains("100.0");
        assertThat(RampartAct.stringAttribute(mail, MailMarks.VERDICT_JSON_ATTRIBUTE).orElseThrow())
            .contains("\"verdict\":\"spam\"").contains("\"rule\":\"gtube\"");
        assertThat(mail.getMessage().getHeader(MailMarks.VERDICT_HEADER)).containsExactly("spam; score=100.00; rules=gtube");
        assertThat(mail.getMessage().getHeader(MailMarks.DIRECTION_HEADER)).containsExactly("inbound");
    }

    @Test
    void cleanMailShouldBeTaggedCleanReplacingForgedHeaders() throws Exception {
        Mail mail = mail("See you at lunch.");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader(MailMarks.VERDICT_HEADER)).containsExactly("clean; score=0.00; rules=none");
        assertThat(mail.getMessage().getHeader(MailMarks.DIRECTION_HEADER)).containsExactly("inbound");
    }

    /**
     * As James receives it: a MimeMessageWrapper over the bytes, its headers already touched by an earlier
     * mailet (the root processor removes Bcc). JavaMail cannot re-parse this multipart (no start boundary);
     * the mail used to fail the mailet and land in the error repository instead of being scanned.
     */
    @Test
    void malformedMultipartWithTouchedHeadersShouldStillBeScannedAndTagged() throws Exception {
        String raw = "From: someone@example.net\r\nTo: alice@acme-corp.com\r\nSubject: broken\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\n"
            + "No boundary ever starts here. " + GTUBE + "\r\n";
        org.apache.james.server.core.MimeMessageWrapper message = new org.apache.james.server.core.MimeMessageWrapper(
            org.apache.james.server.core.MimeMessageInputStreamSource.create("broken",
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        message.removeHeader("Bcc");
        assertThatThrownBy(message::saveChanges).isInstanceOf(MessagingException.class);
        Mail mail = FakeMail.builder().name("broken").sender("someone@example.net").recipient("alice@acme-corp.com")
            .mimeMessage(message).build();

        mailet.service(mail);

        assertThat(RampartAct.stringAttribute(mail, MailMarks.RULES_ATTRIBUTE)).contains("gtube");
        assertThat(mail.getMessage().getHeader(MailMarks.VERDICT_HEADER)).containsExactly("spam; score=100.00; rules=gtube");
        assertThat(new String(MailBytes.of(mail.getMessage()), java.nio.charset.StandardCharsets.US_ASCII))
            .contains("X-Rampart-Verdict: spam").contains("No boundary ever starts here.");
    }

    @Nested
    class LearningPeoplesNames {
        private Rampart rampart;
        private RampartScan internal;

        @BeforeEach
        void setUp() throws Exception {
            LocalDomains localDomains = mock(LocalDomains.class);
            when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
            rampart = Rampart.start(withoutModel());
            internal = new RampartScan(rampart, localDomains);
            internal.init(FakeMailetConfig.builder().mailetName("RampartScan").setProperty("flow", "internal").build());
        }

        private Mail sent(String authenticatedUser, String from, String body) throws MessagingException {
            FakeMail.Builder builder = FakeMail.builder().name("sent").sender("alice@acme-corp.com")
                .recipient("bob@acme-corp.com")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addFrom(from).setSubject("Hi").setText(body));
            if (authenticatedUser != null) {
                builder.attribute(new org.apache.mailet.Attribute(Mail.SMTP_AUTH_USER,
                    org.apache.mailet.AttributeValue.of(authenticatedUser)));
            }
            return builder.build();
        }

        @Test
        void cleanMailFromAUserTeachesTheNameTheySendUnder() throws Exception {
            internal.service(sent("alice@acme-corp.com", "\"Alice Chen\" <alice@acme-corp.com>", "See you at lunch."));

            assertThat(rampart.people().lookup("Chen, Alice")).hasValueSatisfying(known ->
                assertThat(known.address()).contains("alice@acme-corp.com"));
        }

        @Test
        void aUserAuthenticatedWithoutDomainTeachesTheNameOfTheirLocalAddress() throws Exception {
            internal.service(sent("alice", "\"Alice Chen\" <alice@acme-corp.com>", "See you at lunch."));
            internal.service(sent("bob", "\"Bob Smith\" <bob@elsewhere.example>", "See you at lunch."));

            assertThat(rampart.people().all()).extracting(known -> known.name() + " " + known.address().orElse(""))
                .containsExactly("Alice Chen alice@acme-corp.com");
        }

        @Test
        void spamAnotherAddressOrNoAuthenticationTeachNothing() throws Exception {
            internal.service(sent("alice@acme-corp.com", "\"Alice Chen\" <alice@acme-corp.com>", "Buy now " + GTUBE));
            internal.service(sent("alice@acme-corp.com", "\"Bob Smith\" <bob@acme-corp.com>", "See you at lunch."));
            internal.service(sent(null, "\"Carol Jones\" <carol@acme-corp.com>", "See you at lunch."));

            assertThat(rampart.people().all()).isEmpty();
        }

        @Test
        void inboundMailTeachesNothing() throws Exception {
            LocalDomains localDomains = mock(LocalDomains.class);
            when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
            RampartScan inbound = new RampartScan(rampart, localDomains);
            inbound.init(FakeMailetConfig.builder().mailetName("RampartScan").setProperty("flow", "inbound").build());

            inbound.service(sent("alice@acme-corp.com", "\"Alice Chen\" <alice@acme-corp.com>", "See you at lunch."));

            assertThat(rampart.people().all()).isEmpty();
        }
    }

    @Nested
    class InvalidConfiguration {
        @Test
        void missingFlowShouldBeRejected() {
            assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("RampartScan").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessage("RampartScan: the 'flow' parameter is required (inbound, outbound or internal)");
        }

        @Test
        void unknownFlowShouldBeRejected() {
            assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("RampartScan")
                .setProperty("flow", "sideways").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessage("RampartScan: parameter 'flow': 'sideways' is not a flow; expected one of inbound, outbound, internal");
        }

        @Test
        void unknownParameterShouldBeRejected() {
            assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("RampartScan")
                .setProperty("flow", "inbound").setProperty("flwo", "x").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("flwo");
        }
    }
}
