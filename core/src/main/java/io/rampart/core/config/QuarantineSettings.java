package io.rampart.core.config;

/** {@code quarantine.*}: where stopped mail is kept (a James mail repository URL). */
public final class QuarantineSettings {
    public static final String DEFAULT_REPOSITORY = "memory://var/mail/rampart-quarantine/";

    public static QuarantineSettings from(ConfigReader reader) {
        String repository = reader.string("quarantine.repository", DEFAULT_REPOSITORY);
        if (!repository.contains("://") || !repository.contains("quarantine")) {
            throw reader.error("quarantine.repository", repository,
                "a mail repository URL containing 'quarantine', such as " + DEFAULT_REPOSITORY);
        }
        return new QuarantineSettings(repository);
    }

    public static QuarantineSettings defaults() {
        return new QuarantineSettings(DEFAULT_REPOSITORY);
    }

    private final String repository;

    public QuarantineSettings(String repository) {
        this.repository = repository;
    }

    public String repository() {
        return repository;
    }
}
