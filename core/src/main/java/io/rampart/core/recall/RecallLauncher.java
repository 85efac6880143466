package io.rampart.core.recall;

/**
 * Runs recalls against the mail store: implemented on the James side (a WebAdmin task that
 * removes copies from mailboxes, an undo that puts them back), registered with
 * {@link RecallService#launcher(RecallLauncher)} when James starts.
 */
public interface RecallLauncher {
    /** Starts removing the record's mail; returns the id of the task doing it. */
    String launch(RecallRecord record);

    /** Puts back every copy the record removed; the record shows the outcome. */
    void undo(RecallRecord record, String actor);
}
