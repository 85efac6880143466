package io.rampart.webadmin.quarantine;

import java.time.Duration;
import java.time.Instant;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON form of the purge task's progress, shown in {@code GET /tasks/{id}} as {@code additionalInformation}. */
public class QuarantinePurgeTaskAdditionalInformationDTO implements AdditionalInformationDTO {
    public static final AdditionalInformationDTOModule<QuarantinePurgeTask.AdditionalInformation, QuarantinePurgeTaskAdditionalInformationDTO> MODULE =
        DTOModule.forDomainObject(QuarantinePurgeTask.AdditionalInformation.class)
            .convertToDTO(QuarantinePurgeTaskAdditionalInformationDTO.class)
            .toDomainObjectConverter(dto -> new QuarantinePurgeTask.AdditionalInformation(Duration.ofSeconds(dto.retentionSeconds),
                Instant.parse(dto.olderThan), dto.purged, dto.timestamp))
            .toDTOConverter((details, type) -> new QuarantinePurgeTaskAdditionalInformationDTO(type,
                details.getRetention().getSeconds(), details.getOlderThan().toString(), details.getPurged(), details.timestamp()))
            .typeName(QuarantinePurgeTask.TYPE.asString())
            .withFactory(AdditionalInformationDTOModule::new);

    private final String type;
    private final long retentionSeconds;
    private final String olderThan;
    private final int purged;
    private final Instant timestamp;

    @JsonCreator
    public QuarantinePurgeTaskAdditionalInformationDTO(@JsonProperty("type") String type,
                                                       @JsonProperty("retentionSeconds") long retentionSeconds,
                                                       @JsonProperty("olderThan") String olderThan,
                                                       @JsonProperty("purged") int purged,
                                                       @JsonProperty("timestamp") Instant timestamp) {
        this.type = type;
        this.retentionSeconds = retentionSeconds;
        this.olderThan = olderThan;
        this.purged = purged;
        this.timestamp = timestamp;
    }

    @Override
    public String getType() {
        return type;
    }

    public long getRetentionSeconds() {
        return retentionSeconds;
    }

    public String getOlderThan() {
        return olderThan;
    }

    public int getPurged() {
        return purged;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }
}
