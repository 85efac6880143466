package io.rampart.core.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password the message gives its reader ("Password: 2026", "密码：8812", "Kennwort = abc123"): what mail that
 * delivers an encrypted archive says, so that the archive passes scanners and the reader can still open it.
 */
public final class PasswordHints {
    private static final Pattern HINT = Pattern.compile(
        "(?iu)(password|passcode|passwort|kennwort|senha|contrase[ñn]a|mot de passe|пароль|密码|密碼|口令|解压码|解壓碼)"
            + "\\s*(?:is\\s*[:：]?|[:：=]|是|为|為)\\s*[\"'«“]?([\\p{L}\\p{N}!@#$%^&*._+-]{3,32})");

    private PasswordHints() {
    }

    /** The first password given in {@code text}, as the word and the password ("password 2026"). */
    public static Optional<String> find(String text) {
        Matcher matcher = HINT.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1) + " " + matcher.group(2)) : Optional.empty();
    }
}
