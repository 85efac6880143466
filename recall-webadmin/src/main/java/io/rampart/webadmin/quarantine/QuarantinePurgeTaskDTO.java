package io.rampart.webadmin.quarantine;

import java.time.Duration;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON form of {@link QuarantinePurgeTask}: {@code {"type":"rampart-quarantine-purge","retentionSeconds":2592000}}. */
public class QuarantinePurgeTaskDTO implements TaskDTO {
    public static TaskDTOModule<QuarantinePurgeTask, QuarantinePurgeTaskDTO> module(javax.inject.Provider<QuarantineService> service) {
        return DTOModule.forDomainObject(QuarantinePurgeTask.class)
            .convertToDTO(QuarantinePurgeTaskDTO.class)
            .toDomainObjectConverter(dto -> new QuarantinePurgeTask(service.get(), Duration.ofSeconds(dto.retentionSeconds)))
            .toDTOConverter((task, type) -> new QuarantinePurgeTaskDTO(type, task.retention().getSeconds()))
            .typeName(QuarantinePurgeTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    private final String type;
    private final long retentionSeconds;

    @JsonCreator
    public QuarantinePurgeTaskDTO(@JsonProperty("type") String type, @JsonProperty("retentionSeconds") long retentionSeconds) {
        this.type = type;
        this.retentionSeconds = retentionSeconds;
    }

    @Override
    public String getType() {
        return type;
    }

    public long getRetentionSeconds() {
        return retentionSeconds;
    }
}
