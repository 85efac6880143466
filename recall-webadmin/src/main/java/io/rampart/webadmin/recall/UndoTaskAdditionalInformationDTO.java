package io.rampart.webadmin.recall;

import java.time.Instant;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The counts of a running or finished undo in {@code GET /tasks/{id}}. */
public class UndoTaskAdditionalInformationDTO implements AdditionalInformationDTO {
    public static final AdditionalInformationDTOModule<UndoTask.AdditionalInformation, UndoTaskAdditionalInformationDTO>
        MODULE = DTOModule.forDomainObject(UndoTask.AdditionalInformation.class)
            .convertToDTO(UndoTaskAdditionalInformationDTO.class)
            .toDomainObjectConverter(dto -> new UndoTask.AdditionalInformation(dto.recallId, dto.status, dto.restored,
                dto.failed, dto.timestamp))
            .toDTOConverter((details, type) -> new UndoTaskAdditionalInformationDTO(type, details.getRecallId(),
                details.getStatus(), details.getRestored(), details.getFailed(), details.timestamp()))
            .typeName(UndoTask.TYPE.asString())
            .withFactory(AdditionalInformationDTOModule::new);

    private final String type;
    private final String recallId;
    private final String status;
    private final long restored;
    private final long failed;
    private final Instant timestamp;

    public UndoTaskAdditionalInformationDTO(@JsonProperty("type") String type,
                                           @JsonProperty("recallId") String recallId,
                                           @JsonProperty("status") String status,
                                           @JsonProperty("restored") long restored,
                                           @JsonProperty("failed") long failed,
                                           @JsonProperty("timestamp") Instant timestamp) {
        this.type = type;
        this.recallId = recallId;
        this.status = status;
        this.restored = restored;
        this.failed = failed;
        this.timestamp = timestamp;
    }

    @Override
    public String getType() {
        return type;
    }

    public String getRecallId() {
        return recallId;
    }

    public String getStatus() {
        return status;
    }

    public long getRestored() {
        return restored;
    }

    public long getFailed() {
        return failed;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }
}
