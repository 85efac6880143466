package io.rampart.core.config;

/** {@code quarantine.*}: where stopped mail is kept (James mail repository URLs). */
public final class QuarantineSettings {
    public static final String DEFAULT_REPOSITORY = "memory://var/mail/rampart-quarantine/";
    public static final String DEFAULT_AUDIT_REPOSITORY = "memory://var/mail/rampart-audit/";

    public static QuarantineSettings from(ConfigReader reader) {
        String repository = reader.string("quarantine.repository", DEFAULT_REPOSITORY);
        if (!repository.contains("://") || !repository.contains("quarantine")) {
            throw reader.error("quarantine.repository", repository,
                "a mail repository URL containing 'quarantine', such as " + DEFAULT_REPOSITORY);
        }
        String auditRepository = reader.string("quarantine.auditRepository", DEFAULT_AUDIT_REPOSITORY);
        if (!auditRepository.contains("://") || auditRepository.equals(repository)) {
            throw reader.error("quarantine.auditRepository", auditRepository,
                "a mail repository URL other than quarantine.repository, such as " + DEFAULT_AUDIT_REPOSITORY);
        }
        return new QuarantineSettings(repository, auditRepository);
    }

    public static QuarantineSettings defaults() {
        return new QuarantineSettings(DEFAULT_REPOSITORY, DEFAULT_AUDIT_REPOSITORY);
    }

    private final String repository;
    private final String auditRepository;

    public QuarantineSettings(String repository, String auditRepository) {
        this.repository = repository;
        this.auditRepository = auditRepository;
    }

    /** Where mail held for audit waits for an admin's decision. */
    public String auditRepository() {
        return auditRepository;
    }

    public String repository() {
        return repository;
    }
}
