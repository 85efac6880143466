package io.rampart.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.util.Properties;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.mailets.LocalDomains;

class RampartRejectHookTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private LocalDomains localDomains;
    private SMTPSession session;

    @BeforeEach
    void setUp() {
        localDomains = mock(LocalDomains.class);
        when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
        session = mock(SMTPSession.class);
        when(session.getRemoteAddress()).thenReturn(new InetSocketAddress("203.0.113.9", 40000));
    }

    private static RampartRejectHook hook(LocalDomains domains, String rejectScore) {
        Properties properties = new Properties();
        properties.setProperty("detection.model", "off");
        if (rejectScore != null) {
            properties.setProperty("flow.inbound.rejectScore", rejectScore);
        }
        return new RampartRejectHook(Rampart.start(RampartConfiguration.parse("test", properties)), domains);
    }

    private static Mail gtubeMail() throws Exception {
        return FakeMail.builder().name("m").sender("spammer@example.net").recipient("alice@acme-corp.com")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addFrom("spammer@example.net").setSubject("offer").setText(GTUBE)).build();
    }

    @Test
    void mailAboveRejectScoreShouldBeDeniedWithAOneLineReason() throws Exception {
        HookResult result = hook(localDomains, "50").onMessage(session, gtubeMail());

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpRetCode()).isEqualTo("550");
        assertThat(result.getSmtpDescription()).isEqualTo("5.7.1 Rejected by Rampart: spam (score 100.00, gtube)");
    }

    @Test
    void mailBelowRejectScoreShouldBeAcceptedAndKeepItsVerdict() throws Exception {
        Mail mail = gtubeMail();

        HookResult result = hook(localDomains, "500").onMessage(session, mail);

        assertThat(result).isEqualTo(HookResult.DECLINED);
        assertThat(mail.getAttribute(org.apache.mailet.AttributeName.of("rampart.preVerdictJson"))).isPresent();
    }

    @Test
    void withRejectOffMailShouldBeAcceptedAndKeepTheVerdictOfItsWireBytes() throws Exception {
        Mail mail = gtubeMail();

        assertThat(hook(localDomains, null).onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(mail.getAttribute(org.apache.mailet.AttributeName.of("rampart.preVerdictJson")))
            .hasValueSatisfying(attribute -> assertThat(String.valueOf(attribute.getValue().value())).contains("gtube"));
    }

    @Test
    void relayingClientsShouldNotBeJudgedHere() throws Exception {
        when(session.isRelayingAllowed()).thenReturn(true);
        Mail mail = gtubeMail();

        assertThat(hook(localDomains, "50").onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(mail.getAttribute(org.apache.mailet.AttributeName.of("rampart.preVerdictJson"))).isEmpty();
    }

    @Test
    void authenticatedUsersShouldNotBeJudgedHere() throws Exception {
        when(session.getUsername()).thenReturn(Username.of("alice@acme-corp.com"));

        assertThat(hook(localDomains, "50").onMessage(session, gtubeMail())).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void settingsInSmtpserverXmlShouldBeRefused() {
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("rejectScore", "10");

        assertThatThrownBy(() -> hook(localDomains, null).init(configuration))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("io.rampart.smtp.RampartRejectHook takes no settings (found: [rejectScore]);"
                + " set flow.inbound.rejectScore in rampart.properties");
    }
}
