package io.rampart.core.internalthreat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.audit.AuditRecord;
import io.rampart.core.behaviour.BehaviourDecision;
import io.rampart.core.behaviour.BehaviourInput;
import io.rampart.core.behaviour.MessageFingerprint;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.Flow;
import io.rampart.core.limits.LimitDecision;
import io.rampart.core.limits.SendAttempt;
import io.rampart.core.message.Address;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.policy.PolicyAction;
import io.rampart.core.policy.PolicyInput;
import io.rampart.core.policy.PolicyResult;
import io.rampart.core.sender.People;
import io.rampart.core.state.MemoryStateStore;
import io.rampart.core.testing.MutableClock;

/** The flow the mailets follow for an outgoing mail, end to end over the core services. */
class InternalThreatServicesTest {
    private static final String CONFIG = String.join("\n",
        "limits.default.recipientsPerMessage=50",
        "limits.default.action=block",
        "behaviour.impersonation.role.finance.senders=finance@corp.example",
        "policy.rule.secrets.flow=outbound",
        "policy.rule.secrets.match.keywords=机密",
        "policy.rule.secrets.action=hold",
        "audit.expiry=24h");

    @Test
    void anOutgoingMailShouldGoThroughLimitsBehaviourPolicyAndAudit() throws Exception {
        RampartConfiguration configuration = RampartConfiguration.parse("rampart.properties",
            new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        MemoryStateStore state = new MemoryStateStore();
        InternalThreatServices services = InternalThreatServices.create(configuration, state, clock, Optional.empty(),
            People.from(configuration.detection(), state));
        ParsedMessage message = ParsedMessage.builder()
            .from(Optional.of(Address.of("财务部", "bob@corp.example")))
            .subject("机密: 工资调整")
            .text(TextPart.plain("1", "请查收附件", "utf-8"))
            .build();
        SendAttempt attempt = SendAttempt.forFlow("bob@corp.example", "mail-1", Flow.OUTBOUND,
            ImmutableList.of("x@partner.example"), Optional.of(MessageFingerprint.of(message)), clock.instant());

        LimitDecision limits = services.limits().checkAndRecord(attempt);
        BehaviourDecision behaviour = services.detector().analyze(BehaviourInput.of(attempt, message, Optional.empty()));
        PolicyResult policy = services.policy().evaluate(PolicyInput.of(Flow.OUTBOUND, Optional.of("bob@corp.example"),
            attempt.externalRecipients(), message));

        assertThat(limits.passed()).isTrue();
        assertThat(behaviour.holdMail()).isTrue();
        assertThat(policy.decisiveAction()).contains(PolicyAction.HOLD);
        AuditRecord record = services.audit().hold("mail-1", attempt, behaviour.rule().get(), behaviour.reason());
        assertThat(record.recipients()).containsExactly("x@partner.example");
        assertThat(record.rule()).isEqualTo("behaviour.impersonation");
        assertThat(services.audit().list(Optional.empty())).containsExactly(record);
        assertThat(services.alerts().list(0, 10)).hasSize(1);
    }
}
