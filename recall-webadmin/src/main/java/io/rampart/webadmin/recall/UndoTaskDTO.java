package io.rampart.webadmin.recall;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"type":"rampart-recall-undo","recallId":"...","actor":"..."}}: the record holds the rest. */
public class UndoTaskDTO implements TaskDTO {
    public static TaskDTOModule<UndoTask, UndoTaskDTO> module(RecallRunner runner) {
        return DTOModule.forDomainObject(UndoTask.class)
            .convertToDTO(UndoTaskDTO.class)
            .toDomainObjectConverter(dto -> new UndoTask(dto.getRecallId(), dto.getActor(), runner))
            .toDTOConverter((task, type) -> new UndoTaskDTO(type, task.recallId(), task.actor()))
            .typeName(UndoTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    private final String type;
    private final String recallId;
    private final String actor;

    public UndoTaskDTO(@JsonProperty("type") String type, @JsonProperty("recallId") String recallId,
                       @JsonProperty("actor") String actor) {
        this.type = type;
        this.recallId = recallId;
        this.actor = actor;
    }

    @Override
    public String getType() {
        return type;
    }

    public String getRecallId() {
        return recallId;
    }

    public String getActor() {
        return actor;
    }
}
