package io.rampart.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.audit.AuditRecord;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.MailMarks;

class RampartControlTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String CAROL = "carol@acme-corp.com";
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private Notifier notifier;
    private LocalDomains localDomains;
    private MailRepositoryStore store;
    private MailRepository audit;
    private MailRepository quarantine;
    private UsersRepository users;

    @BeforeEach
    void setUp() throws Exception {
        notifier = mock(Notifier.class);
        localDomains = mock(LocalDomains.class);
        when(localDomains.get()).thenReturn(ImmutableSet.of("acme-corp.com"));
        store = mock(MailRepositoryStore.class);
        audit = mock(MailRepository.class);
        quarantine = mock(MailRepository.class);
        when(store.select(MailRepositoryUrl.from("memory://var/mail/rampart-audit/"))).thenReturn(audit);
        when(store.select(MailRepositoryUrl.from("memory://var/mail/rampart-quarantine/"))).thenReturn(quarantine);
        users = mock(UsersRepository.class);
        when(users.getUsername(any(MailAddress.class))).thenAnswer(call -> Username.of(call.<MailAddress>getArgument(0).asString()));
    }

    private static Rampart rampart(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return Rampart.start(RampartConfiguration.parse("test", properties), Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Mail mail(String name, String from, List<String> recipients, String subject, String body) throws Exception {
        FakeMail.Builder builder = FakeMail.builder().name(name).sender(CAROL)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addHeader("From", from).setSubject(subject).setText(body))
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(CAROL)));
        for (String recipient : recipients) {
            builder.recipient(recipient);
        }
        return builder.build();
    }

    /** RampartScan, RampartControl and RampartAct in a row, as in mailetcontainer.xml. */
    private Mail process(Rampart rampart, String flow, Mail mail) throws Exception {
        RampartScan scan = new RampartScan(rampart, localDomains);
        scan.init(FakeMailetConfig.builder().mailetName("RampartScan").setProperty("flow", flow).build());
        scan.service(mail);
        RampartControl control = new RampartControl(rampart, notifier);
        control.init(FakeMailetConfig.builder().mailetName("RampartControl").setProperty("flow", flow).build());
        control.service(mail);
        RampartAct act = new RampartAct(rampart, store, users, notifier);
        act.init(FakeMailetConfig.builder().mailetName("RampartAct").setProperty("flow", flow).build());
        act.service(mail);
        return mail;
    }

    private static String attribute(Mail mail, String name) {
        return RampartAct.stringAttribute(mail, name).orElse(null);
    }

    @Test
    void mailOfABlockedSenderQueuedBeforeTheBlockShouldBeHeldNotLost() throws Exception {
        Rampart rampart = rampart("");
        rampart.blocks().block(CAROL, "limit.recipientsPerDay", "recipientsPerDay: 2001 > 2000", Optional.empty());

        Mail mail = process(rampart, "internal", mail("queued", CAROL, List.of("bob@acme-corp.com"), "Hi", "hello"));

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        verify(audit).store(mail);
        AuditRecord record = rampart.audit().get("queued").orElseThrow();
        assertThat(record.rule()).isEqualTo("blocked.limit.recipientsPerDay");
        assertThat(record.sender()).contains(CAROL);
        assertThat(record.recipients()).containsExactly("bob@acme-corp.com");
        verify(notifier, never()).toSecurity(anyString(), anyString());
    }

    @Test
    void limitBreachWithBlockActionShouldHoldBlockAndAlert() throws Exception {
        Rampart rampart = rampart("limits.default.recipientsPerMessage=2\nlimits.default.action=block\n");

        Mail mail = process(rampart, "internal", mail("big", CAROL,
            List.of("a@acme-corp.com", "b@acme-corp.com", "c@acme-corp.com"), "Hi", "hello"));

        assertThat(attribute(mail, RampartControl.OVERRIDE_ACTION)).isEqualTo("hold");
        assertThat(attribute(mail, MailMarks.ACTION_ATTRIBUTE)).isEqualTo("hold");
        assertThat(rampart.blocks().activeBlock(CAROL)).hasValueSatisfying(block ->
            assertThat(block.rule()).isEqualTo("limit.recipientsPerMessage"));
        assertThat(rampart.audit().get("big")).hasValueSatisfying(record ->
            assertThat(record.reason()).isEqualTo("recipientsPerMessage: 3 > 2 (this message)"));
        verify(notifier).toSecurity(eq("[Rampart] limit.recipientsPerMessage by carol@acme-corp.com (block)"),
            contains("Colleagues reached: 3"));
        assertThat(rampart.alerts().list(0, 10)).hasSize(1);
    }

    @Test
    void limitBreachWithAlertActionShouldDeliverAndAlert() throws Exception {
        Rampart rampart = rampart("limits.default.externalRecipientsPerHour=1\nlimits.default.action=alert\n");

        Mail mail = process(rampart, "outbound", mail("out", CAROL, List.of("x@example.net", "y@example.net"), "Hi", "hello"));

        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
        assertThat(attribute(mail, RampartControl.OVERRIDE_ACTION)).isNull();
        assertThat(rampart.blocks().isBlocked(CAROL)).isFalse();
        verify(notifier).toSecurity(eq("[Rampart] limit.externalRecipientsPerHour by carol@acme-corp.com (alert)"), anyString());
    }

    @Test
    void departmentImpersonationShouldBeHeldAndAlertedWithTheColleaguesReached() throws Exception {
        Rampart rampart = rampart("behaviour.offHours.enabled=false\n"
            + "behaviour.impersonation.role.finance.senders=finance@acme-corp.com\n");

        Mail mail = process(rampart, "internal", mail("imp", "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("财务部".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "?= <carol@acme-corp.com>",
            List.of("a@acme-corp.com", "b@acme-corp.com", "c@acme-corp.com", "d@acme-corp.com"), "Invoice", "pay today"));

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(rampart.audit().get("imp")).hasValueSatisfying(record -> {
            assertThat(record.rule()).isEqualTo("behaviour.impersonation");
            assertThat(record.reason()).contains("财务部").contains("finance@acme-corp.com");
        });
        verify(notifier).toSecurity(eq("[Rampart] behaviour.impersonation by carol@acme-corp.com (hold)"),
            contains("Colleagues reached: 4"));
    }

    @Test
    void keywordPolicyShouldQuarantineAndRecordItsFinding() throws Exception {
        Rampart rampart = rampart("policy.rule.salary.flow=internal\npolicy.rule.salary.action=quarantine\n"
            + "policy.rule.salary.match.keywords=工资单\n");

        Mail mail = process(rampart, "internal", mail("kw", CAROL, List.of("bob@acme-corp.com"), "本月", "请查看本月工资单明细"));

        assertThat(attribute(mail, MailMarks.ACTION_ATTRIBUTE)).isEqualTo("quarantine");
        verify(quarantine).store(mail);
        assertThat(attribute(mail, MailMarks.RULES_ATTRIBUTE)).contains("policy.salary");
        assertThat(mail.getMessage().getHeader(MailMarks.VERDICT_HEADER)[0]).contains("policy.salary");
    }

    @Test
    void policyOfAnotherFlowShouldNotAct() throws Exception {
        Rampart rampart = rampart("policy.rule.salary.flow=internal\npolicy.rule.salary.action=quarantine\n"
            + "policy.rule.salary.match.keywords=工资单\n");

        Mail mail = process(rampart, "outbound", mail("kw-out", CAROL, List.of("x@example.net"), "本月", "请查看本月工资单明细"));

        assertThat(attribute(mail, MailMarks.ACTION_ATTRIBUTE)).isEqualTo("deliver");
        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
    }

    @Test
    void rejectPolicyShouldDropAndSendItsNoticeToTheSender() throws Exception {
        Rampart rampart = rampart("policy.rule.rival.flow=outbound\npolicy.rule.rival.action=reject\n"
            + "policy.rule.rival.match.recipientDomain=rival.example\npolicy.rule.rival.notice=No mail to competitors.\n");

        Mail mail = process(rampart, "outbound", mail("rej", CAROL, List.of("ceo@rival.example"), "Plans", "the plan"));

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(attribute(mail, MailMarks.ACTION_ATTRIBUTE)).isEqualTo("drop");
        verify(notifier).send(eq(List.of(new MailAddress(CAROL))), eq("Your message was not delivered: Plans"),
            contains("No mail to competitors."));
    }

    @Test
    void notifyPolicyShouldMailTheSecurityMailboxAndDeliver() throws Exception {
        Rampart rampart = rampart("policy.rule.watch.flow=outbound\npolicy.rule.watch.action=notify\n"
            + "policy.rule.watch.match.recipientDomain=watched.example\n");

        Mail mail = process(rampart, "outbound", mail("watch", CAROL, List.of("x@watched.example"), "Hello", "hi"));

        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
        verify(notifier).toSecurity(eq("[Rampart] Policy matched outbound mail from carol@acme-corp.com"), contains("watch (notify)"));
    }

    @Test
    void allowPolicyShouldDeliverMailTheVerdictWouldQuarantine() throws Exception {
        Rampart rampart = rampart("policy.rule.trusted.flow=internal\npolicy.rule.trusted.action=allow\n"
            + "policy.rule.trusted.match.sender=carol@acme-corp.com\n");

        Mail mail = process(rampart, "internal", mail("allowed", CAROL, List.of("bob@acme-corp.com"), "Test", "x " + GTUBE));

        assertThat(attribute(mail, MailMarks.VERDICT_ATTRIBUTE)).isEqualTo("spam");
        assertThat(attribute(mail, MailMarks.ACTION_ATTRIBUTE)).isEqualTo("deliver");
    }

    @Test
    void lenientPolicyShouldNotWeakenTheVerdictAction() throws Exception {
        Rampart rampart = rampart("policy.rule.tagged.flow=internal\npolicy.rule.tagged.action=tag\n"
            + "policy.rule.tagged.match.sender=carol@acme-corp.com\n");

        Mail mail = process(rampart, "internal", mail("tagged", CAROL, List.of("bob@acme-corp.com"), "Test", "x " + GTUBE));

        assertThat(attribute(mail, MailMarks.ACTION_ATTRIBUTE)).isEqualTo("quarantine");
    }

    @Test
    void holdByTheVerdictShouldKeepTheVerdictRuleWhenThePolicyIsLenient() throws Exception {
        Rampart rampart = rampart("flow.internal.action.spam=hold\npolicy.rule.tagged.flow=internal\n"
            + "policy.rule.tagged.action=tag\npolicy.rule.tagged.match.sender=carol@acme-corp.com\n");

        process(rampart, "internal", mail("verdict-hold", CAROL, List.of("bob@acme-corp.com"), "Test", "x " + GTUBE));

        assertThat(rampart.audit().get("verdict-hold")).hasValueSatisfying(record ->
            assertThat(record.rule()).isEqualTo("verdict.spam"));
    }

    @Test
    void inboundMailShouldNotBeCountedAgainstLimits() throws Exception {
        Rampart rampart = rampart("limits.default.recipientsPerMessage=1\nlimits.default.action=block\n");

        Mail mail = process(rampart, "inbound", mail("in", CAROL, List.of("a@acme-corp.com", "b@acme-corp.com"), "Hi", "hello"));

        assertThat(mail.getState()).isEqualTo(Mail.TRANSPORT);
        assertThat(rampart.blocks().isBlocked(CAROL)).isFalse();
        assertThat(rampart.alerts().size()).isZero();
    }

    @Test
    void unknownParameterOrMissingFlowShouldStopStartUp() throws Exception {
        RampartControl control = new RampartControl(rampart(""), notifier);

        assertThatThrownBy(() -> control.init(FakeMailetConfig.builder().mailetName("RampartControl").build()))
            .isInstanceOf(MessagingException.class).hasMessageContaining("'flow' parameter is required");
        assertThatThrownBy(() -> control.init(FakeMailetConfig.builder().mailetName("RampartControl")
            .setProperty("flow", "internal").setProperty("limit", "3").build()))
            .isInstanceOf(MessagingException.class);
    }
}
