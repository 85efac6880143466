package io.rampart.webadmin.quarantine;

import java.util.Set;

import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;

import com.google.common.collect.ImmutableSet;

/**
 * Makes the quarantine purge task's JSON known to James's task manager ({@code /tasks/{id}}).
 *
 * <pre>{@code guice.extension.task=io.rampart.webadmin.quarantine.QuarantineTaskExtensionModule}</pre>
 */
public class QuarantineTaskExtensionModule implements TaskExtensionModule {
    private final Provider<QuarantineService> service;

    /** The service is resolved only when a stored task is deserialized (the memory server never does). */
    @Inject
    public QuarantineTaskExtensionModule(Provider<QuarantineService> service) {
        this.service = service;
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return ImmutableSet.of(QuarantinePurgeTaskDTO.module(service));
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation, ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return ImmutableSet.of(QuarantinePurgeTaskAdditionalInformationDTO.MODULE);
    }
}
