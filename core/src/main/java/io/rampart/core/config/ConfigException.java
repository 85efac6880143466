package io.rampart.core.config;

/** A bad Rampart setting: the message names the file, the key and the value. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
