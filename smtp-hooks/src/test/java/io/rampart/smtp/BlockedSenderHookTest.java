package io.rampart.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;

class BlockedSenderHookTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String CAROL = "carol@acme-corp.com";

    private Rampart rampart;
    private BlockedSenderHook hook;
    private SMTPSession session;

    @BeforeEach
    void setUp() {
        rampart = Rampart.start(RampartConfiguration.defaults(), Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
        hook = new BlockedSenderHook(rampart);
        session = mock(SMTPSession.class);
    }

    private static MaybeSender sender(String address) throws Exception {
        return MaybeSender.of(new MailAddress(address));
    }

    @Test
    void blockedAuthenticatedUserShouldBeDeniedWithA550NamingTheRule() throws Exception {
        rampart.blocks().block(CAROL, "limit.internalRecipientsPerHour", "internalRecipientsPerHour: 4 > 3", Optional.empty());
        when(session.getUsername()).thenReturn(Username.of(CAROL));

        HookResult result = hook.doMail(session, sender(CAROL));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpRetCode()).isEqualTo("550");
        assertThat(result.getSmtpDescription()).isEqualTo("5.7.1 <carol@acme-corp.com> is blocked by Rampart: "
            + "limit.internalRecipientsPerHour until an administrator lifts it; contact your administrator");
    }

    @Test
    void blockWithAnEndShouldSayUntilWhen() throws Exception {
        rampart.blocks().block(CAROL, "behaviour.sameMessage", "evidence", Optional.of(NOW.plusSeconds(3600)));
        when(session.getUsername()).thenReturn(Username.of(CAROL));

        HookResult result = hook.doMail(session, sender(CAROL));

        assertThat(result.getSmtpDescription()).isEqualTo("5.7.1 <carol@acme-corp.com> is blocked by Rampart: "
            + "behaviour.sameMessage until 2026-11-26T11:00:00Z; contact your administrator");
    }

    @Test
    void authenticatedUserUsingABlockedMailFromShouldBeDenied() throws Exception {
        rampart.blocks().block(CAROL, "limit.recipientsPerDay", "evidence", Optional.empty());
        when(session.getUsername()).thenReturn(Username.of("alice@acme-corp.com"));

        assertThat(hook.doMail(session, sender(CAROL)).getResult()).isEqualTo(HookReturnCode.deny());
    }

    @Test
    void relayAllowedClientWithABlockedMailFromShouldBeDenied() throws Exception {
        rampart.blocks().block(CAROL, "limit.recipientsPerDay", "evidence", Optional.empty());
        when(session.isRelayingAllowed()).thenReturn(true);

        assertThat(hook.doMail(session, sender(CAROL)).getResult()).isEqualTo(HookReturnCode.deny());
    }

    @Test
    void mailFromOutsideShouldNotBeJudged() throws Exception {
        rampart.blocks().block(CAROL, "limit.recipientsPerDay", "evidence", Optional.empty());

        assertThat(hook.doMail(session, sender(CAROL))).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void userNotBlockedShouldBeDeclinedNeverOk() throws Exception {
        when(session.getUsername()).thenReturn(Username.of(CAROL));

        assertThat(hook.doMail(session, sender(CAROL))).isEqualTo(HookResult.DECLINED);
        assertThat(hook.doMail(session, MaybeSender.nullSender())).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void liftedBlockShouldLetTheUserSendAgain() throws Exception {
        rampart.blocks().block(CAROL, "limit.recipientsPerDay", "evidence", Optional.empty());
        when(session.getUsername()).thenReturn(Username.of(CAROL));
        rampart.blocks().unblock(CAROL);

        assertThat(hook.doMail(session, sender(CAROL))).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void settingsShouldBeRejected() {
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("threshold", "3");

        assertThatThrownBy(() -> hook.init(configuration)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("takes no settings");
    }
}
