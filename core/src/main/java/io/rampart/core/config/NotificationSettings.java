package io.rampart.core.config;

import java.util.Optional;

/**
 * {@code notifications.*}: where alerts and reports go and who signs them. Empty values mean
 * "derive from James's default domain" ({@code security@<domain>}, {@code rampart-noreply@<domain>}).
 */
public final class NotificationSettings {
    public static NotificationSettings from(ConfigReader reader) {
        Optional<String> security = reader.optionalString("notifications.securityMailbox");
        Optional<String> sender = reader.optionalString("notifications.sender");
        security.filter(v -> !v.contains("@")).ifPresent(v -> {
            throw reader.error("notifications.securityMailbox", v, "a mail address");
        });
        sender.filter(v -> !v.contains("@")).ifPresent(v -> {
            throw reader.error("notifications.sender", v, "a mail address");
        });
        boolean notifySenderOnDrop = reader.bool("notifications.notifySenderOnDrop", true);
        return new NotificationSettings(security, sender, notifySenderOnDrop);
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(Optional.empty(), Optional.empty(), true);
    }

    private final Optional<String> securityMailbox;
    private final Optional<String> sender;
    private final boolean notifySenderOnDrop;

    public NotificationSettings(Optional<String> securityMailbox, Optional<String> sender, boolean notifySenderOnDrop) {
        this.securityMailbox = securityMailbox;
        this.sender = sender;
        this.notifySenderOnDrop = notifySenderOnDrop;
    }

    public String securityMailbox(String defaultDomain) {
        return securityMailbox.orElse("security@" + defaultDomain);
    }

    public String sender(String defaultDomain) {
        return sender.orElse("rampart-noreply@" + defaultDomain);
    }

    public boolean notifySenderOnDrop() {
        return notifySenderOnDrop;
    }
}
