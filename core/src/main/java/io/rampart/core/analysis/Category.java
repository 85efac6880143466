package io.rampart.core.analysis;

import io.rampart.core.verdict.VerdictClass;

/** What kind of threat a finding points at; decides the verdict class when the score is over threshold. */
public enum Category {
    SPAM(VerdictClass.SPAM),
    PHISH(VerdictClass.PHISH),
    MALWARE(VerdictClass.MALWARE),
    POLICY(VerdictClass.POLICY),
    /** Evidence that is neither good nor bad on its own, or a scan limitation ("not fully scanned"). */
    INFO(VerdictClass.CLEAN),
    /** Evidence for legitimacy (negative scores). */
    HAM(VerdictClass.CLEAN);

    private final VerdictClass verdictClass;

    Category(VerdictClass verdictClass) {
        this.verdictClass = verdictClass;
    }

    public VerdictClass verdictClass() {
        return verdictClass;
    }
}
