package io.rampart.webadmin.recall;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type":"rampart-recall","recallId":"..."}}: the record holds the rest. */
public class RecallTaskDTO implements TaskDTO {
    public static TaskDTOModule<RecallTask, RecallTaskDTO> module(RecallRunner runner) {
        return DTOModule.forDomainObject(RecallTask.class)
            .convertToDTO(RecallTaskDTO.class)
            .toDomainObjectConverter(dto -> new RecallTask(dto.getRecallId(), runner))
            .toDTOConverter((task, type) -> new RecallTaskDTO(type, task.recallId()))
            .typeName(RecallTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    private final String type;
    private final String recallId;

    public RecallTaskDTO(@JsonProperty("type") String type, @JsonProperty("recallId") String recallId) {
        this.type = type;
        this.recallId = recallId;
    }

    @Override
    public String getType() {
        return type;
    }

    public String getRecallId() {
        return recallId;
    }
}
