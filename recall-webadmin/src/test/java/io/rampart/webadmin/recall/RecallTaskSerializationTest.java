package io.rampart.webadmin.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;

import org.apache.james.server.task.json.JsonTaskAdditionalInformationSerializer;
import org.apache.james.server.task.json.JsonTaskSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RecallTaskSerializationTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-11-26T12:00:00Z");
    private static final String RECALL_ID = "5b1c7a9e-2f3d-4c55-9a61-0f8e7d6c5b4a";
    private static final String TASK_JSON = "{\"type\":\"rampart-recall\",\"recallId\":\"" + RECALL_ID + "\"}";
    private static final String DETAILS_JSON = "{\"type\":\"rampart-recall\",\"recallId\":\"" + RECALL_ID + "\","
        + "\"status\":\"completed\",\"planned\":50,\"recalled\":48,\"failed\":2,\"stopped\":1,\"mailboxes\":50,"
        + "\"timestamp\":\"2026-11-26T12:00:00Z\"}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void taskShouldRoundTrip() throws Exception {
        RecallRunner runner = mock(RecallRunner.class);
        JsonTaskSerializer serializer = JsonTaskSerializer.of(RecallTaskDTO.module(runner));

        String json = serializer.serialize(new RecallTask(RECALL_ID, runner));
        RecallTask back = (RecallTask) serializer.deserialize(TASK_JSON);

        assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.readTree(TASK_JSON));
        assertThat(back.recallId()).isEqualTo(RECALL_ID);
        assertThat(back.type()).isEqualTo(RecallTask.TYPE);
    }

    @Test
    void additionalInformationShouldRoundTrip() throws Exception {
        JsonTaskAdditionalInformationSerializer serializer =
            JsonTaskAdditionalInformationSerializer.of(RecallTaskAdditionalInformationDTO.MODULE);
        RecallTask.AdditionalInformation details = new RecallTask.AdditionalInformation(RECALL_ID, "completed", 50, 48, 2,
            1, 50, TIMESTAMP);

        String json = serializer.serialize(details);
        RecallTask.AdditionalInformation back = (RecallTask.AdditionalInformation) serializer.deserialize(DETAILS_JSON);

        assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.readTree(DETAILS_JSON));
        assertThat(MAPPER.readTree(serializer.serialize(back))).isEqualTo(MAPPER.readTree(DETAILS_JSON));
        assertThat(back.getRecalled()).isEqualTo(48);
        assertThat(back.getFailed()).isEqualTo(2);
        assertThat(back.timestamp()).isEqualTo(TIMESTAMP);
    }
}
