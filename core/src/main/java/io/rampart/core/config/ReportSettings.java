package io.rampart.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code reports.*}: how users report unwanted mail (a folder, a forwarding address) and what
 * Rampart does with the reports.
 */
public final class ReportSettings {
    public static final String DEFAULT_FOLDER = "Report Phishing";
    public static final String DEFAULT_ADDRESS_LOCAL_PART = "report-phish";
    public static final boolean DEFAULT_NOTIFY_REPORTER = false;
    public static final int DEFAULT_RECALL_CANDIDATE_THRESHOLD = 3;
    public static final boolean DEFAULT_LEARN_ON_CONFIRM = true;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    public static ReportSettings from(ConfigReader reader) {
        String folder = reader.string("reports.folder", DEFAULT_FOLDER);
        if (folder.equalsIgnoreCase("INBOX") || folder.contains("..")) {
            throw reader.error("reports.folder", folder, "a folder name other than INBOX");
        }
        Optional<String> address = reader.optionalString("reports.address");
        address.filter(v -> !v.matches("[^@\\s]+@[^@\\s]+")).ifPresent(v -> {
            throw reader.error("reports.address", v, "a mail address");
        });
        boolean notifyReporter = reader.bool("reports.notifyReporter", DEFAULT_NOTIFY_REPORTER);
        int threshold = reader.integer("reports.recallCandidateThreshold", DEFAULT_RECALL_CANDIDATE_THRESHOLD, 1, 10_000);
        boolean learnOnConfirm = reader.bool("reports.learnOnConfirm", DEFAULT_LEARN_ON_CONFIRM);
        Duration retention = reader.duration("reports.retention", DEFAULT_RETENTION);
        return new ReportSettings(folder, address, notifyReporter, threshold, learnOnConfirm, retention);
    }

    public static ReportSettings defaults() {
        return new ReportSettings(DEFAULT_FOLDER, Optional.empty(), DEFAULT_NOTIFY_REPORTER,
            DEFAULT_RECALL_CANDIDATE_THRESHOLD, DEFAULT_LEARN_ON_CONFIRM, DEFAULT_RETENTION);
    }

    private final String folder;
    private final Optional<String> address;
    private final boolean notifyReporter;
    private final int recallCandidateThreshold;
    private final boolean learnOnConfirm;
    private final Duration retention;

    public ReportSettings(String folder, Optional<String> address, boolean notifyReporter, int recallCandidateThreshold,
                          boolean learnOnConfirm, Duration retention) {
        this.folder = folder;
        this.address = address;
        this.notifyReporter = notifyReporter;
        this.recallCandidateThreshold = recallCandidateThreshold;
        this.learnOnConfirm = learnOnConfirm;
        this.retention = retention;
    }

    /** The folder every user gets; moving or copying a message into it reports the message. */
    public String folder() {
        return folder;
    }

    /** The address users forward suspicious mail to (as an attachment); default {@code report-phish@<default domain>}. */
    public String address(String defaultDomain) {
        return address.orElse(DEFAULT_ADDRESS_LOCAL_PART + "@" + defaultDomain);
    }

    public boolean notifyReporter() {
        return notifyReporter;
    }

    public int recallCandidateThreshold() {
        return recallCandidateThreshold;
    }

    public boolean learnOnConfirm() {
        return learnOnConfirm;
    }

    /**
     * Reports (with the reported message) and recall candidates older than this are deleted; zero
     * keeps them. What a confirmed report taught (model, local indicators) stays.
     */
    public Duration retention() {
        return retention;
    }
}
