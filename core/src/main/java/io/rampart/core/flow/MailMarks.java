package io.rampart.core.flow;

/**
 * Names of the mail attributes and headers Rampart sets, shared by matchers, mailets, hooks and
 * routes. Attributes travel with the mail inside James (an SMTP client cannot forge them);
 * headers are what the recipient sees.
 */
public final class MailMarks {
    /** Set to {@link #ORIGIN_RAMPART} on every mail Rampart itself sends: such mail is never scanned or counted. */
    public static final String ORIGIN_ATTRIBUTE = "rampart.origin";
    public static final String ORIGIN_RAMPART = "rampart";
    /** The flow a mail was sorted into ({@code inbound|outbound|internal}); once set, the mail is not scanned again. */
    public static final String FLOW_ATTRIBUTE = "rampart.flow";
    public static final String VERDICT_ATTRIBUTE = "rampart.verdict";
    public static final String SCORE_ATTRIBUTE = "rampart.score";
    public static final String RULES_ATTRIBUTE = "rampart.rules";
    public static final String REASON_ATTRIBUTE = "rampart.reason";
    /** The whole verdict (findings, URLs, hashes) as JSON, kept with quarantined mail. */
    public static final String VERDICT_JSON_ATTRIBUTE = "rampart.verdictJson";
    /** The action Rampart took ({@code deliver|junk|quarantine|hold|drop}). */
    public static final String ACTION_ATTRIBUTE = "rampart.action";
    /** When Rampart stopped the mail (ISO-8601). */
    public static final String STOPPED_AT_ATTRIBUTE = "rampart.stoppedAt";

    public static final String VERDICT_HEADER = "X-Rampart-Verdict";
    public static final String DIRECTION_HEADER = "X-Rampart-Direction";

    private MailMarks() {
    }
}
