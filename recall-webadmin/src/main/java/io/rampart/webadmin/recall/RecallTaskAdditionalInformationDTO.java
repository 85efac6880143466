package io.rampart.webadmin.recall;

import java.time.Instant;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The counts of a running or finished recall in {@code GET /tasks/{id}}. */
public class RecallTaskAdditionalInformationDTO implements AdditionalInformationDTO {
    public static final AdditionalInformationDTOModule<RecallTask.AdditionalInformation, RecallTaskAdditionalInformationDTO>
        MODULE = DTOModule.forDomainObject(RecallTask.AdditionalInformation.class)
            .convertToDTO(RecallTaskAdditionalInformationDTO.class)
            .toDomainObjectConverter(RecallTaskAdditionalInformationDTO::toDomainObject)
            .toDTOConverter((details, type) -> new RecallTaskAdditionalInformationDTO(type, details.getRecallId(),
                details.getStatus(), details.getPlanned(), details.getRecalled(), details.getFailed(),
                details.getStopped(), details.getMailboxes(), details.timestamp()))
            .typeName(RecallTask.TYPE.asString())
            .withFactory(AdditionalInformationDTOModule::new);

    private final String type;
    private final String recallId;
    private final String status;
    private final long planned;
    private final long recalled;
    private final long failed;
    private final long stopped;
    private final long mailboxes;
    private final Instant timestamp;

    public RecallTaskAdditionalInformationDTO(@JsonProperty("type") String type,
                                              @JsonProperty("recallId") String recallId,
                                              @JsonProperty("status") String status,
                                              @JsonProperty("planned") long planned,
                                              @JsonProperty("recalled") long recalled,
                                              @JsonProperty("failed") long failed,
                                              @JsonProperty("stopped") long stopped,
                                              @JsonProperty("mailboxes") long mailboxes,
                                              @JsonProperty("timestamp") Instant timestamp) {
        this.type = type;
        this.recallId = recallId;
        this.status = status;
        this.planned = planned;
        this.recalled = recalled;
        this.failed = failed;
        this.stopped = stopped;
        this.mailboxes = mailboxes;
        this.timestamp = timestamp;
    }

    RecallTask.AdditionalInformation toDomainObject() {
        return new RecallTask.AdditionalInformation(recallId, status, planned, recalled, failed, stopped, mailboxes,
            timestamp);
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

    public long getPlanned() {
        return planned;
    }

    public long getRecalled() {
        return recalled;
    }

    public long getFailed() {
        return failed;
    }

    public long getStopped() {
        return stopped;
    }

    public long getMailboxes() {
        return mailboxes;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }
}
