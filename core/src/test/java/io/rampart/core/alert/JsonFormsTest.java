package io.rampart.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rampart.core.block.Block;
import io.rampart.core.flow.Flow;
import io.rampart.core.limits.LimitAction;
import io.rampart.core.state.StateJson;

/** The JSON WebAdmin shows for alerts and blocks (the same form the state store keeps). */
class JsonFormsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void blockShouldSerializeAndRoundTrip() throws Exception {
        Block block = Block.of("bob@corp.example", "behaviour.sameMessage", "30 colleagues", AT, Optional.of(AT.plusSeconds(3600)));
        String json = MAPPER.writeValueAsString(block);
        assertThat(json).isEqualTo("{\"address\":\"bob@corp.example\",\"rule\":\"behaviour.sameMessage\",\"reason\":\"30 colleagues\","
            + "\"blockedAt\":\"2026-11-26T10:00:00Z\",\"until\":\"2026-11-26T11:00:00Z\"}");
        assertThat(StateJson.read(json, Block.class)).isEqualTo(block);
    }

    @Test
    void blockUntilLiftedShouldOmitUntil() throws Exception {
        Block block = Block.of("bob@corp.example", "limit.recipientsPerDay", "r", AT, Optional.empty());
        assertThat(MAPPER.writeValueAsString(block)).doesNotContain("until");
        assertThat(block.smtpMessage()).isEqualTo("Sending from bob@corp.example is blocked by the security policy "
            + "(limit.recipientsPerDay) until an administrator lifts it");
    }

    @Test
    void alertShouldSerializeAndRoundTrip() throws Exception {
        Alert alert = Alert.of("bob@corp.example", "behaviour.impersonation", "display name '财务部'", 12, AT, LimitAction.HOLD,
            Optional.of(Flow.INTERNAL));
        String json = MAPPER.writeValueAsString(alert);
        assertThat(json).contains("\"user\":\"bob@corp.example\"", "\"rule\":\"behaviour.impersonation\"",
            "\"evidence\":\"display name '财务部'\"", "\"colleaguesReached\":12", "\"time\":\"2026-11-26T10:00:00Z\"",
            "\"action\":\"hold\"", "\"flow\":\"internal\"", "\"id\":\"" + alert.id() + "\"");
        assertThat(StateJson.read(json, Alert.class)).isEqualTo(alert);
    }

    @Test
    void alertMailShouldNameUserRuleEvidenceAndColleagues() {
        Alert alert = Alert.of("bob@corp.example", "behaviour.sameMessage", "the same message reached 31 colleagues", 31, AT,
            LimitAction.BLOCK, Optional.of(Flow.INTERNAL));
        assertThat(alert.mailSubject()).isEqualTo("[Rampart] behaviour.sameMessage by bob@corp.example (block)");
        assertThat(alert.mailBody()).contains("User:               bob@corp.example",
            "Rule:               behaviour.sameMessage", "Evidence:           the same message reached 31 colleagues",
            "Colleagues reached: 31", "Action taken:       sender blocked, mail held for audit",
            "DELETE /rampart/senders/blocked/bob@corp.example");
    }
}
