package io.rampart.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Properties;

import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.MailMarks;

class FlowMatcherTest {
    private static final String LOCAL = "acme-corp.com";
    private static final MailAddress ALICE = address("alice@" + LOCAL);
    private static final MailAddress BOB = address("bob@" + LOCAL);
    private static final MailAddress PARTNER = address("partner@example.org");
    private static final Attribute AUTHENTICATED = new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice@" + LOCAL));

    private MailetContext context;
    private Rampart rampart;

    @BeforeEach
    void setUp() {
        context = mock(MailetContext.class);
        when(context.isLocalServer(any(Domain.class))).thenAnswer(call -> call.<Domain>getArgument(0).asString().equals(LOCAL));
        rampart = Rampart.start(RampartConfiguration.defaults());
    }

    private <T extends FlowMatcher> T init(T matcher, String name) throws MessagingException {
        matcher.init(FakeMatcherConfig.builder().matcherName(name).mailetContext(context).build());
        return matcher;
    }

    @Test
    void unauthenticatedMailShouldBeInboundForLocalRecipientsOnly() throws Exception {
        Mail mail = FakeMail.builder().name("m").sender("someone@example.net").recipients(ALICE, PARTNER)
            .remoteAddr("203.0.113.7").build();

        assertThat(init(new IsInbound(rampart), "IsInbound").match(mail)).containsExactly(ALICE);
        assertThat(init(new IsInternal(rampart), "IsInternal").match(mail)).isEmpty();
        assertThat(init(new IsOutbound(rampart), "IsOutbound").match(mail)).isEmpty();
    }

    @Test
    void authenticatedMailShouldBeSplitIntoInternalAndOutbound() throws Exception {
        Mail mail = FakeMail.builder().name("m").sender(ALICE).recipients(BOB, PARTNER).attribute(AUTHENTICATED).build();

        assertThat(init(new IsInternal(rampart), "IsInternal").match(mail)).containsExactly(BOB);
        assertThat(init(new IsOutbound(rampart), "IsOutbound").match(mail)).containsExactly(PARTNER);
        assertThat(init(new IsInbound(rampart), "IsInbound").match(mail)).isEmpty();
    }

    @Test
    void mailFromATrustedNetworkShouldCountAsLocallySubmitted() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("network.trustedNetworks", "10.0.0.0/8, 192.0.2.1");
        Rampart trusting = Rampart.start(RampartConfiguration.parse("test", properties));
        Mail mail = FakeMail.builder().name("m").sender(ALICE).recipients(BOB).remoteAddr("10.1.2.3").build();

        assertThat(init(new IsInternal(trusting), "IsInternal").match(mail)).containsExactly(BOB);
        assertThat(init(new IsInbound(trusting), "IsInbound").match(mail)).isEmpty();
    }

    @Test
    void mailSentByAnotherMailetShouldCountAsLocallySubmitted() throws Exception {
        Mail mail = FakeMail.builder().name("m").sender(ALICE).recipients(BOB).attribute(Mail.SENT_BY_MAILET_ATTRIBUTE).build();

        assertThat(init(new IsInternal(rampart), "IsInternal").match(mail)).containsExactly(BOB);
    }

    @Test
    void mailRampartSentShouldMatchNoFlow() throws Exception {
        Mail mail = FakeMail.builder().name("m").sender("rampart-noreply@" + LOCAL).recipients(BOB)
            .attribute(new Attribute(AttributeName.of(MailMarks.ORIGIN_ATTRIBUTE), AttributeValue.of(MailMarks.ORIGIN_RAMPART)))
            .build();

        assertThat(init(new IsInbound(rampart), "IsInbound").match(mail)).isEmpty();
        assertThat(init(new IsInternal(rampart), "IsInternal").match(mail)).isEmpty();
        assertThat(new IsRampartMail().match(mail)).containsExactly(BOB);
    }

    @Test
    void mailAlreadySortedShouldMatchNoFlowAgain() throws Exception {
        Mail mail = FakeMail.builder().name("m").sender("someone@example.net").recipients(ALICE)
            .attribute(new Attribute(AttributeName.of(MailMarks.FLOW_ATTRIBUTE), AttributeValue.of("inbound"))).build();

        assertThat(init(new IsInbound(rampart), "IsInbound").match(mail)).isEmpty();
    }

    @Nested
    class InvalidConfiguration {
        @Test
        void aConditionShouldBeRejected() {
            assertThatThrownBy(() -> new IsInbound(rampart).init(FakeMatcherConfig.builder().matcherName("IsInbound")
                .condition("everything").mailetContext(context).build()))
                .isInstanceOf(MessagingException.class)
                .hasMessage("IsInbound takes no condition, got 'everything'");
        }
    }

    private static MailAddress address(String value) {
        try {
            return new MailAddress(value);
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
