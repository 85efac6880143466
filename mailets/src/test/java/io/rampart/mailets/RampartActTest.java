package io.rampart.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Properties;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.MailMarks;

class RampartActTest {
    private MailRepositoryStore store;
    private MailRepository quarantine;
    private MailRepository audit;
    private UsersRepository users;
    private Notifier notifier;
    private LocalDomains localDomains;

    @BeforeEach
    void setUp() throws Exception {
        store = mock(MailRepositoryStore.class);
        quarantine = mock(MailRepository.class);
        audit = mock(MailRepository.class);
        when(store.select(MailRepositoryUrl.from("memory://var/mail/rampart-quarantine/"))).thenReturn(quarantine);
        when(store.select(MailRepositoryUrl.from("memory://var/mail/rampart-audit/"))).thenReturn(audit);
        users = mock(UsersRepository.class);
        when(users.getUsername(any(MailAddress.class))).thenAnswer(call -> Username.of(call.<MailAddress>getArgument(0).asString()));
        notifier = mock(Notifier.class);
        localDomains = mock(LocalDomains.class);
        when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
    }

    private Mail scanned(String flow, String properties, String body) throws Exception {
        Rampart rampart = rampart(properties);
        RampartScan scan = new RampartScan(rampart, localDomains);
        scan.init(FakeMailetConfig.builder().mailetName("RampartScan").setProperty("flow", flow).build());
        Mail mail = RampartScanTest.mail(body);
        scan.service(mail);
        RampartAct act = new RampartAct(rampart, store, users, notifier);
        act.init(FakeMailetConfig.builder().mailetName("RampartAct").setProperty("flow", flow).build());
        act.service(mail);
        return mail;
    }

    private static Rampart rampart(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(text));
        properties.putIfAbsent("detection.model", "off");
        return Rampart.start(RampartConfiguration.parse("test", properties));
    }

    @Test
    void cleanMailShouldGoBackToTransport() throws Exception {
        Mail mail = scanned("inbound", "", "hello");

        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
        assertThat(RampartAct.stringAttribute(mail, MailMarks.ACTION_ATTRIBUTE)).contains("deliver");
        verify(quarantine, never()).store(any());
    }

    @Test
    void spamShouldBeStoredInTheQuarantineByDefault() throws Exception {
        Mail mail = scanned("inbound", "", RampartScanTest.GTUBE);

        verify(quarantine).store(mail);
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(RampartAct.stringAttribute(mail, MailMarks.ACTION_ATTRIBUTE)).contains("quarantine");
        assertThat(RampartAct.stringAttribute(mail, MailMarks.STOPPED_AT_ATTRIBUTE)).isPresent();
    }

    @Test
    void junkShouldSetTheDeliveryPathOfEachRecipient() throws Exception {
        Mail mail = scanned("inbound", "flow.inbound.action.spam=junk", RampartScanTest.GTUBE);

        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
        assertThat(RampartAct.stringAttribute(mail, "DeliveryPath_alice@acme-corp.com")).contains("Junk");
    }

    @Test
    void holdShouldStoreInTheAuditRepository() throws Exception {
        Mail mail = scanned("outbound", "flow.outbound.action.spam=hold", RampartScanTest.GTUBE);

        verify(audit).store(mail);
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void dropShouldNotifySecurityAndTheLocalSender() throws Exception {
        Mail mail = scanned("internal", "flow.internal.action.spam=drop", RampartScanTest.GTUBE);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        verify(notifier).toSecurity(eq("[Rampart] Dropped internal mail: Hello"), anyString());
        verify(notifier).send(anyCollection(), eq("Your message was not delivered: Hello"), anyString());
    }

    @Test
    void incompleteScanShouldBeQuarantinedWhenFailClosed() throws Exception {
        Mail mail = scanned("inbound", "scan.failMode=closed\nscan.maxTextChars=1000", "x".repeat(5_000));

        verify(quarantine).store(mail);
        assertThat(RampartAct.stringAttribute(mail, MailMarks.ACTION_ATTRIBUTE)).contains("quarantine");
    }

    @Test
    void incompleteScanShouldBeDeliveredWhenFailOpen() throws Exception {
        Mail mail = scanned("inbound", "scan.maxTextChars=1000", "x".repeat(5_000));

        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
        assertThat(RampartAct.stringAttribute(mail, MailMarks.VERDICT_JSON_ATTRIBUTE).orElseThrow())
            .contains("\"complete\":false");
    }

    @Test
    void actWithoutScanShouldFail() throws Exception {
        RampartAct act = new RampartAct(rampart(""), store, users, notifier);
        act.init(FakeMailetConfig.builder().mailetName("RampartAct").setProperty("flow", "inbound").build());
        Mail mail = RampartScanTest.mail("hello");

        assertThatThrownBy(() -> act.service(mail))
            .isInstanceOf(MessagingException.class)
            .hasMessage("RampartAct needs RampartScan to run first on mail mail1");
        assertThat(mail.getAttribute(AttributeName.of(MailMarks.ACTION_ATTRIBUTE))).isEmpty();
    }
}
