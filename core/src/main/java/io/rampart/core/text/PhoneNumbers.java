package io.rampart.core.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers as mail writes them: North American ({@code 888-555-0199}, {@code (888) 555 0199},
 * {@code +1 888.555.0199}), international with a country code ({@code +44 20 7946 0018}), and Chinese
 * service and mobile numbers ({@code 400-820-1234}, {@code 138 1234 5678}, {@code 010-12345678}).
 * A regular expression rather than libphonenumber: Rampart only needs to know that a number is
 * there for the reader to call, not whether it is assigned.
 */
public final class PhoneNumbers {
    private static final Pattern PHONE = Pattern.compile(
        "(?<![\\d])(\\+?1[-. ]?)?\\(?[2-9]\\d{2}\\)?[-. ]\\d{3}[-. ]\\d{4}(?![\\d])"
            + "|\\+\\d{1,3}[-. ]?\\(?\\d{1,4}\\)?(?:[-. ]?\\d{2,4}){2,4}"
            + "|(?<![\\d])[48]00[- ]?\\d{3}[- ]?\\d{4}(?![\\d])"
            + "|(?<![\\d])1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?![\\d])"
            + "|(?<![\\d])0\\d{2,3}-\\d{7,8}(?![\\d])");

    private PhoneNumbers() {
    }

    /** The first telephone number in {@code text}. */
    public static Optional<String> first(CharSequence text) {
        Matcher matcher = PHONE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().trim()) : Optional.empty();
    }

    /** Where the telephone numbers of {@code text} are. */
    public static Matcher matcher(CharSequence text) {
        return PHONE.matcher(text);
    }
}
