package io.rampart.webadmin.recall;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.task.TaskNotFoundException;

import io.rampart.core.recall.RecallLauncher;
import io.rampart.core.recall.RecallRecord;

/** Runs recalls and their undos as James tasks (visible under {@code /tasks}). */
@Singleton
public class JamesRecallLauncher implements RecallLauncher {
    private final TaskManager taskManager;
    private final RecallRunner runner;

    @Inject
    public JamesRecallLauncher(TaskManager taskManager, RecallRunner runner) {
        this.taskManager = taskManager;
        this.runner = runner;
    }

    @Override
    public String launch(RecallRecord record) {
        return taskManager.submit(new RecallTask(record.id(), runner)).asString();
    }

    @Override
    public String undo(RecallRecord record, String actor) {
        return taskManager.submit(new UndoTask(record.id(), actor, runner)).asString();
    }

    @Override
    public boolean isRunning(String taskId) {
        try {
            TaskManager.Status status = taskManager.getExecutionDetails(TaskId.fromString(taskId)).getStatus();
            return status == TaskManager.Status.WAITING || status == TaskManager.Status.IN_PROGRESS;
        } catch (TaskNotFoundException | IllegalArgumentException unknown) {
            return false;
        }
    }
}
