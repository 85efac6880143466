package io.rampart.webadmin.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;

import org.apache.james.server.task.json.JsonTaskAdditionalInformationSerializer;
import org.apache.james.server.task.json.JsonTaskSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class QuarantinePurgeTaskSerializationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant TIMESTAMP = Instant.parse("2026-11-26T10:00:00Z");
    private static final String TASK_JSON = "{\"type\":\"rampart-quarantine-purge\",\"retentionSeconds\":2592000}";
    private static final String DETAILS_JSON = "{\"type\":\"rampart-quarantine-purge\",\"retentionSeconds\":2592000,"
        + "\"olderThan\":\"2026-10-27T10:00:00Z\",\"purged\":7,\"timestamp\":\"2026-11-26T10:00:00Z\"}";

    private final QuarantineService service = mock(QuarantineService.class);
    private final JsonTaskSerializer taskSerializer = JsonTaskSerializer.of(QuarantinePurgeTaskDTO.module(() -> service));
    private final JsonTaskAdditionalInformationSerializer detailsSerializer =
        JsonTaskAdditionalInformationSerializer.of(QuarantinePurgeTaskAdditionalInformationDTO.MODULE);

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        org.mockito.Mockito.when(service.clock()).thenReturn(java.time.Clock.fixed(TIMESTAMP, java.time.ZoneOffset.UTC));
    }

    @Test
    void taskShouldRoundTrip() throws Exception {
        QuarantinePurgeTask task = new QuarantinePurgeTask(service, Duration.ofDays(30),
            java.time.Clock.fixed(TIMESTAMP, java.time.ZoneOffset.UTC));

        assertThat(MAPPER.readTree(taskSerializer.serialize(task))).isEqualTo(MAPPER.readTree(TASK_JSON));
        QuarantinePurgeTask back = (QuarantinePurgeTask) taskSerializer.deserialize(TASK_JSON);
        assertThat(back.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(back.type()).isEqualTo(QuarantinePurgeTask.TYPE);
    }

    @Test
    void additionalInformationShouldRoundTrip() throws Exception {
        QuarantinePurgeTask.AdditionalInformation details = new QuarantinePurgeTask.AdditionalInformation(
            Duration.ofDays(30), Instant.parse("2026-10-27T10:00:00Z"), 7, TIMESTAMP);

        assertThat(MAPPER.readTree(detailsSerializer.serialize(details))).isEqualTo(MAPPER.readTree(DETAILS_JSON));
        assertThat(detailsSerializer.deserialize(DETAILS_JSON)).isEqualTo(details);
    }
}
