package io.rampart.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

class SendLimitsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FULL = "{\"externalRecipientsPerHour\":200,\"internalRecipientsPerHour\":500,"
        + "\"recipientsPerDay\":2000,\"messagesPerMinute\":30,\"recipientsPerMessage\":100,\"action\":\"hold\"}";

    @Test
    void jsonShouldRoundTrip() throws Exception {
        SendLimits limits = MAPPER.readValue(FULL, SendLimits.class);
        assertThat(limits.isComplete()).isTrue();
        assertThat(MAPPER.writeValueAsString(limits)).isEqualTo(FULL);
    }

    @Test
    void partialJsonShouldOmitAbsentFields() throws Exception {
        SendLimits limits = MAPPER.readValue("{\"recipientsPerDay\":10}", SendLimits.class);
        assertThat(limits.value(Limit.RECIPIENTS_PER_DAY)).hasValue(10);
        assertThat(limits.action()).isEmpty();
        assertThat(MAPPER.writeValueAsString(limits)).isEqualTo("{\"recipientsPerDay\":10}");
    }

    @Test
    void negativeValueShouldNameTheField() {
        assertThatThrownBy(() -> SendLimits.fromJson(null, null, -5, null, null, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'recipientsPerDay' must be between 0 (no limit) and 10000000, got -5");
    }

    @Test
    void badActionShouldBeAnIllegalArgument() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"action\":\"drop\"}", SendLimits.class))
            .isInstanceOf(ValueInstantiationException.class)
            .hasRootCauseInstanceOf(IllegalArgumentException.class)
            .hasRootCauseMessage("'drop' is not a limit action; expected one of alert, hold, block");
    }

    @Test
    void orElseShouldTakeAbsentFieldsFromTheFallback() {
        SendLimits user = SendLimits.builder().limit(Limit.RECIPIENTS_PER_DAY, 1).build();
        SendLimits merged = user.orElse(SendLimits.builder().limit(Limit.RECIPIENTS_PER_DAY, 9)
            .limit(Limit.MESSAGES_PER_MINUTE, 3).action(LimitAction.BLOCK).build());
        assertThat(merged.value(Limit.RECIPIENTS_PER_DAY)).hasValue(1);
        assertThat(merged.value(Limit.MESSAGES_PER_MINUTE)).hasValue(3);
        assertThat(merged.action()).contains(LimitAction.BLOCK);
    }
}
