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
}
