package io.rampart.core.recall;

import java.util.Locale;

/** Where a recall stands. */
public enum RecallStatus {
    /** Found by an indicator in shadow mode or a user-report candidate: nothing removed until an admin launches it. */
    PROPOSED,
    /** Larger than {@code recall.approvalThreshold}: waits for a second admin. */
    PENDING_APPROVAL,
    RUNNING,
    COMPLETED,
    /** Some copies could not be removed: see the failed items. */
    PARTIAL,
    FAILED,
    /** An undo task is putting the copies back. */
    UNDOING,
    UNDONE,
    /** An undo could not restore every copy: see the restore-failed items. */
    UNDO_PARTIAL,
    /** A proposal an admin dismissed. */
    DISMISSED,
    /** Its undo window ({@code recall.undoWindow}) passed: the saved copies were deleted, it cannot be undone. */
    UNDO_EXPIRED;

    public String asString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RecallStatus parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean undoable() {
        return this == COMPLETED || this == PARTIAL || this == UNDO_PARTIAL || this == FAILED;
    }

    public boolean launchable() {
        return this == PROPOSED || this == PENDING_APPROVAL;
    }
}
