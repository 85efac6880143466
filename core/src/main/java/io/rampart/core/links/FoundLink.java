package io.rampart.core.links;

import java.util.Objects;
import java.util.Optional;

/** A URL as found in a message: where (part and element), and the text a reader saw for it, if any. */
public final class FoundLink {
    /** How the URL was found. */
    public enum Source {
        TEXT, HREF, SRC, FORM_ACTION, META_REFRESH, OTHER
    }

    public static FoundLink of(String raw, Source source, String part, Optional<String> displayedText) {
        return new FoundLink(raw, source, part, displayedText);
    }

    private final String raw;
    private final Source source;
    private final String part;
    private final Optional<String> displayedText;

    private FoundLink(String raw, Source source, String part, Optional<String> displayedText) {
        this.raw = Objects.requireNonNull(raw);
        this.source = Objects.requireNonNull(source);
        this.part = Objects.requireNonNull(part);
        this.displayedText = displayedText.map(String::trim).filter(s -> !s.isEmpty());
    }

    public String raw() {
        return raw;
    }

    public Source source() {
        return source;
    }

    public String part() {
        return part;
    }

    public Optional<String> displayedText() {
        return displayedText;
    }
}
