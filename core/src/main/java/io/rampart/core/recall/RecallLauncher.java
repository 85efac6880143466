package io.rampart.core.recall;

/**
 * Runs recalls against the mail store: implemented on the James side (a WebAdmin task that
 * removes copies from mailboxes, an undo that puts them back), registered with
 * {@link RecallService#launcher(RecallLauncher)} when James starts.
 */
public interface RecallLauncher {
    /** Starts removing the record's mail; returns the id of the task doing it. */
    String launch(RecallRecord record);

    /** Starts putting back every copy the record removed; returns the id of the task doing it (the record shows the outcome). */
    String undo(RecallRecord record, String actor);

    /**
     * Whether this task is waiting or running; false when it ended or is unknown (a task manager
     * forgets its tasks when James restarts). Decides whether an undo left "undoing" may be run again.
     */
    default boolean isRunning(String taskId) {
        return false;
    }
}
