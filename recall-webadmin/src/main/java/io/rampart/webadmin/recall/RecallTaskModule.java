package io.rampart.webadmin.recall;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;

import com.google.common.collect.ImmutableSet;

/**
 * Registers the recall and undo tasks' JSON with James, so {@code GET /tasks/{id}} shows its counts.
 *
 * <pre>{@code guice.extension.task=io.rampart.webadmin.recall.RecallTaskModule}</pre>
 */
public class RecallTaskModule implements TaskExtensionModule {
    private final RecallRunner runner;

    @Inject
    public RecallTaskModule(RecallRunner runner) {
        this.runner = runner;
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return ImmutableSet.of(RecallTaskDTO.module(runner), UndoTaskDTO.module(runner));
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation, ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return ImmutableSet.of(RecallTaskAdditionalInformationDTO.MODULE, UndoTaskAdditionalInformationDTO.MODULE);
    }
}
