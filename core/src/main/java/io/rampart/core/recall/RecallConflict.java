package io.rampart.core.recall;

/**
 * A recall is no longer in the state an action needs: launched, dismissed or undone meanwhile, by
 * another admin or another James node (WebAdmin answers 409).
 */
public final class RecallConflict extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public RecallConflict(String message) {
        super(message);
    }
}
