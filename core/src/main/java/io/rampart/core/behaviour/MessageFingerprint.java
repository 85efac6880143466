package io.rampart.core.behaviour;

import java.nio.charset.StandardCharsets;

import com.google.common.hash.Hashing;

import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.text.TextNormalizer;

/**
 * A short hash of what a mail says (normalized subject and the start of its text, digits and
 * spaces dropped), equal for the same message sent to many people even when personalised by
 * numbers, different for different content.
 */
public final class MessageFingerprint {
    static final int BODY_CHARS = 4000;

    private MessageFingerprint() {
    }

    public static String of(ParsedMessage message) {
        StringBuilder body = new StringBuilder();
        for (TextPart part : message.texts()) {
            body.append(part.text()).append('\n');
            if (body.length() > BODY_CHARS) {
                break;
            }
        }
        return of(message.subject(), body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) : body.toString());
    }

    public static String of(String subject, String body) {
        String canonical = canonical(subject) + "\u0000" + canonical(body);
        return Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString().substring(0, 32);
    }

    private static String canonical(String text) {
        String subject = TextNormalizer.normalize(text).replaceAll("^((re|fw|fwd|回复|转发)\\s*[:：]\\s*)+", "");
        return subject.replaceAll("[\\s\\p{N}]+", "");
    }
}
